// "Copy link" buttons: <button data-copy-link="#id" hidden> copies the page's address with that
// fragment. Its words are in its data-copied and data-no-clipboard attributes; the status
// element after it announces them. Without JavaScript the button stays hidden and the heading's
// own link is there instead.
(function () {
  "use strict";

  function say(status, text) {
    // Emptied first so that saying the same words again is announced again.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function enhance(button) {
    var status = button.nextElementSibling;
    if (!status || status.getAttribute("role") !== "status") return;
    button.addEventListener("click", function () {
      var address = new URL(button.dataset.copyLink, location.href).href;
      var showAddress = function () { say(status, button.dataset.noClipboard + " " + address); };
      if (!navigator.clipboard || !navigator.clipboard.writeText) {
        showAddress();
        return;
      }
      navigator.clipboard.writeText(address).then(function () {
        say(status, button.dataset.copied);
      }, showAddress);
    });
    button.hidden = false;
  }

  document.querySelectorAll("button[data-copy-link]").forEach(enhance);
})();
