// A citizen on a cheap phone (issue 18), on one page of every template in both languages: the
// header takes at most a quarter of a 360 × 740 screen with the skip link and the language
// switch first and the menu folded (open on wide screens); breadcrumbs never leave a separator
// alone on a line; no table is wider than a 320 px viewport; links in lists, menus and the table
// of contents are 24 × 24 px targets or spaced as WCAG 2.2 (2.5.8) allows; the fee table shows
// one amount column when the fee equals the index; the table of contents is numbered once; the
// document names start with a capital.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, allPages, representativePages, siteLanguages } from './lib/site.mjs';

const HEADER_MAX = 185; // a quarter of 740 px
let server, browser, pages;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  pages = representativePages(allPages());
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs `fn(page, path)` on every representative page in one tab of `viewport`. */
async function each(viewport, fn) {
  assert.ok(pages.length > 0, 'no pages to check');
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  page.setDefaultTimeout(30_000);
  const bad = [];
  try {
    for (const path of pages) {
      const res = await page.goto(server.origin + path, { waitUntil: 'load' });
      assert.equal(res.status(), 200, path);
      for (const b of await fn(page, path)) bad.push(`${path}: ${b}`);
    }
  } finally {
    await ctx.close();
  }
  return bad;
}

// In the page: the problems with the header at a phone's width.
function headerProblems(max) {
  const out = [];
  const header = document.querySelector('.site-header');
  if (!header) return document.body.classList.contains('landing') ? [] : ['no .site-header'];
  const h = header.getBoundingClientRect().height;
  if (h > max) out.push(`header is ${Math.round(h)}px tall (at most ${max})`);
  const summary = header.querySelector('.menu summary');
  if (!summary || !summary.checkVisibility()) out.push('the menu button is not shown');
  const shown = [...header.querySelectorAll('.menu a')].filter((a) => a.checkVisibility());
  if (shown.length) out.push(`${shown.length} menu links shown before the menu is opened`);
  return out;
}

// In the page: crumbs whose separator stands on a line without the crumb's first word.
function loneSeparators() {
  const out = [];
  for (const li of document.querySelectorAll('.crumbs li + li')) {
    if (!li.checkVisibility()) continue;
    const range = document.createRange();
    range.selectNodeContents(li);
    const first = li.getClientRects()[0];
    const text = li.firstElementChild || li;
    const textFirst = (text === li ? range : text).getClientRects()[0];
    if (!first || !textFirst) continue;
    if (Math.abs(first.top - textFirst.top) > 2) out.push(`crumb «${li.textContent.trim().slice(0, 40)}» starts a line after its separator`);
  }
  const crumbs = document.querySelector('.crumbs');
  if (crumbs && getComputedStyle(crumbs.querySelector('ol')).display === 'flex') out.push('crumbs are a flex row');
  return out;
}

test('header: at most 185 px at 360 × 740 on every template, menu folded, skip link and language switch first', async () => {
  const bad = await each({ width: 360, height: 740 }, async (page, path) => {
    const out = await page.evaluate(headerProblems, HEADER_MAX);
    out.push(...await page.evaluate(loneSeparators));
    if (!await page.locator('.site-header').count()) return out;
    // Keyboard: the skip link, the site's name, then the language switch.
    const order = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => {
        const a = document.activeElement;
        return a.classList.contains('skip') ? 'skip' : a.classList.contains('brand') ? 'brand' : a.closest('.langs') ? 'langs' : a.outerHTML.slice(0, 60);
      }));
    }
    if (order.join() !== 'skip,brand,langs') out.push(`first focused: ${order.join(', ')}`);
    // Opening the menu shows every link as a full-width target.
    await page.click('.menu summary');
    const links = await page.$$eval('.menu a', (as) => as.map((a) => {
      const r = a.getBoundingClientRect();
      return { shown: a.checkVisibility(), w: r.width, h: r.height, text: a.textContent };
    }));
    if (links.length < 8) out.push(`${links.length} menu links`);
    for (const l of links) {
      if (!l.shown) out.push(`menu link «${l.text}» not shown after opening the menu`);
      else if (l.w < 24 || l.h < 24) out.push(`menu link «${l.text}» is ${l.w}×${l.h}px`);
    }
    return out;
  });
  assert.deepEqual(bad, []);
});

test('header: on wide screens the menu is open without a button, and crumbs hold together', async () => {
  const bad = await each({ width: 1280, height: 800 }, async (page) => {
    const out = await page.evaluate(() => {
      const header = document.querySelector('.site-header');
      if (!header) return [];
      const o = [];
      if (header.querySelector('.menu summary').checkVisibility()) o.push('the menu button shows on a wide screen');
      const hidden = [...header.querySelectorAll('.menu a')].filter((a) => !a.checkVisibility() || a.getBoundingClientRect().height < 24);
      if (hidden.length) o.push(`${hidden.length} menu links hidden or under 24px`);
      return o;
    });
    out.push(...await page.evaluate(loneSeparators));
    return out;
  });
  assert.deepEqual(bad, []);
});

// In the page: tables wider than the viewport, or scrolling inside their wrapper.
function wideTables() {
  const vw = document.documentElement.clientWidth;
  const out = [];
  for (const t of document.querySelectorAll('table')) {
    if (!t.checkVisibility()) continue;
    const r = t.getBoundingClientRect();
    const name = t.className || t.querySelector('caption')?.textContent.slice(0, 30) || 'table';
    if (r.left < -0.5 || r.right > vw + 0.5) out.push(`table.${name} spans ${Math.round(r.left)}–${Math.round(r.right)}px in a ${vw}px viewport`);
    const wrap = t.closest('.table-wrap');
    if (wrap && wrap.scrollWidth > wrap.clientWidth + 1) out.push(`table.${name} scrolls sideways (${wrap.scrollWidth}px in ${wrap.clientWidth}px)`);
    if (t.scrollWidth > t.clientWidth + 1) out.push(`table.${name} overflows itself`);
  }
  return out;
}

for (const width of [320, 360]) {
  test(`tables fit a ${width} px screen without sideways scrolling`, async () => {
    let tables = 0;
    const bad = await each({ width, height: 640 }, async (page) => {
      tables += await page.locator('table').count();
      return page.evaluate(wideTables);
    });
    assert.ok(tables >= 8, `tables checked: ${tables}`);
    assert.deepEqual(bad, []);
  });
}

test('the fee table: one amount column at 100 %, one line a period at 360 px, Russian «по» inclusive', async () => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await ctx.newPage();
  try {
    for (const lang of siteLanguages()) {
      await page.goto(`${server.origin}/${lang}/fee/`, { waitUntil: 'load' });
      const t = await page.$eval('table.mci', (table) => ({
        cols: table.querySelectorAll('thead th').length,
        rows: [...table.querySelectorAll('tbody tr')].map((tr) => ({
          period: tr.querySelector('th').textContent.replace(/\s+/g, ' ').trim(),
          cells: tr.querySelectorAll('td').length,
          height: tr.getBoundingClientRect().height,
        })),
        height: table.getBoundingClientRect().height,
      }));
      assert.equal(t.cols, 2, `${lang}: period and one amount column`);
      assert.ok(t.rows.length >= 19);
      for (const r of t.rows) assert.equal(r.cells, 1, `${lang}: ${r.period}`);
      // A period's row is at most two lines of text (the row in force carries its note).
      for (const r of t.rows) assert.ok(r.height < 64, `${lang}: «${r.period}» is ${r.height}px tall`);
      assert.ok(t.height < 1100, `${lang}: the table is ${t.height}px tall (19 rows of one or two lines)`);
      const p2025 = t.rows.find((r) => r.period.startsWith(lang === 'ru' ? 'с 01.01.2025' : '01.01.2025'));
      assert.equal(p2025.period, { ru: 'с 01.01.2025 по 31.12.2025', kk: '01.01.2025 бастап 01.01.2026 дейін', 'kk-latn': '01.01.2025 bastap 01.01.2026 deiın' }[lang]);
    }
  } finally {
    await ctx.close();
  }
});

// In the page: targets in lists, menus, the table of contents, buttons and fields that are
// smaller than 24 × 24 px and not spaced per WCAG 2.5.8 (a 24 px circle centred on each
// undersized target meets no other target and no other such circle). Links inside running text
// (a paragraph, a definition, a table cell) are the success criterion's inline exception.
function targetProblems() {
  const inText = (el) => {
    const block = el.closest('p, dd, td, th, blockquote, figcaption, caption');
    const list = el.closest('nav, ul, ol');
    if (!block || (list && block.contains(list))) return false;
    const own = [...block.querySelectorAll('a, button')].reduce((n, a) => n + a.textContent.trim().length, 0);
    return block.textContent.replace(/\s+/g, ' ').trim().length > own + 3;
  };
  const targets = [...document.querySelectorAll('a[href], button, summary, input, select, textarea')]
    .filter((el) => el.checkVisibility() && !el.closest('.skip') && el.getClientRects().length > 0);
  // A link that wraps across lines is judged by its line fragments, each spaced on its own.
  const frags = targets.flatMap((el) => {
    const exempt = inText(el);
    return [...el.getClientRects()].map((r) => ({ el, r, small: !exempt && (r.width < 24 || r.height < 24) }));
  });
  const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
  const circleMeetsRect = ([x, y], r) => {
    const dx = Math.max(r.left - x, 0, x - r.right);
    const dy = Math.max(r.top - y, 0, y - r.bottom);
    return dx * dx + dy * dy < 12 * 12 - 0.01;
  };
  const out = [];
  const related = (a, b) => a === b || a.contains(b) || b.contains(a);
  for (const s of frags.filter((f) => f.small)) {
    const c = centre(s.r);
    const clash = frags.find((o) => !related(o.el, s.el) && (circleMeetsRect(c, o.r) ||
      (o.small && Math.hypot(c[0] - centre(o.r)[0], c[1] - centre(o.r)[1]) < 24 - 0.01)));
    if (clash) {
      out.push(`«${s.el.textContent.trim().slice(0, 40)}» (${Math.round(s.r.width)}×${Math.round(s.r.height)}px) is too close to «${clash.el.textContent.trim().slice(0, 40)}»`);
    }
  }
  return out;
}

for (const [width, height] of [[360, 740], [1280, 800]]) {
  test(`targets: 24 × 24 px or spaced (WCAG 2.5.8) at ${width} px, menu open`, async () => {
    const bad = await each({ width, height }, async (page) => {
      if (width < 600 && await page.locator('.menu summary').count()) await page.click('.menu summary');
      return page.evaluate(targetProblems);
    });
    assert.deepEqual(bad, []);
  });
}

test('the table of contents is numbered once; its links are 24 px targets', async () => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await ctx.newPage();
  try {
    for (const lang of siteLanguages()) {
      await page.goto(`${server.origin}/${lang}/standard/`, { waitUntil: 'load' });
      const items = await page.$$eval('.toc li', (lis) => lis.map((li) => ({
        marker: getComputedStyle(li).listStyleType,
        text: li.textContent.trim(),
        h: li.querySelector('a').getBoundingClientRect().height,
      })));
      assert.ok(items.length >= 6, `${lang}: ${items.length} entries`);
      for (const i of items) {
        assert.equal(i.marker, 'none', `${lang}: «${i.text}» gets a generated number`);
        assert.ok(i.h >= 24, `${lang}: «${i.text}» link is ${i.h}px tall`);
      }
      // The headings' own numbers, once: «1. Жалпы ережелер», not «1. 1. …».
      assert.match(items[0].text, /^1\. \S/);
      assert.doesNotMatch(items[0].text, /^1\. 1\./);
    }
  } finally {
    await ctx.close();
  }
});

test('document names start with a capital where they stand as items (the data stays as printed)', async () => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await ctx.newPage();
  try {
    for (const lang of siteLanguages()) {
      for (const [path, sel] of [[`/${lang}/documents/`, '.doc-name'], [`/${lang}/offices/astana/almaty-district/`, 'ol.compact > li']]) {
        await page.goto(server.origin + path, { waitUntil: 'load' });
        const names = await page.$$eval(sel, (els) => els.map((e) => ({
          text: e.textContent.trim(),
          transform: getComputedStyle(e, '::first-letter').textTransform,
        })));
        assert.ok(names.length >= 7, `${path}: ${names.length} names`);
        assert.ok(names.some((n) => /^[a-zа-яёәғқңөұүһі]/.test(n.text)), `${path}: the data's names start in lowercase`);
        for (const n of names) assert.equal(n.transform, 'uppercase', `${path}: «${n.text.slice(0, 40)}»`);
      }
    }
  } finally {
    await ctx.close();
  }
});
