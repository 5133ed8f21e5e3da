// Office finder: filters the directory as you type. Progressive enhancement: without
// JavaScript the form stays hidden and the page is the complete grouped directory.
(function () {
  "use strict";
  var form = document.querySelector("[data-finder]");
  if (!form) return;
  var input = form.querySelector("input");
  var status = document.getElementById("finder-status");
  var none = form.getAttribute("data-none");
  var some = form.getAttribute("data-some");
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.department"));
  // The same folding as stend's search keys: lowercase, Kazakh letters to Russian look-alikes.
  var fold = { "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и", "ё": "е" };
  function norm(s) {
    var out = "";
    s = s.toLowerCase();
    for (var i = 0; i < s.length; i++) out += fold[s[i]] || s[i];
    return out.replace(/\s+/g, " ").trim();
  }
  var timer = null;
  function run() {
    var q = norm(input.value);
    var found = 0;
    sections.forEach(function (sec) {
      var seat = norm(sec.getAttribute("data-search") || "").indexOf(q) >= 0;
      var any = false;
      sec.querySelectorAll("li[data-search]").forEach(function (li) {
        var ok = !q || li.getAttribute("data-search").indexOf(q) >= 0;
        li.hidden = !ok;
        if (ok) { any = true; if (q) found++; }
      });
      if (q && seat) found++;
      sec.hidden = !!q && !seat && !any;
    });
    clearTimeout(timer);
    // Announce after typing pauses, so screen readers are not flooded.
    timer = setTimeout(function () {
      status.textContent = q ? (found ? some.replace("{n}", String(found)) : none) : "";
    }, 300);
  }
  form.hidden = false;
  input.addEventListener("input", run);
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  if (input.value) run();
})();
