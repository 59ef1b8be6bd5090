/* "Hilfreich" under each comment (comments.helpful): the small form is sent by fetch, the count goes up in
 * place, the button shows pressed and a polite live region says what happened. Which comments this browser
 * marked is remembered in localStorage (not a cookie: the server never sees it), so a reload shows them
 * pressed. Without this script the form posts and the page comes back with a notice under the comment. */
(function () {
  "use strict";

  var STORAGE_KEY = "hilfreich";
  var status = document.getElementById("hilfreich-hinweis");

  function remembered() {
    try {
      return JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "[]");
    } catch (error) {
      return [];
    }
  }

  function remember(id) {
    var ids = remembered();
    if (ids.indexOf(id) === -1) {
      ids.push(id);
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(ids.slice(-500)));
      } catch (error) {
        /* private mode or full: the button is pressed for this visit only */
      }
    }
  }

  function commentId(form) {
    var match = form.action.match(/\/(\d+)\/?$/);
    return match ? match[1] : null;
  }

  function show(button, count, pressed) {
    var word = button.getAttribute("data-label");
    button.textContent = count > 0 ? word + " (" + count + ")" : word;
    button.setAttribute("data-count", String(count));
    button.setAttribute("aria-pressed", pressed ? "true" : "false");
  }

  function announce(message) {
    if (!status) {
      return;
    }
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function send(form, button) {
    var id = commentId(form);
    if (form.getAttribute("aria-busy") === "true") {
      return;
    }
    /* Busy rather than disabled: a disabled button would lose the keyboard focus. */
    form.setAttribute("aria-busy", "true");
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        if (answer.voted) {
          remember(id);
          show(button, answer.count, true);
        }
        announce(answer.message);
      })
      .catch(function () {
        form.submit(); /* the page answers without the script */
      })
      .finally(function () {
        form.removeAttribute("aria-busy");
      });
  }

  var voted = remembered();
  var forms = document.querySelectorAll("form.comment__helpful");
  Array.prototype.forEach.call(forms, function (form) {
    var button = form.querySelector("button");
    var count = Number(button.getAttribute("data-count")) || 0;
    button.setAttribute("data-label", button.textContent.replace(/\s*\(\d+\)$/, ""));
    show(button, count, voted.indexOf(commentId(form)) !== -1);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      send(form, button); /* pressed before: the answer says so, in the page's language */
    });
  });
})();
