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

  function enhance() {
    enhanceEmbeds();
    enhanceCommentForm();
    openTargetedDetails();
    window.addEventListener("hashchange", openTargetedDetails);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
