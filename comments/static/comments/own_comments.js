/*
 * The reader's own comments, in this browser only and without a cookie: the confirmed page and the edit
 * page carry the comment's signed link token (`data-own-comment`, `data-token`, `data-editable-until`);
 * this script keeps them in localStorage and, on the story page (cached and the same for everyone), adds
 * "Bearbeiten" (while the edit window lasts) and "Zurückziehen" to the footer of each of them. The links
 * are the same the mail carries (comments/editing.py); without JavaScript nothing is lost.
 */
(function () {
  "use strict";

  var KEY = "comments.own";
  var KEEP_MS = 365 * 24 * 60 * 60 * 1000; // as long as the signed links are valid (LINK_VALID_DAYS)
  var script = document.currentScript;
  var now = Date.now();

  function load() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(KEY) || "{}");
      return stored && typeof stored === "object" ? stored : {};
    } catch (error) {
      return {};
    }
  }

  function save(own) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(own));
    } catch (error) {
      // Storage full or forbidden (private mode): the mail still has the links.
    }
  }

  function remember(own) {
    document.querySelectorAll("[data-own-comment][data-token]").forEach(function (element) {
      var until = Date.parse(element.getAttribute("data-editable-until") || "");
      own[element.getAttribute("data-own-comment")] = {
        token: element.getAttribute("data-token"),
        until: isNaN(until) ? 0 : until,
        keep: now + KEEP_MS,
      };
    });
    document.querySelectorAll("[data-own-withdrawn]").forEach(function (element) {
      delete own[element.getAttribute("data-own-withdrawn")];
    });
  }

  function link(template, token, label) {
    var anchor = document.createElement("a");
    anchor.href = template.replace("TOKEN", encodeURIComponent(token));
    anchor.textContent = label;
    anchor.rel = "nofollow";
    anchor.setAttribute("data-own-link", "");
    return anchor;
  }

  function offer(own) {
    var data = script ? script.dataset : {};
    if (!data.editUrl || !data.withdrawUrl) {
      return;
    }
    Object.keys(own).forEach(function (pk) {
      var footer = document.querySelector("#kommentar-" + CSS.escape(pk) + " footer");
      if (!footer || footer.querySelector("[data-own-link]")) {
        return;
      }
      var entry = own[pk];
      // No "Hilfreich" for one's own comment (the server refuses it too).
      var helpful = footer.querySelector(".comment__helpful");
      if (helpful) {
        helpful.remove();
      }
      // Before the report link, which stays last (and muted).
      var before = footer.lastElementChild;
      if (entry.until > now) {
        footer.insertBefore(link(data.editUrl, entry.token, data.editLabel), before);
      }
      footer.insertBefore(link(data.withdrawUrl, entry.token, data.withdrawLabel), before);
    });
  }

  var own = load();
  Object.keys(own).forEach(function (pk) {
    if (!own[pk] || !own[pk].token || !(own[pk].keep > now)) {
      delete own[pk];
    }
  });
  remember(own);
  save(own);
  offer(own);
})();
