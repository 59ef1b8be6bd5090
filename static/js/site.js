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

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceEmbeds);
  } else {
    enhanceEmbeds();
  }
})();
