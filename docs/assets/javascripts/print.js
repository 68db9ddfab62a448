// Printing. The stylesheet decides what prints (site.css, @media print); this fills in what
// only a script can know, from words already on the page:
// - the print footer (partials/print-footer.html): the address this page was opened at, and
//   today's date in the site's language;
// - each link to another page of this site, its full address in data-print-href, which the
//   printout shows after the link (links within the page are left alone);
// - before printing, every closed <details> ("Read the law") is opened, and closed again after,
//   for browsers whose stylesheet cannot open them.
(() => {
  "use strict";
  const footer = document.querySelector("[data-print-footer]");

  function fillFooter() {
    if (!footer) return;
    const date = footer.querySelector("[data-print-date]");
    const today = new Date();
    footer.querySelector("[data-print-address]").textContent = location.origin + location.pathname;
    date.dateTime = today.toISOString().slice(0, 10);
    date.textContent = today.toLocaleDateString(date.dataset.locale, { day: "numeric", month: "long", year: "numeric" });
    footer.querySelector("[data-print-when]").hidden = false;
  }

  function addressLinks() {
    document.querySelectorAll(".md-typeset a[href]:not([data-print-href]):not(.headerlink)").forEach((link) => {
      const href = link.getAttribute("href");
      if (href.startsWith("#") || /^[a-z]+:/i.test(href)) return;
      link.dataset.printHref = link.href;
    });
  }

  let opened = [];
  addEventListener("beforeprint", () => {
    fillFooter();
    addressLinks();
    opened = Array.from(document.querySelectorAll("details:not([open])"));
    opened.forEach((details) => { details.open = true; });
  });
  addEventListener("afterprint", () => {
    opened.forEach((details) => { details.open = false; });
    opened = [];
  });

  fillFooter();
  addressLinks();
})();
