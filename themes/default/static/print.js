// Shows the Print button on printable pages; without JavaScript the hint tells readers to use
// the browser's own Print command, which gives the same result.
document.querySelectorAll("[data-print]").forEach(function (b) {
  b.hidden = false;
  b.addEventListener("click", function () { window.print(); });
});
