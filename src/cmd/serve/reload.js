// stend serve: reloads the page after a rebuild, shows build errors over it.
(function () {
  "use strict";
  var script = document.currentScript;
  var me = script && script.src;
  var built = me ? new URL(me).searchParams.get("build") : null;
  // The panel's words, in the language stend speaks to the webmaster (set by the server).
  var words = (script && script.dataset) || {};
  var panel = null;
  function hide() {
    if (panel) { panel.remove(); panel = null; }
  }
  function show(text) {
    hide();
    panel = document.createElement("div");
    panel.setAttribute("role", "alert");
    panel.id = "stend-serve-error";
    if (words.lang) panel.lang = words.lang;
    var s = panel.style;
    s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.zIndex = "2147483647";
    s.maxHeight = "60vh"; s.overflow = "auto"; s.margin = "0"; s.padding = "1em";
    s.background = "#fff4f4"; s.color = "#600"; s.borderTop = "4px solid #c00";
    s.font = "14px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
    s.boxShadow = "0 -2px 12px rgba(0,0,0,.3)";
    var head = document.createElement("strong");
    head.textContent = "stend: " + (words.heading || "the last change does not build; this page is the last good build.");
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", words.close || "Close");
    close.style.float = "right";
    close.addEventListener("click", hide);
    var pre = document.createElement("pre");
    pre.style.whiteSpace = "pre-wrap";
    pre.style.margin = ".5em 0 0";
    pre.textContent = text;
    panel.appendChild(close);
    panel.appendChild(head);
    panel.appendChild(pre);
    document.body.appendChild(panel);
  }
  if (!window.EventSource) return;
  var events = new EventSource("/__stend/events");
  events.addEventListener("hello", function (e) {
    // A rebuild happened while this page was loading or the connection was down.
    if (built !== null && e.data !== built) location.reload();
  });
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("error", function (e) {
    // The stream's own connection errors are plain events without data: EventSource reconnects.
    if (typeof e.data === "string") show(e.data);
  });
  events.addEventListener("ok", hide);
})();
