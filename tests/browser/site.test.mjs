// One crawl of the built site in headless Chromium, collecting what each check needs; the tests
// below then assert over all pages at once, so that a failure lists every offending page, not
// just the first. Two depths:
// - every page of every language is loaded without JavaScript at 320 × 640: status, h1, text,
//   reflow, links and fragments, ids, markup rules (scripts, styles, CSP, noopener), console;
// - the deep set (`deepPaths`) is loaded again with JavaScript at 1280 × 800 for axe-core, the
//   keyboard, print and the same-text-without-JavaScript comparison: every page that is not an
//   office's, and every page of the offices `deepOffices` picks (each department's seat, one
//   office of every shape of data, the longest), in every language. An office's pages are the
//   same templates over other data; the data's shapes and extremes are what can change them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { readFileSync } from 'node:fs';
import {
  allPages, startServer, treeCpuSeconds, launchBrowser, runAxe, formatViolations, pool, pathToFile, WCAG_TAGS,
  siteLanguages, deepOffices,
} from './lib/site.mjs';

const WORKERS = Number(process.env.STEND_BROWSER_WORKERS || 3);
const MAX_LINES = 200;
/** Paths the server test asks for on purpose to get a 404. */
const PROBES = new Set(['/no/such/page/', '/../../etc/passwd']);

let server, browser;
const pages = allPages();

/** The pages that get every check: see the top of this file. */
function deepPaths() {
  const bases = [];
  for (const lang of siteLanguages()) for (const { route } of deepOffices()) bases.push(`/${lang}/${route}`);
  const isOffice = (p) => /^\/[^/]+\/offices\/[^/]+\//.test(p);
  const ofDeepOffice = (p) => bases.some((b) => p === b || p.startsWith(b + 'poster/') || p.startsWith(b + 'forms/'));
  return new Set(pages.map((p) => p.path).filter((p) => !isOffice(p) || ofDeepOffice(p)));
}
const deep = deepPaths();
/** path → facts gathered with JavaScript on */
const on = new Map();
/** path → facts gathered with JavaScript off */
const off = new Map();
/** every request any page made: { page, url } */
const requests = [];
let crawlError = null;

/** Fails with every problem listed (the first MAX_LINES of them) when there is any. */
function none(lines, title) {
  if (!lines.length) return;
  const shown = lines.slice(0, MAX_LINES).join('\n');
  const more = lines.length > MAX_LINES ? `\n… and ${lines.length - MAX_LINES} more` : '';
  assert.fail(`${title}: ${lines.length}\n${shown}${more}`);
}

// Runs in the page: the facts about its markup and content.
function pageFacts(measureText) {
  const q = (s) => [...document.querySelectorAll(s)];
  const main = document.querySelector('main');
  const ids = q('[id]').map((e) => e.id);
  const attr = (e, a) => e.getAttribute(a);
  const abs = (e, a) => { try { return new URL(attr(e, a), document.baseURI).href; } catch { return null; } };
  const links = [
    ...q('a[href]').map((e) => ({ tag: 'a', rel: attr(e, 'rel') || '', raw: attr(e, 'href'), url: abs(e, 'href') })),
    ...q('link[href]').map((e) => ({ tag: 'link', rel: attr(e, 'rel') || '', raw: attr(e, 'href'), url: abs(e, 'href') })),
    ...q('script[src]').map((e) => ({ tag: 'script', rel: '', raw: attr(e, 'src'), url: abs(e, 'src') })),
    ...q('img[src]').map((e) => ({ tag: 'img', rel: '', raw: attr(e, 'src'), url: abs(e, 'src') })),
  ];
  // The length of `main`'s text as a reader gets it, less the controls scripts reveal. Office cards
  // off screen are not rendered until scrolled to (`content-visibility: auto`), and innerText leaves
  // out what is not rendered, so a narrow viewport would seem to have less text: the cards are
  // rendered while the text is measured, then left as they were (without a style attribute).
  function readerText(main) {
    const lazy = [...main.querySelectorAll('*')].filter((e) => getComputedStyle(e).contentVisibility === 'auto');
    for (const e of lazy) e.style.contentVisibility = 'visible';
    const length = (e) => e.innerText.replace(/\s+/g, ' ').trim().length;
    const controls = [...main.querySelectorAll('form, button')]
      .filter((e) => e.getClientRects().length && !e.parentElement.closest('form, button'));
    const n = controls.reduce((sum, e) => sum - length(e), length(main));
    for (const e of lazy) {
      e.style.removeProperty('content-visibility');
      if (!e.getAttribute('style')) e.removeAttribute('style');
    }
    return n;
  }
  return {
    title: document.title,
    lang: document.documentElement.lang,
    h1: q('h1').map((e) => e.textContent.trim()),
    hasMain: !!main,
    // The text a reader gets; controls that scripts reveal (the Print button, the office finder's
    // form) are not content and are left out.
    mainText: !main ? 0 : measureText ? readerText(main) : main.textContent.trim().length,
    ids,
    links,
    inlineScripts: q('script:not([src])').filter((e) => (attr(e, 'type') || '').toLowerCase() !== 'application/ld+json')
      .map((e) => e.outerHTML.slice(0, 120)),
    styleAttrs: q('[style]').map((e) => `<${e.localName}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).trim().replace(/\s+/g, '.') : ''} style="${attr(e, 'style')}">`),
    cspMeta: q('head meta[http-equiv]').filter((e) => attr(e, 'http-equiv').toLowerCase() === 'content-security-policy')
      .map((e) => attr(e, 'content') || ''),
    langLinks: q('nav.langs a').map((e) => ({ href: attr(e, 'href'), hreflang: attr(e, 'hreflang'), lang: attr(e, 'lang'), text: e.textContent.trim() })),
  };
}

// Runs in the page after the first Tab: what has focus and whether it is visibly indicated.
function focusFacts() {
  const e = document.activeElement;
  if (!e || e === document.body) return { tag: 'body' };
  const cs = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  return {
    tag: e.localName,
    skip: e.matches('a.skip'),
    href: e.getAttribute('href'),
    text: e.textContent.trim(),
    inViewport: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
    outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
    shadow: cs.boxShadow !== 'none',
  };
}

// Runs in the page at a narrow viewport: how wide the document is and what sticks out.
function overflowFacts() {
  const vw = document.documentElement.clientWidth;
  const wide = [];
  if (document.documentElement.scrollWidth <= vw) return { scrollWidth: document.documentElement.scrollWidth, wide };
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.width && r.right > vw + 1) {
      // Report only the outermost offenders.
      if (!wide.some((w) => w.el.contains(e))) wide.push({ el: e, right: Math.round(r.right) });
    }
  }
  const name = (e) => e.localName + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : '');
  return {
    scrollWidth: document.documentElement.scrollWidth,
    wide: wide.slice(0, 5).map((w) => `${name(w.el)} (right edge ${w.right}px)`),
  };
}

// In the page, after Enter on the skip link: where the fragment navigation left focus.
async function afterSkipFacts() {
  for (let i = 0; i < 50 && location.hash !== '#main'; i++) await new Promise((r) => setTimeout(r, 20));
  const a = document.activeElement;
  const main = document.getElementById('main');
  return {
    hash: location.hash,
    focused: a ? a.localName + (a.id ? '#' + a.id : '') : 'none',
    mainTop: main ? Math.round(main.getBoundingClientRect().top) : null,
    scrollY: Math.round(scrollY),
    maxScroll: document.documentElement.scrollHeight - innerHeight,
  };
}

// In the page, with print media emulated: header navigation shown, CSP violations so far.
function printFacts() {
  return {
    navShown: [...document.querySelectorAll('.site-header nav')].filter((n) => n.getClientRects().length > 0).map((n) => n.className || 'nav'),
    cspViolations: window.__cspViolations || [],
  };
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const t0 = Date.now();
  const cpu0 = process.env.STEND_TIMING ? treeCpuSeconds() : 0;
  try {
    // Each worker has a tab with JavaScript (1280 × 800, the page's CSP enforced) and a tab
    // without (320 × 640), and takes every page through both.
    const ctxOn = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await ctxOn.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}${e.sample ? ' «' + e.sample + '»' : ''}`);
      });
    });
    const ctxOff = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const tabsOn = await Promise.all(Array.from({ length: WORKERS }, () => ctxOn.newPage()));
    const tabsOff = await Promise.all(Array.from({ length: WORKERS }, () => ctxOff.newPage()));
    const current = new Map(); // tab → facts of the page it is visiting
    for (const tab of [...tabsOn, ...tabsOff]) {
      tab.setDefaultTimeout(30_000);
      tab.on('request', (r) => requests.push({ page: current.get(tab)?.path ?? '?', url: r.url() }));
      tab.on('console', (m) => {
        const f = current.get(tab);
        if (f && (m.type() === 'error' || m.type() === 'warning')) f.console.push(`${m.type()}: ${m.text()}`);
      });
      tab.on('pageerror', (e) => current.get(tab)?.console.push(`pageerror: ${e.message}`));
    }
    await pool(pages, WORKERS, async ({ path }, w) => {
      const tm = [Date.now()];
      const lap = () => tm.push(Date.now());
      const isDeep = deep.has(path);
      // 8. and 5.: every page without JavaScript, at 320 × 640.
      const tabOff = tabsOff[w];
      const g = { path: `${path} (no JS)`, console: [] };
      current.set(tabOff, g);
      const resOff = await tabOff.goto(server.origin + path, { waitUntil: 'load' });
      g.status = resOff ? resOff.status() : 0;
      Object.assign(g, await tabOff.evaluate(pageFacts, isDeep));
      g.narrow = await tabOff.evaluate(overflowFacts);
      lap();
      off.set(path, g);
      if (!isDeep) return;

      const tab = tabsOn[w];
      const f = { path, console: [] };
      current.set(tab, f);
      const res = await tab.goto(server.origin + path, { waitUntil: 'load' });
      f.status = res ? res.status() : 0;
      Object.assign(f, await tab.evaluate(pageFacts, true));
      lap();
      // 4. Keyboard: the first Tab reaches the skip link; Enter moves focus to #main.
      await tab.keyboard.press('Tab');
      f.firstTab = await tab.evaluate(focusFacts);
      if (f.firstTab.skip) {
        await tab.keyboard.press('Enter');
        f.afterSkip = await tab.evaluate(afterSkipFacts);
      }
      lap();
      // 1. axe, WCAG 2.0/2.1/2.2 A and AA.
      f.axe = await runAxe(tab, { runOnly: { type: 'tag', values: WCAG_TAGS } });
      lap();
      // 6. Print: the header navigation is not displayed; colour contrast holds.
      await tab.emulateMedia({ media: 'print' });
      Object.assign(f, await tab.evaluate(printFacts));
      f.printAxe = await runAxe(tab, { runOnly: { type: 'rule', values: ['color-contrast'] } });
      await tab.emulateMedia({ media: null });
      lap();
      f.timing = tm.slice(1).map((t, i) => t - tm[i]);
      on.set(path, f);
    });
    if (process.env.STEND_TIMING) console.log(`crawl used ${(treeCpuSeconds() - cpu0).toFixed(1)} CPU s`);
    await ctxOn.close();
    await ctxOff.close();
  } catch (e) {
    crawlError = e;
  }
  if (process.env.STEND_TIMING) {
    const sum = [0, 0, 0, 0, 0];
    for (const f of on.values()) f.timing?.forEach((t, i) => { sum[i] += t; });
    console.log(`timing of the deep pages (ms, summed over tabs): no-JS ${sum[0]}, load+facts ${sum[1]}, keyboard ${sum[2]}, axe ${sum[3]}, print ${sum[4]}`);
    const slow = [...on.values()].sort((a, b) => b.timing.reduce((x, y) => x + y) - a.timing.reduce((x, y) => x + y)).slice(0, 8);
    for (const f of slow) console.log(`  ${f.path} ${f.timing.join('/')}`);
  }
  console.log(`crawled ${pages.length} pages without JavaScript and ${deep.size} of them with it in ${((Date.now() - t0) / 1000).toFixed(1)} s with ${WORKERS} workers`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** [path, facts with JavaScript (deep pages only, else undefined), facts without] of every page. */
function crawled() {
  if (crawlError) throw crawlError;
  assert.equal(off.size, pages.length, 'every page was visited without JavaScript');
  assert.equal(on.size, deep.size, 'every deep page was visited with JavaScript');
  return pages.map(({ path }) => [path, on.get(path), off.get(path)]);
}

/** The rows of the deep pages only: [path, with JavaScript, without]. */
function deepRows() {
  return crawled().filter(([, f]) => f);
}

test('the site has pages in every language, and every page loads with status 200', () => {
  assert.ok(pages.length > 0, 'no pages found');
  const langs = siteLanguages();
  assert.ok(langs.length >= 2, `languages: ${langs}`);
  for (const lang of langs) {
    assert.ok(pages.some((p) => p.path.startsWith(`/${lang}/`)), `no /${lang}/ pages`);
    assert.ok([...deep].some((p) => p.startsWith(`/${lang}/offices/`) && p.includes('/poster/')), `no deep /${lang}/ office pages`);
  }
  const bad = crawled().filter(([, f, g]) => (f && f.status !== 200) || g.status !== 200).map(([p, f, g]) => `${p}: ${f?.status ?? '-'}/${g.status}`);
  none(bad, 'pages not served with 200');
});

test('the static server maps /dir/ to index.html, redirects /dir, returns 404.html with 404', async () => {
  const r1 = await fetch(server.origin + pages[0].path);
  assert.equal(r1.status, 200);
  assert.equal(r1.headers.get('content-type'), 'text/html; charset=utf-8');
  const dir = pages.find((p) => p.path.length > 1 && p.path.endsWith('/'));
  if (dir) {
    const r2 = await fetch(server.origin + dir.path.slice(0, -1), { redirect: 'manual' });
    assert.equal(r2.status, 301);
    assert.equal(r2.headers.get('location'), dir.path);
  }
  const r3 = await fetch(server.origin + '/no/such/page/');
  assert.equal(r3.status, 404);
  assert.match(await r3.text(), /<html/i, '404 serves the site\'s 404.html');
  const css = off.get(pages[0].path)?.links.find((l) => l.tag === 'link' && /stylesheet/.test(l.rel));
  if (css) assert.equal((await fetch(css.url)).headers.get('content-type'), 'text/css; charset=utf-8');
  // A raw request (fetch would normalise the dots away) must not escape the site directory.
  const r4 = await new Promise((ok, fail) => get({ host: '127.0.0.1', port: new URL(server.origin).port, path: '/../../etc/passwd' }, ok).on('error', fail));
  r4.resume();
  assert.equal(r4.statusCode, 404);
});

test('1. axe-core: zero WCAG 2.2 A/AA violations on every deep page', () => {
  const lines = deepRows().flatMap(([p, f]) => formatViolations(p, f.axe));
  none(lines, 'axe violations (page, rule, target)');
});

/** The ids in a page that was not crawled (when STEND_PAGES narrows the run), from its markup. */
function idsInFile(pathname) {
  const file = pathToFile(pathname);
  if (!file || !file.endsWith('.html')) return undefined;
  return new Set([...readFileSync(file, 'utf8').matchAll(/\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]));
}

test('3. every internal link, stylesheet, script, image and #fragment resolves', () => {
  const rows = crawled();
  const idsOf = new Map(rows.map(([p, , g]) => [p, new Set(g.ids)]));
  const origin = server.origin;
  const bad = [];
  // Links as the page has them without JavaScript, and on deep pages with it too (a script may
  // add some); ids from the page without JavaScript.
  for (const [p, withJs, g] of rows) {
    const extra = withJs ? withJs.links.filter((l) => !g.links.some((m) => m.raw === l.raw && m.tag === l.tag)) : [];
    const f = { ids: g.ids, links: [...g.links, ...extra] };
    // Duplicate ids make fragments ambiguous.
    const seen = new Set();
    for (const id of f.ids) { if (seen.has(id)) bad.push(`${p}: duplicate id="${id}"`); seen.add(id); }
    for (const l of f.links) {
      if (!l.url) { bad.push(`${p}: <${l.tag}> unparsable URL ${l.raw}`); continue; }
      const u = new URL(l.url);
      let local = u.origin === origin;
      // canonical and hreflang alternates are absolute (base_url): they must name existing pages.
      if (!local && l.tag === 'link' && /\b(canonical|alternate)\b/.test(l.rel)) {
        local = true;
        if (/\bcanonical\b/.test(l.rel) && u.pathname !== p) bad.push(`${p}: canonical ${l.raw} is not this page`);
      }
      if (!local || !/^https?:$/.test(u.protocol)) continue;
      if (l.raw === '#' || l.raw.endsWith('#')) { bad.push(`${p}: <${l.tag}> empty fragment href="${l.raw}"`); continue; }
      if (!pathToFile(u.pathname)) { bad.push(`${p}: <${l.tag}> ${l.raw} → ${u.pathname} does not exist`); continue; }
      if (u.hash) {
        const id = decodeURIComponent(u.hash.slice(1));
        const target = idsOf.get(u.pathname) ?? idsInFile(u.pathname);
        if (!target) bad.push(`${p}: ${l.raw} → fragment on a non-page ${u.pathname}`);
        else if (!target.has(id)) bad.push(`${p}: ${l.raw} → no element id="${id}" in ${u.pathname}`);
      }
    }
  }
  none(bad, 'broken internal links');
});

test('4. keyboard: the first Tab focuses the visible skip link, Enter moves focus to #main; the language switcher is marked up', () => {
  const bad = [];
  for (const [p, f, g] of crawled()) {
    if (p !== '/' && p !== '/404.html') { // the two bilingual pages have no switcher
      if (!g.langLinks.length) bad.push(`${p}: no nav.langs a`);
      for (const l of g.langLinks) {
        if (!l.hreflang || !l.lang) bad.push(`${p}: language link ${l.href} lacks hreflang/lang (${l.hreflang}/${l.lang})`);
        if (!l.text) bad.push(`${p}: language link ${l.href} has no text`);
      }
    }
    if (!f) continue;
    const t = f.firstTab;
    if (!t.skip) { bad.push(`${p}: first Tab focused <${t.tag}> ${t.href ?? ''} ${t.text ?? ''}, not a.skip`); continue; }
    if (t.href !== '#main') bad.push(`${p}: skip link href="${t.href}", expected #main`);
    if (!t.text) bad.push(`${p}: skip link has no text`);
    if (!t.inViewport) bad.push(`${p}: focused skip link is not inside the viewport`);
    if (!t.outline && !t.shadow) bad.push(`${p}: focused skip link has no outline or box-shadow`);
    const a = f.afterSkip;
    if (!a || a.hash !== '#main') bad.push(`${p}: Enter on the skip link did not go to #main (hash ${a?.hash})`);
    else if (a.focused !== 'main#main' && !(Math.abs(a.mainTop) <= 2 || a.scrollY >= a.maxScroll - 1)) bad.push(`${p}: after the skip link focus is on ${a.focused} and #main is not scrolled to (top ${a.mainTop}px)`);
    else if (a.focused !== 'main#main') bad.push(`${p}: after the skip link focus is on ${a.focused}, not main#main`);
  }
  none(bad, 'keyboard problems');
});

test('5. reflow: no page scrolls horizontally at 320 × 640', () => {
  const bad = crawled().filter(([, , g]) => g.narrow.scrollWidth > 320)
    .map(([p, , g]) => `${p}: scrollWidth ${g.narrow.scrollWidth}px; ${g.narrow.wide.join(', ')}`);
  none(bad, 'pages wider than 320 px');
});

test('6. print: colour contrast holds and the header navigation is not printed', () => {
  const bad = [];
  for (const [p, f] of deepRows()) {
    for (const n of f.navShown) bad.push(`${p}: .site-header nav.${n} is displayed in print`);
    bad.push(...formatViolations(p, f.printAxe).map((l) => `${l} (print)`));
  }
  none(bad, 'print problems');
});

test('8. without JavaScript every page has its h1 and main text; deep pages the same as with it (within 1%)', () => {
  const bad = [];
  for (const [p, f, g] of crawled()) {
    if (g.h1.length !== 1 || !g.h1[0]) bad.push(`${p}: ${g.h1.length} h1 without JavaScript`);
    if (!g.hasMain || g.mainText === 0) { bad.push(`${p}: no main text without JavaScript`); continue; }
    if (!f) continue;
    if (JSON.stringify(g.h1) !== JSON.stringify(f.h1)) bad.push(`${p}: h1 differs with/without JavaScript`);
    const diff = Math.abs(f.mainText - g.mainText) / Math.max(f.mainText, g.mainText);
    if (diff > 0.01) bad.push(`${p}: main text ${g.mainText} chars without JavaScript vs ${f.mainText} with (${(diff * 100).toFixed(1)}%)`);
  }
  none(bad, 'pages that need JavaScript');
});

test('9. privacy and security: local requests only, no inline script or style, a CSP meta, no CSP violations, noopener', () => {
  const rows = crawled();
  const bad = [];
  for (const r of requests) {
    const u = new URL(r.url);
    if (u.origin !== server.origin && !['data:', 'blob:', 'about:'].includes(u.protocol)) bad.push(`${r.page}: request to ${r.url}`);
  }
  for (const s of server.requests) if (s.status >= 400 && !PROBES.has(s.url)) bad.push(`server answered ${s.status} to ${s.url}`);
  for (const [p, f, g] of rows) {
    for (const s of g.inlineScripts) bad.push(`${p}: inline script ${s}`);
    for (const s of g.styleAttrs) bad.push(`${p}: style attribute ${s}`);
    if (g.cspMeta.length !== 1 || !/script-src/.test(g.cspMeta[0])) bad.push(`${p}: ${g.cspMeta.length} <meta http-equiv="Content-Security-Policy"> in head (need one with script-src)`);
    for (const v of f?.cspViolations ?? []) bad.push(`${p}: CSP violation ${v}`);
    for (const m of [...(f?.console ?? []), ...g.console]) if (/content security policy|refused to/i.test(m)) bad.push(`${p}: console ${m}`);
    for (const l of g.links) {
      if (l.tag !== 'a' || !/^https?:/i.test(l.raw)) continue;
      if (new URL(l.url).origin === server.origin) continue;
      if (!/\bnoopener\b/.test(l.rel)) bad.push(`${p}: <a href="${l.raw}"> rel="${l.rel}" lacks noopener`);
    }
  }
  none(bad, 'privacy/security problems');
});

test('no page logs errors to the console', () => {
  const bad = crawled().flatMap(([p, f, g]) => [...(f?.console ?? []).map((m) => `${p}: ${m}`), ...g.console.map((m) => `${p} (no JS): ${m}`)])
    .filter((m) => !/: warning: /.test(m));
  none(bad, 'console errors');
});
