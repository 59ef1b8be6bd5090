/*
 * Progressive enhancement only: every page works without this file.
 *
 * Privacy-friendly video embeds: the player markup waits in a <template> element, so the browser
 * contacts the video provider only after the reader clicks "Video laden".
 */
(function () {
  "use strict";

  function loadEmbed(embed) {
    var template = embed.querySelector("template[data-embed-template]");
    var target = embed.querySelector("[data-embed-target]");
    if (!template || !target) {
      return;
    }
    target.textContent = "";
    target.appendChild(template.content.cloneNode(true));
    embed.classList.add("is-loaded");
    var iframe = target.querySelector("iframe");
    if (iframe) {
      iframe.focus();
    }
  }

  function enhanceEmbeds() {
    document.querySelectorAll("[data-embed]").forEach(function (embed) {
      var button = embed.querySelector("[data-embed-load]");
      if (!button || !("content" in document.createElement("template"))) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        loadEmbed(embed);
      });
    });
  }

  /*
   * The comment form asks the server for a signed start mark when the reader first touches it, so the
   * minimum writing time counts from then even on a page from a shared cache. Without this script the
   * server asks for a second "Kommentar senden" click instead.
   */
  function enhanceCommentForm() {
    var form = document.querySelector("form[data-start-url]");
    var field = form && form.querySelector("input[name=started]");
    if (!field || field.value || !window.fetch) {
      return;
    }
    var asked = false;
    function askForStartMark() {
      if (asked) {
        return;
      }
      asked = true;
      fetch(form.getAttribute("data-start-url"), { credentials: "omit" })
        .then(function (response) {
          return response.ok ? response.json() : {};
        })
        .then(function (data) {
          if (data.started) {
            field.value = data.started;
          }
        })
        .catch(function () {
          asked = false;
        });
    }
    form.addEventListener("focusin", askForStartMark);
    form.addEventListener("input", askForStartMark);
    if (form.contains(document.activeElement)) {
      askForStartMark();
    }
  }

  /*
   * A link to an FAQ answer (/faq/#geschichte-vorschlagen) shows it open. Chromium and Firefox open a
   * closed <details> around the target themselves; this does it where a browser does not.
   */
  function openTargetedDetails() {
    var id;
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch (error) {
      return;
    }
    var target = id && document.getElementById(id);
    var details = target && target.closest("details");
    if (details && !details.open) {
      details.open = true;
      target.scrollIntoView();
    }
  }

  /* ---------------------------------------------------------------------------------------------
   * Relative dates. Pages carry absolute dates (<time datetime>), true in every cache however long
   * it keeps a page; the reader's browser says "vor 3 Stunden", "gestern" or "vor 5 Tagen" instead,
   * in the page's language (<html lang>: "3 hours ago" in English), and keeps the absolute date as
   * the tooltip. data-relative="time" marks a moment (a comment), data-relative="day" a day (a
   * story). Anything a week old or more, or in the future, stays absolute.
   */
  var RELATIVE_FOR_DAYS = 7;
  var DAY = 24 * 60 * 60 * 1000;

  function startOfDay(date) {
    return new Date(date.getFullYear(), date.getMonth(), date.getDate());
  }

  function daysBetween(earlier, later) {
    return Math.round((startOfDay(later) - startOfDay(earlier)) / DAY);
  }

  function parseDay(value) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return parts && new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]));
  }

  function relativeDay(format, day, now) {
    var days = daysBetween(day, now);
    return days >= 0 && days < RELATIVE_FOR_DAYS ? format.format(-days, "day") : null;
  }

  function relativeTime(format, moment, now) {
    var minutes = Math.floor((now - moment) / 60000);
    if (minutes < -1) {
      return null;
    }
    if (minutes < 1) {
      return format.format(0, "second");
    }
    if (minutes < 60) {
      return format.format(-minutes, "minute");
    }
    if (minutes < 24 * 60) {
      return format.format(-Math.floor(minutes / 60), "hour");
    }
    return relativeDay(format, moment, now);
  }

  function relativeText(format, element, now) {
    var value = element.getAttribute("datetime") || "";
    if (element.getAttribute("data-relative") === "day") {
      var day = parseDay(value);
      return day && relativeDay(format, day, now);
    }
    var moment = new Date(value);
    return isNaN(moment.getTime()) ? null : relativeTime(format, moment, now);
  }

  function showRelativeDates() {
    var dates = document.querySelectorAll("time[data-relative]");
    if (!dates.length || !window.Intl || !Intl.RelativeTimeFormat) {
      return;
    }
    var format = new Intl.RelativeTimeFormat(document.documentElement.lang || "de", {
      numeric: "auto",
    });
    function update() {
      var now = new Date();
      dates.forEach(function (element) {
        if (!element.hasAttribute("data-absolute")) {
          element.setAttribute("data-absolute", element.textContent);
        }
        var absolute = element.getAttribute("data-absolute");
        var relative = relativeText(format, element, now);
        element.textContent = relative || absolute;
        if (relative) {
          element.title = absolute;
        } else {
          element.removeAttribute("title");
        }
      });
    }
    update();
    window.setInterval(update, 60 * 1000);
  }

  /*
   * Replies and messages in view (comments). "Antworten" opens the comment form right under the comment
   * answered: the form itself moves there (one form, one set of fields and start mark), says whom it
   * answers, quotes the start of that comment and offers a way back to a new comment. The focus goes to
   * where the reader starts writing: the text, or the name and address first while they are empty (on a
   * phone the text field alone would hide whom the reply answers). A reply the server refused (its form
   * carries the parent) goes back under its comment on load. Without this script the link reloads the
   * page with the form below the thread, saying and quoting the same.
   */
  var QUOTE_LENGTH = 200;

  function quoteOf(item) {
    var paragraphs = item.querySelectorAll("article > p");
    var text = Array.prototype.map
      .call(paragraphs, function (paragraph) {
        return paragraph.textContent.trim();
      })
      .join("\n");
    return text.length > QUOTE_LENGTH ? text.slice(0, QUOTE_LENGTH - 1).trimEnd() + "…" : text;
  }

  function enhanceReplies() {
    var form = document.getElementById("kommentar-formular");
    var list = document.querySelector(".comment-list");
    if (!form || !list) {
      return;
    }
    var parentField = form.querySelector("input[name=parent]");
    var heading = document.getElementById("kommentar-formular-titel");
    var replyBox = form.querySelector("[data-reply]");
    var quote = form.querySelector("[data-reply-quote]");
    var cancel = form.querySelector("[data-reply-cancel]");
    var textarea = form.querySelector("textarea");
    if (!parentField || !heading || !replyBox || !quote || !cancel || !textarea) {
      return;
    }

    function startWriting() {
      var empty = Array.prototype.filter.call(
        form.querySelectorAll("input[type=text][required], input[type=email][required]"),
        function (field) {
          return !field.value;
        }
      );
      form.scrollIntoView({ block: "start" });
      (empty[0] || textarea).focus({ preventScroll: true });
    }

    // Where the form stands for a new comment: it goes back there.
    var home = document.createElement("div");
    home.hidden = true;
    form.parentNode.insertBefore(home, form);

    function openReply(item, id) {
      var name = item.querySelector("article header b");
      item.appendChild(form);
      parentField.value = id;
      heading.textContent = heading.getAttribute("data-reply-title").replace("{name}", function () {
        return name ? name.textContent : "";
      });
      quote.textContent = quoteOf(item);
      replyBox.hidden = false;
      form.classList.add("comment-form--reply");
    }

    function closeReply() {
      home.parentNode.insertBefore(form, home);
      parentField.value = "";
      heading.textContent = heading.getAttribute("data-comment-title");
      quote.textContent = "";
      replyBox.hidden = true;
      form.classList.remove("comment-form--reply");
    }

    list.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='?antwort='], a[href^='?sortierung='][href*='antwort=']");
      var item = link && link.closest("li.comment");
      if (!item) {
        return;
      }
      event.preventDefault();
      openReply(item, item.id.replace("kommentar-", ""));
      startWriting();
    });
    cancel.addEventListener("click", function (event) {
      event.preventDefault();
      closeReply();
      startWriting();
    });

    var answered = parentField.value && document.getElementById("kommentar-" + parentField.value);
    if (answered && list.contains(answered)) {
      openReply(answered, parentField.value);
      if (!form.querySelector("[data-focus-on-load]")) {
        startWriting();
      }
    }
  }

  /*
   * What just happened, read first: a refused form's error summary, the notice after sending or the
   * second step is focused when the page loads (screen readers read it, the page scrolls to it). The
   * links in an error summary put the focus into their field and show its label above it.
   */
  function focusMessage() {
    var message = document.querySelector("[data-focus-on-load]");
    if (!message) {
      return;
    }
    message.focus();
    // Going to the address's #anchor (the form) moves the focus to the page once more when loading
    // ends; unless the reader has gone somewhere meanwhile, the message gets it back.
    if (document.readyState !== "complete") {
      window.addEventListener("load", function () {
        if (document.activeElement === document.body || document.activeElement === null) {
          message.focus();
        }
      });
    }
  }

  function enhanceErrorSummaries() {
    document.querySelectorAll(".error-summary").forEach(function (summary) {
      summary.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#']");
        var field = link && document.getElementById(link.getAttribute("href").slice(1));
        if (!field) {
          return;
        }
        event.preventDefault();
        // A group of radio buttons is introduced by its legend, a single field by its label.
        var fieldset = field.type === "radio" && field.closest("fieldset");
        var label = fieldset
          ? fieldset.querySelector("legend")
          : document.querySelector("label[for='" + field.id + "']");
        (label || field).scrollIntoView({ block: "start" });
        field.focus({ preventScroll: true });
      });
    });
  }

  function enhance() {
    enhanceEmbeds();
    enhanceCommentForm();
    openTargetedDetails();
    window.addEventListener("hashchange", openTargetedDetails);
    showRelativeDates();
    enhanceReplies();
    enhanceErrorSummaries();
    focusMessage();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();

/*
 * Header search on narrow screens ------------------------------------------------------------------
 *
 * Without this script the search icon in the header is a link to the search page, whose field takes the
 * focus. With it the icon becomes a button that opens the search field in the header and puts the focus
 * there; the button again or Escape closes it and gives the focus back to the button. On wide screens the
 * field is always shown and the icon is not.
 */
(function () {
  "use strict";

  function enhanceHeaderSearch() {
    var link = document.querySelector("a[data-search-toggle]");
    var form = link && document.getElementById(link.getAttribute("data-search-toggle"));
    var input = form && form.querySelector("input[type=search]");
    var header = link && link.closest(".site-header");
    // On the search page itself the link stays: it leads to the page's own field.
    if (!input || !header || link.hasAttribute("aria-current")) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.innerHTML = link.innerHTML;
    button.setAttribute("aria-controls", form.id);
    button.setAttribute("aria-expanded", "false");
    link.replaceWith(button);

    function setOpen(open) {
      header.classList.toggle("is-search-open", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
      (open ? input : button).focus();
    }

    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && header.classList.contains("is-search-open")) {
        setOpen(false);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceHeaderSearch);
  } else {
    enhanceHeaderSearch();
  }
})();
