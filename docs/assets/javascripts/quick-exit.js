// Quick exit, after the GOV.UK "Exit this page" component (experimental in the GOV.UK Design
// System), with Chayn's choice of location.replace so that Back does not return to this site.
//
// - The "Exit this page" link in the header, or Shift pressed 3 times (each press within 5 s
//   of the last; any other key starts the count again; Shift held for a capital letter does
//   not count), leaves the site.
// - On exit: the page is hidden at once behind a blank overlay, the checker's answers are
//   wiped (`checker:wipe` on document), then location.replace(<destination>).
// - The destination is picked at random from the link's list, so the exit does not always
//   land on the same site. Without JavaScript the link simply goes to its href.
// - `pageshow` removes the overlay if the browser ever restores this page from its cache.
// - Leaving any page forgets what was typed or answered on it: on `pagehide` (before the
//   browser freezes the page in its back/forward cache) and again on a `pageshow` that
//   restores it, every text box is emptied and the checker is told to wipe its answers. So
//   Back, after Exit or after any link, never shows an answer.
(() => {
  "use strict";
  const root = document.querySelector("[data-quick-exit]");
  const button = root && root.querySelector(".quick-exit__button");
  if (!button) return;
  const status = root.querySelector(".quick-exit__status");
  const destinations = (button.dataset.destinations || button.href).split(/\s+/).filter(Boolean);
  const PRESSES = 3;
  const WINDOW_MS = 5000;
  const MESSAGES = {  // the words are the page's (overrides/partials/quick-exit.html)
    1: root.dataset.pressedOnce,
    2: root.dataset.pressedTwice,
    expired: root.dataset.expired,
  };

  let presses = 0;
  let lastKeyWasModified = false;
  let pressTimer = null;
  let messageTimer = null;
  let overlay = null;
  let title = null;

  function destination() {
    return destinations[Math.floor(Math.random() * destinations.length)];
  }

  function showPresses() {
    root.dataset.presses = String(presses);
  }

  function exit() {
    // 1. Hide the page before anything else, even on a slow connection.
    document.body.classList.add("quick-exit-active");
    overlay = document.createElement("div");
    overlay.className = "quick-exit-overlay";
    overlay.setAttribute("role", "alert");
    document.body.append(overlay);
    overlay.textContent = root.dataset.leaving;
    title = document.title;
    document.title = root.dataset.leavingTitle;
    // 2. Forget the checker's answers.
    document.dispatchEvent(new CustomEvent("checker:wipe"));
    // 3. Leave, replacing this page in the session history.
    window.location.replace(destination());
  }

  function resetPresses(announce) {
    clearTimeout(pressTimer);
    pressTimer = null;
    presses = 0;
    showPresses();
    if (announce) {
      status.textContent = MESSAGES.expired;
      clearTimeout(messageTimer);
      messageTimer = setTimeout(() => { status.textContent = ""; }, WINDOW_MS);
    }
  }

  button.addEventListener("click", (event) => {
    event.preventDefault();
    exit();
  });

  // keyup, as in GOV.UK: Shift used as a modifier (Shift+A) gives a keyup for A with
  // shiftKey set, then a keyup for Shift; the Shift keyup after a modified key is ignored.
  document.addEventListener("keyup", (event) => {
    if (event.key === "Shift" && !lastKeyWasModified) {
      presses += 1;
      clearTimeout(messageTimer);
      if (presses >= PRESSES) {
        resetPresses(false);
        exit();
      } else {
        showPresses();
        status.textContent = MESSAGES[presses];
        clearTimeout(pressTimer);
        pressTimer = setTimeout(() => resetPresses(true), WINDOW_MS);
      }
    } else if (pressTimer) {
      resetPresses(true);
    }
    lastKeyWasModified = event.shiftKey;
  }, true);

  function forget() {
    document.querySelectorAll("input[type=text], input[type=search], input[type=date], textarea")
      .forEach((field) => { field.value = ""; });
    document.dispatchEvent(new CustomEvent("checker:wipe"));
  }

  window.addEventListener("pagehide", forget);

  // Back/forward cache: never show a blank page, nor anything typed before.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) forget();
    document.body.classList.remove("quick-exit-active");
    if (overlay) { overlay.remove(); overlay = null; }
    if (title !== null) { document.title = title; title = null; }
    status.textContent = "";
    resetPresses(false);
  });
})();
