// The header's light/dark switch, run here instead of by the theme's bundle (Material for
// MkDocs' palette component). Starting the theme's one re-applied the scheme to the whole page
// and read a computed style back: a full style recalculation inside the page's longest task
// at start-up (docs-dev/decisions/0005). Here nothing changes at start-up: the page is already in
// the device's scheme (partials/device-colour-scheme.html), so this only shows the switch for
// the other scheme, and changes the scheme when the visitor asks. The choice is kept in page
// memory only, like the theme's other preferences (partials/javascripts/base.html).
(() => {
  "use strict";
  const form = document.querySelector("[data-colour-scheme-switch]");
  if (!form) return;
  const options = Array.from(form.querySelectorAll("input"));

  function showSwitch(index) {
    options.forEach((option, i) => {
      option.checked = i === index;
      option.nextElementSibling.hidden = i !== index;  // its label switches on to the next
    });
  }

  showSwitch((window.__md_get("__palette") || { index: 0 }).index);

  form.addEventListener("change", ({ target }) => {
    const index = options.indexOf(target);
    const color = Object.fromEntries(["media", "scheme", "primary", "accent"].map(
      (key) => [key, target.getAttribute(`data-md-color-${key}`)]));
    document.body.setAttribute("data-md-color-switching", "");  // no transitions meanwhile
    Object.entries(color).forEach(([key, value]) => document.body.setAttribute(`data-md-color-${key}`, value));
    setTimeout(() => document.body.removeAttribute("data-md-color-switching"));
    window.__md_set("__palette", { index, color });
    showSwitch(index);
  });

  // As in the theme: Enter moves on to the next scheme.
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const next = options[(options.findIndex((option) => option.checked) + 1) % options.length];
    next.click();
    next.focus();
  });
})();
