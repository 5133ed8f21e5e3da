// The slower, interactive checks on one page of every distinct template (both languages, the
// bilingual landing and 404 pages, every form, one department, one office and its printables):
// a full keyboard walk with focus indicators, text zoomed to 200 %, reflow with the pages' own
// scripts running, and rendering with prefers-reduced-motion and forced colours.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  allPages, representativePages, startServer, launchBrowser, runAxe, formatViolations, WCAG_TAGS, siteLanguages,
} from './lib/site.mjs';

const MAX_LINES = 200;
const reps = representativePages(allPages());
let server, browser;

function none(lines, title) {
  if (!lines.length) return;
  const more = lines.length > MAX_LINES ? `\n… and ${lines.length - MAX_LINES} more` : '';
  assert.fail(`${title}: ${lines.length}\n${lines.slice(0, MAX_LINES).join('\n')}${more}`);
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  console.log(`representative pages (${reps.length}): ${reps.join(' ')}`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs `fn(page, path)` for every representative page in a fresh context with `options`. */
async function eachPage(options, fn) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await ctx.newPage();
  page.setDefaultTimeout(30_000);
  const out = [];
  try {
    for (const path of reps) {
      const res = await page.goto(server.origin + path, { waitUntil: 'load' });
      if (!res || res.status() !== 200) { out.push(`${path}: status ${res?.status()}`); continue; }
      out.push(...(await fn(page, path)));
    }
  } finally {
    await ctx.close();
  }
  return out;
}

// In the page: remember how every focusable element looks while nothing is focused.
function snapshotFocusables() {
  const sel = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable=""], [contenteditable="true"]';
  const style = (e) => {
    const cs = getComputedStyle(e);
    return { outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`, shadow: cs.boxShadow };
  };
  document.activeElement?.blur();
  window.scrollTo(0, 0);
  const list = [...document.querySelectorAll(sel)].filter((e) => !e.disabled && e.tabIndex >= 0 && e.checkVisibility({ visibilityProperty: true }));
  window.__focusables = list;
  window.__unfocused = new Map(list.map((e) => [e, style(e)]));
  return list.length;
}

// In the page, after a Tab: what has focus and whether it is visibly indicated.
function focusedNow() {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return { none: true };
  const cs = getComputedStyle(e);
  const before = window.__unfocused.get(e);
  const outlineOn = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && cs.outlineColor !== 'rgba(0, 0, 0, 0)';
  const shadowOn = cs.boxShadow !== 'none';
  const outline = `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`;
  const r = e.getBoundingClientRect();
  const desc = e.localName + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().replace(/\s+/g, '.') : '') +
    (e.getAttribute('href') ? `[href="${e.getAttribute('href')}"]` : '');
  return {
    index: window.__focusables.indexOf(e),
    desc,
    skip: e.matches('a.skip'),
    indicated: (outlineOn && (!before || before.outline !== outline)) || (shadowOn && (!before || before.shadow !== cs.boxShadow)),
    visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
  };
}

let focusStops = 0;

/** Tabs through the whole page; returns the problems found. */
async function tabWalk(page, path) {
  const bad = [];
  const n = await page.evaluate(snapshotFocusables);
  if (n === 0) return [`${path}: no focusable elements at all`];
  const reached = new Set();
  for (let i = 0; i < n + 5; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(focusedNow);
    if (f.none) break;
    if (i === 0 && !f.skip) bad.push(`${path}: the first Tab focused ${f.desc}, not a.skip`);
    if (f.index < 0) { bad.push(`${path}: Tab reached ${f.desc}, which is not a visible focusable element`); continue; }
    if (reached.has(f.index)) break; // wrapped around
    reached.add(f.index);
    if (!f.indicated) bad.push(`${path}: ${f.desc} has no visible focus indicator (outline/box-shadow unchanged)`);
    if (!f.visible) bad.push(`${path}: focused ${f.desc} is outside the viewport`);
  }
  focusStops += reached.size;
  if (reached.size < n) {
    const missed = await page.evaluate((seen) => window.__focusables.filter((_, i) => !seen.includes(i)).slice(0, 5)
      .map((e) => e.localName + (e.getAttribute('href') ? `[href="${e.getAttribute('href')}"]` : '')), [...reached]);
    bad.push(`${path}: Tab reached ${reached.size} of ${n} focusable elements; missed ${missed.join(', ')}`);
  }
  return bad;
}

// In the page: horizontal overflow of the document and clipping of any element.
function overflowNow() {
  const vw = document.documentElement.clientWidth;
  const name = (e) => e.localName + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().replace(/\s+/g, '.') : '');
  const problems = [];
  if (document.documentElement.scrollWidth > vw) problems.push(`document is ${document.documentElement.scrollWidth}px wide in a ${vw}px viewport`);
  for (const e of document.querySelectorAll('body *')) {
    if (!e.checkVisibility()) continue;
    const cs = getComputedStyle(e);
    const r = e.getBoundingClientRect();
    // Visually-hidden helpers (1 px clip) are not content to be read on screen.
    if (r.width <= 1 && r.height <= 1) continue;
    if (['hidden', 'clip'].includes(cs.overflowX) && e.scrollWidth > e.clientWidth + 1) problems.push(`${name(e)} clips its content (${e.scrollWidth}px in ${e.clientWidth}px)`);
    if (cs.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth) problems.push(`${name(e)} truncates its text`);
    if (r.right > vw + 1 && !e.closest('.skip')) {
      let scroller = e.parentElement;
      while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
      if (!scroller || scroller === document.documentElement || scroller === document.body) problems.push(`${name(e)} sticks out to ${Math.round(r.right)}px`);
    }
  }
  return [...new Set(problems)].slice(0, 8);
}

test('the representative set covers every distinct template in every language', () => {
  for (const p of ['/', '/404.html', ...siteLanguages().flatMap((l) => [`/${l}/`, `/${l}/standard/`, `/${l}/offices/`, `/${l}/forms/`])]) {
    assert.ok(reps.includes(p), `${p} is in the representative set`);
  }
  for (const lang of siteLanguages()) {
    assert.ok(reps.some((p) => new RegExp(`^/${lang}/offices/[^/]+/$`).test(p)), `a ${lang} department page`);
    assert.ok(reps.some((p) => new RegExp(`^/${lang}/offices/[^/]+/[^/]+/$`).test(p)), `a ${lang} office page`);
    assert.ok(reps.some((p) => new RegExp(`^/${lang}/forms/[^/]+/$`).test(p)), `${lang} form pages`);
  }
});

test('4. keyboard: a full Tab walk reaches every focusable element, each with a visible focus indicator', async () => {
  focusStops = 0;
  const bad = await eachPage({}, tabWalk);
  console.log(`Tab walk: ${focusStops} focus stops on ${reps.length} pages`);
  none(bad, 'keyboard problems');
});

test('5. reflow: text zoomed to 200 % at 1280 px is neither clipped nor overflowing; 320 px with scripts running', async () => {
  const bad = await eachPage({}, async (page, path) => {
    const out = [];
    const zoomed = await page.evaluate(() => {
      const before = parseFloat(getComputedStyle(document.body).fontSize);
      document.documentElement.style.fontSize = '200%';
      return parseFloat(getComputedStyle(document.body).fontSize) / before;
    });
    if (zoomed !== 2) out.push(`${path}: setting the root font size to 200 % scaled body text by ${zoomed}`);
    out.push(...(await page.evaluate(overflowNow)).map((m) => `${path} (text 200 %): ${m}`));
    await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
    await page.setViewportSize({ width: 320, height: 640 });
    out.push(...(await page.evaluate(overflowNow)).map((m) => `${path} (320 px): ${m}`));
    await page.setViewportSize({ width: 1280, height: 800 });
    return out;
  });
  none(bad, 'reflow problems');
});

test('7. prefers-reduced-motion and forced colours: pages render, focus stays visible, axe is clean', async () => {
  const bad = await eachPage({ reducedMotion: 'reduce', forcedColors: 'active' }, async (page, path) => {
    const out = [];
    const r = await page.evaluate(() => {
      const h1 = document.querySelector('h1');
      const main = document.querySelector('main');
      return {
        media: matchMedia('(prefers-reduced-motion: reduce)').matches && matchMedia('(forced-colors: active)').matches,
        h1: !!h1 && h1.getClientRects().length > 0 && h1.textContent.trim().length > 0,
        main: !!main && main.innerText.trim().length > 0,
        animations: document.getAnimations().filter((a) => a.playState === 'running').length,
      };
    });
    if (!r.media) out.push(`${path}: the emulated media features are not in effect`);
    if (!r.h1) out.push(`${path}: no visible h1`);
    if (!r.main) out.push(`${path}: main is empty`);
    if (r.animations) out.push(`${path}: ${r.animations} animations run despite prefers-reduced-motion`);
    out.push(...(await tabWalk(page, path)).map((m) => `${m} (forced colours)`));
    const v = await runAxe(page, { runOnly: { type: 'tag', values: WCAG_TAGS } });
    out.push(...formatViolations(path, v).map((m) => `${m} (forced colours)`));
    return out;
  });
  none(bad, 'problems with reduced motion / forced colours');
});
