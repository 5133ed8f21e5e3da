// Office finder: filters the directory as you type. Progressive enhancement: without
// JavaScript the form is hidden (noscript.css) and the page is the complete grouped directory.
//
// stend builds the index: each office's names, addresses and localities in every language,
// folded to Latin skeleton words (data-search; a department's name, i.e. its region, in
// data-region). The query is folded with the same table, which the form carries (data-fold).
// A query word matches a key word that starts with it once a Russian or Kazakh case ending is
// taken off («Карагандинская» finds «Карагандинской», «облысы» finds «облысының»), or, from
// five letters on, a word with one letter wrong, missing or extra. An office is shown when
// every query word matches its own words or its department's name: a department matched by
// name shows all its offices.
(function () {
  "use strict";
  var form = document.querySelector("[data-finder]");
  if (!form) return;
  var input = form.querySelector("input");
  var status = document.getElementById("finder-status");
  var jump = document.querySelector("nav.jump");
  var none = form.getAttribute("data-none");
  var some = form.getAttribute("data-some");

  var table = Object.create(null);
  var longest = 1;
  (form.getAttribute("data-fold") || "").split(" ").forEach(function (pair) {
    var i = pair.indexOf("=");
    if (i < 1) return;
    table[pair.slice(0, i)] = pair.slice(i + 1);
    longest = Math.max(longest, i);
  });
  // The query's words in the skeleton alphabet (the same rules as stend's search::fold).
  function fold(text) {
    var s = text.normalize("NFC").toLowerCase().replace(/[\u0300-\u036f]/g, "");
    var out = "";
    for (var i = 0; i < s.length;) {
      var len = Math.min(longest, s.length - i), to = null;
      for (; len > 0; len--) {
        to = table[s.substr(i, len)];
        if (to !== undefined) break;
      }
      if (len === 0) {
        len = 1;
        to = /[a-z0-9]/.test(s[i]) ? s[i] : " ";
      }
      out += to;
      i += len;
    }
    return out.split(" ").filter(Boolean);
  }

  // Case endings, folded: Russian adjective and noun endings, Kazakh genitive, possessive,
  // dative, locative and ablative ones. The longest that leaves four letters is taken off.
  var ENDINGS = ("iaia aia uiu iuiu ogo ego omu emu imi ami iami iah nin din tin dan den " +
    "tan ten nan nen oi ei ii ie oe ee ih im om em ah ov ev ia iu si ga ge ka ke da de ta te " +
    "a i u e o").split(" ").sort(function (a, b) { return b.length - a.length; });
  function stem(w) {
    if (w.length < 5) return w;
    for (var i = 0; i < ENDINGS.length; i++) {
      var e = ENDINGS[i];
      if (w.length - e.length >= 4 && w.slice(-e.length) === e) return w.slice(0, -e.length);
    }
    return w;
  }
  function same(a, ai, b, bi, n) {
    if (bi + n > b.length) return false;
    for (var k = 0; k < n; k++) if (a.charCodeAt(ai + k) !== b.charCodeAt(bi + k)) return false;
    return true;
  }
  // Whether `w` starts with `q` but for one letter wrong, missing from q or extra in q. A last
  // letter of q that differs only counts against a word of q's length (typing «aktau» should
  // not find «aktas…»), and a dropped last letter not at all (that is a prefix of q).
  function near(q, w) {
    var n = q.length, i = 0;
    while (i < n && i < w.length && q.charCodeAt(i) === w.charCodeAt(i)) i++;
    if (i === n) return true;
    if (i < n - 1 ? same(q, i + 1, w, i + 1, n - i - 1) : w.length === n) return true;
    if (w.length > n && same(q, i, w, i + 1, n - i)) return true;
    return i < n - 1 && same(q, i + 1, w, i, n - i - 1);
  }

  // The vocabulary: every distinct key word once; offices hold the numbers of their words.
  var vocab = [];
  var ids = Object.create(null);
  function words(key) {
    if (!key) return [];
    return key.split(" ").map(function (w) {
      var id = ids[w];
      if (id === undefined) {
        id = ids[w] = vocab.length;
        vocab.push(w);
      }
      return id;
    });
  }
  // Built a department at a time while the browser is idle after the page has loaded, so
  // neither loading nor the first keystroke waits for it; reaching the field before it is done
  // builds the rest at once.
  var groups = null, built = [], secs = null, next = 0;
  function group(sec) {
    return {
      el: sec,
      seat: sec.querySelector(":scope > dl.contact"),
      region: words(sec.getAttribute("data-region")),
      words: words(sec.getAttribute("data-search")),
      units: Array.prototype.map.call(sec.querySelectorAll("li[data-search]"), function (li) {
        return { el: li, words: words(li.getAttribute("data-search")) };
      }),
    };
  }
  function step(deadline) {
    if (groups) return;
    secs = secs || document.querySelectorAll("section.department");
    // At least one department per slice, so a browser that is never idle still gets there.
    while (next < secs.length) {
      built.push(group(secs[next++]));
      if (deadline && deadline.timeRemaining() < 1) break;
    }
    if (next < secs.length) return idle(step);
    groups = built;
    form.setAttribute("data-ready", "");
  }
  function index() {
    step(null);
  }
  // Browsers without requestIdleCallback get slices of about 8 ms between other tasks.
  function idle(f) {
    if (window.requestIdleCallback) return window.requestIdleCallback(f, { timeout: 2000 });
    setTimeout(function () {
      var t0 = Date.now();
      f({ timeRemaining: function () { return Math.max(0, 8 - (Date.now() - t0)); } });
    }, 16);
  }
  if (document.readyState === "complete") idle(step);
  else window.addEventListener("load", function () { idle(step); });

  // Which vocabulary words a query word matches, kept while the reader types.
  var memo = Object.create(null);
  function matches(q) {
    if (memo[q]) return memo[q];
    var s = stem(q), typo = q.length >= 5, hit = new Uint8Array(vocab.length);
    for (var i = 0; i < vocab.length; i++) {
      var w = vocab[i];
      if (w.lastIndexOf(s, 0) === 0 || (typo && near(q, w))) hit[i] = 1;
    }
    return (memo[q] = hit);
  }
  function has(list, hit) {
    for (var i = 0; i < list.length; i++) if (hit[list[i]]) return true;
    return false;
  }
  function every(hits, own, inRegion) {
    for (var k = 0; k < hits.length; k++) if (!inRegion[k] && !has(own, hits[k])) return false;
    return true;
  }
  function show(el, on) {
    if (el && el.hidden === on) el.hidden = !on;
  }

  var timer = null;
  function run() {
    index();
    var qs = fold(input.value);
    var active = qs.length > 0;
    var hits = qs.map(matches);
    var found = 0;
    groups.forEach(function (g) {
      var inRegion = hits.map(function (hit) { return has(g.region, hit); });
      var seat = !active || every(hits, g.words, inRegion);
      var oks = g.units.map(function (u) { return !active || every(hits, u.words, inRegion); });
      var n = oks.filter(Boolean).length;
      if (active) found += n + (seat ? 1 : 0);
      // A department with nothing found goes whole; its offices keep their state until it is
      // shown again (fewer changes to the page, which is what costs time at thousands).
      show(g.el, seat || n > 0);
      if (!seat && !n) return;
      g.units.forEach(function (u, i) { show(u.el, oks[i]); });
      show(g.seat, seat);
    });
    // Results come first: the list of departments goes while a query is active.
    show(jump, !active);
    clearTimeout(timer);
    // Announce after typing pauses, so screen readers are not flooded.
    timer = setTimeout(function () {
      status.textContent = active ? (found ? some.replace("{n}", String(found)) : none) : "";
    }, 300);
  }
  input.addEventListener("focus", index);
  input.addEventListener("input", run);
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  if (input.value) run();
})();
