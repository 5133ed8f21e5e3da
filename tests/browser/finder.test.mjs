// The office finder on /<lang>/offices/: typing filters the directory across Kazakh and Russian
// spellings and announces the number of offices found in a live region; without JavaScript the
// page is the complete grouped directory with in-page links per department.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, runAxe, formatViolations, WCAG_TAGS } from './lib/site.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path, options = {}) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, ...options });
  const page = await ctx.newPage();
  page.setDefaultTimeout(30_000);
  const res = await page.goto(server.origin + path, { waitUntil: 'load' });
  assert.equal(res.status(), 200, path);
  return { ctx, page };
}

// In the page: what the reader sees of the directory now.
function visible() {
  const shown = (e) => e.getClientRects().length > 0;
  const sections = [...document.querySelectorAll('section.department')];
  return {
    sections: sections.filter(shown).map((s) => s.querySelector('h2').textContent.trim()),
    offices: [...document.querySelectorAll('section.department li[data-search]')].filter(shown)
      .map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
    // Seats (the department's own office) whose search key holds the query, among shown sections.
    seatKeys: sections.filter(shown).map((s) => s.getAttribute('data-search')),
    status: document.getElementById('finder-status').textContent.trim(),
  };
}

/** Types `query` into the finder and waits until the live region announces a result. */
async function search(page, query) {
  await page.fill('#finder-q', '');
  await page.locator('#finder-q').pressSequentially(query, { delay: 10 });
  await page.waitForFunction(() => document.getElementById('finder-status').textContent.trim() !== '');
  return page.evaluate(visible);
}

/** The number in an announcement such as «Найдено подразделений: 3». */
function announced(status) {
  const m = /(\d+)/.exec(status);
  return m ? Number(m[1]) : null;
}

for (const [lang, query, folded, want] of [
  ['kk', 'кокшетау', 'кокшетау', 'Көкшетау'],
  ['ru', 'кокшетау', 'кокшетау', 'Кокшетау'],
  ['kk', 'Талдыкорган', 'талдыкорган', 'Талдықорған'],
  ['ru', 'ТАЛДЫҚОРҒАН', 'талдыкорган', 'Талдыкорган'],
]) {
  test(`${lang}: «${query}» finds ${want} and announces the count`, async () => {
    const { ctx, page } = await open(`/${lang}/offices/`);
    try {
      const before = await page.evaluate(visible);
      assert.ok(before.offices.length > 200, `all offices shown at first (${before.offices.length})`);
      assert.equal(await page.locator('form[data-finder]').isVisible(), true, 'the finder is shown with JavaScript');
      assert.equal(await page.getAttribute('#finder-status', 'aria-live'), 'polite');

      const v = await search(page, query);
      assert.ok(v.offices.length > 0 || v.sections.length > 0, 'something is found');
      assert.ok(v.offices.length < before.offices.length / 4, `the list is filtered (${v.offices.length} left)`);
      for (const o of v.offices) assert.ok(o.includes(want) || o.toLowerCase().includes(want.toLowerCase()), `shown office does not mention ${want}: ${o.slice(0, 120)}`);
      assert.ok([...v.offices, ...v.sections].some((t) => t.includes(want)) || v.seatKeys.some((k) => k.includes(folded)));
      // The count read out is the number of offices shown: units, plus seats that match.
      const seats = v.seatKeys.filter((k) => k.includes(folded)).length;
      assert.equal(announced(v.status), v.offices.length + seats, `announced «${v.status}»`);

      // Clearing the field brings the whole directory back.
      await page.fill('#finder-q', '');
      await page.dispatchEvent('#finder-q', 'input');
      const after = await page.evaluate(visible);
      assert.equal(after.offices.length, before.offices.length);
      assert.equal(after.sections.length, before.sections.length);
    } finally {
      await ctx.close();
    }
  });
}

test('a query that matches nothing says so and hides every department', async () => {
  const { ctx, page } = await open('/ru/offices/');
  try {
    const v = await search(page, 'жжжжж');
    assert.equal(v.sections.length, 0);
    assert.equal(v.offices.length, 0);
    assert.equal(v.status, 'Ничего не найдено');
    const axe = await runAxe(page, { runOnly: { type: 'tag', values: WCAG_TAGS } });
    assert.deepEqual(formatViolations('/ru/offices/ (filtered)', axe), []);
  } finally {
    await ctx.close();
  }
});

test('without JavaScript the directory is complete, grouped, with a link to each department', async () => {
  const { ctx, page } = await open('/kk/offices/', { javaScriptEnabled: false });
  try {
    assert.equal(await page.locator('form[data-finder]').isVisible(), false, 'no dead search field');
    const v = await page.evaluate(visible);
    assert.equal(v.sections.length, 16);
    assert.ok(v.offices.length > 200);
    const jumps = await page.$$eval('nav.jump a', (as) => as.map((a) => a.getAttribute('href')));
    assert.equal(jumps.length, 16);
    for (const href of jumps) {
      assert.match(href, /^#[a-z0-9-]+$/);
      assert.equal(await page.locator(href).count(), 1, `${href} exists`);
    }
  } finally {
    await ctx.close();
  }
});
