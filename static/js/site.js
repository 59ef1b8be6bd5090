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

  function enhance() {
    enhanceEmbeds();
    enhanceCommentForm();
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
