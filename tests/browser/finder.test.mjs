// The office finder on /<lang>/offices/: typing filters the directory across Kazakh, Russian and
// Latin spellings, case endings and one wrong letter, shows the results right under the search
// box (the list of departments goes while a query is active) and announces the number of
// offices found in a live region; without JavaScript the page is the complete grouped directory
// with in-page links per department.
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

// In the page: what the reader sees of the directory now, department by department. A
// department's own office (its seat) is its contact block; its units are the list items.
function visible() {
  const shown = (e) => !!e && e.checkVisibility();
  const sections = [...document.querySelectorAll('section.department')].map((s) => {
    const units = [...s.querySelectorAll('li[data-search]')];
    return {
      id: s.querySelector('h2').id,
      name: s.querySelector('h2').textContent.trim(),
      shown: shown(s),
      seat: shown(s) && shown(s.querySelector(':scope > dl.contact')),
      seatText: s.querySelector(':scope > dl.contact').textContent.replace(/\s+/g, ' ').trim(),
      units: units.length,
      shownUnits: units.filter(shown).map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
    };
  });
  const shownSections = sections.filter((s) => s.shown);
  return {
    sections,
    shown: shownSections.map((s) => s.id),
    offices: shownSections.reduce((n, s) => n + (s.seat ? 1 : 0) + s.shownUnits.length, 0),
    texts: shownSections.flatMap((s) => [...(s.seat ? [`${s.name} ${s.seatText}`] : []), ...s.shownUnits]),
    jumpShown: shown(document.querySelector('nav.jump')),
    status: document.getElementById('finder-status').textContent.trim(),
  };
}

/** Types `query` into the finder and waits until the live region announces a result. */
async function search(page, query) {
  await page.fill('#finder-q', '');
  await page.dispatchEvent('#finder-q', 'input');
  await page.waitForFunction(() => document.getElementById('finder-status').textContent.trim() === '');
  await page.locator('#finder-q').pressSequentially(query, { delay: 10 });
  await page.waitForFunction(() => document.getElementById('finder-status').textContent.trim() !== '');
  return page.evaluate(visible);
}

/** The number in an announcement such as «Найдено подразделений: 3». */
function announced(status) {
  const m = /(\d+)/.exec(status);
  return m ? Number(m[1]) : null;
}

/** Asserts that exactly the departments `ids` are shown, each complete: seat and every unit. */
function wholeDepartments(v, ids, query) {
  assert.deepEqual(v.shown, ids, `«${query}»: departments shown`);
  for (const s of v.sections.filter((x) => ids.includes(x.id))) {
    assert.ok(s.seat, `«${query}»: ${s.id} seat shown`);
    assert.equal(s.shownUnits.length, s.units, `«${query}»: every unit of ${s.id} shown`);
  }
  assert.equal(announced(v.status), v.offices, `«${query}»: announced «${v.status}»`);
}

for (const [lang, query, want] of [
  ['kk', 'кокшетау', 'Көкшетау'],
  ['ru', 'кокшетау', 'Кокшетау'],
  ['kk', 'Талдыкорган', 'Талдықорған'],
  ['ru', 'ТАЛДЫҚОРҒАН', 'Талдыкорган'],
  // The Latin edition: Latin queries (with or without the alphabet's letters) and Cyrillic ones
  // find the Latin names.
  ['kk-latn', 'kokshetau', 'Kökşetau'],
  ['kk-latn', 'Kökşetau', 'Kökşetau'],
  ['kk-latn', 'көкшетау', 'Kökşetau'],
  ['kk-latn', 'Taldyqorğan', 'Taldyqorğan'],
]) {
  test(`${lang}: «${query}» finds ${want} and announces the count`, async () => {
    const { ctx, page } = await open(`/${lang}/offices/`);
    try {
      const before = await page.evaluate(visible);
      assert.ok(before.offices > 200, `all offices shown at first (${before.offices})`);
      assert.equal(await page.locator('form[data-finder]').isVisible(), true, 'the finder is shown with JavaScript');
      assert.equal(await page.getAttribute('#finder-status', 'aria-live'), 'polite');

      const v = await search(page, query);
      assert.ok(v.offices > 0, 'something is found');
      assert.ok(v.offices < before.offices / 4, `the list is filtered (${v.offices} left)`);
      for (const o of v.texts) assert.ok(o.includes(want), `shown office does not mention ${want}: ${o.slice(0, 120)}`);
      assert.equal(announced(v.status), v.offices, `announced «${v.status}»`);

      // Clearing the field brings the whole directory back, the list of departments too.
      await page.fill('#finder-q', '');
      await page.dispatchEvent('#finder-q', 'input');
      const after = await page.evaluate(visible);
      assert.equal(after.offices, before.offices);
      assert.deepEqual(after.shown, before.shown);
      assert.equal(after.jumpShown, true);
    } finally {
      await ctx.close();
    }
  });
}

// Region names, Latin spellings and one wrong letter, typed on each language's page: each finds
// every office of the department (a department found by its name shows all its offices).
const REGION_QUERIES = [
  ['Карагандинская область', ['karaganda']],
  ['Қарағанды облысы', ['karaganda']],
  ['Караганда', ['karaganda']],
  ['karaganda', ['karaganda']],
  ['qaraghandy', ['karaganda']],
  ['Aktobe', ['aktobe']],
  ['aqtobe', ['aktobe']],
  ['Актюбинская область', ['aktobe']],
  ['Карагандинская облость', ['karaganda']],
  ['Ақтөбе облсы', ['aktobe']],
  ['Pavlodr', ['pavlodar']],
  ['Костанайская', ['kostanay']],
];
for (const lang of ['kk', 'ru', 'kk-latn']) {
  test(`${lang}: region names, Latin spellings and one typo find whole departments`, async () => {
    const { ctx, page } = await open(`/${lang}/offices/`);
    try {
      for (const [query, ids] of REGION_QUERIES) wholeDepartments(await search(page, query), ids, query);
    } finally {
      await ctx.close();
    }
  });

  test(`${lang}: Latin city names (shymkent, almaty) and a typo (Кокшетеу) find their offices`, async () => {
    const { ctx, page } = await open(`/${lang}/offices/`);
    try {
      const city = { kk: ['Шымкент', 'Алматы', 'Көкшетау'], ru: ['Шымкент', 'Алматы', 'Кокшетау'], 'kk-latn': ['Şymkent', 'Almaty', 'Kökşetau'] }[lang];
      // «shymkent»: the South Kazakhstan department sits in Shymkent, and the city's own office.
      let v = await search(page, 'shymkent');
      assert.deepEqual(v.shown, ['south-kazakhstan'], '«shymkent»: department shown');
      assert.ok(v.offices >= 2, `«shymkent»: the seat and the city's office (${v.offices})`);
      for (const t of v.texts) assert.ok(t.includes(city[0]), `«shymkent» shows an office outside ${city[0]}: ${t.slice(0, 100)}`);
      assert.equal(announced(v.status), v.offices);
      // «almaty»: the city's and the region's departments entirely, and Astana's «Алматы» district.
      v = await search(page, 'almaty');
      for (const id of ['almaty', 'almaty-region']) {
        const s = v.sections.find((x) => x.id === id);
        assert.ok(s.seat && s.shownUnits.length === s.units, `«almaty»: all of ${id}`);
      }
      for (const s of v.sections.filter((x) => x.shown && !/Алмат|Almat/.test(x.name))) {
        for (const t of s.shownUnits) assert.ok(t.includes(city[1]), `«almaty» shows an office without ${city[1]}: ${t.slice(0, 100)}`);
      }
      assert.equal(announced(v.status), v.offices);
      // «Кокшетеу», one letter wrong: the Akmola department's seat and Kokshetau's city office.
      v = await search(page, 'Кокшетеу');
      assert.deepEqual(v.shown, ['akmola']);
      assert.ok(v.offices >= 2 && v.offices < 5, `«Кокшетеу»: ${v.offices} offices`);
      for (const t of v.texts) assert.ok(t.includes(city[2]), `«Кокшетеу» shows an office outside ${city[2]}: ${t.slice(0, 100)}`);
      assert.equal(announced(v.status), v.offices);
    } finally {
      await ctx.close();
    }
  });
}

test('results come first: the list of departments hides while a query is active', async () => {
  const { ctx, page } = await open('/ru/offices/');
  try {
    assert.equal((await page.evaluate(visible)).jumpShown, true, 'the list of departments shows at first');
    const v = await search(page, 'Караганда');
    assert.equal(v.jumpShown, false, 'the list of departments is hidden during a query');
    const gap = await page.evaluate(() => {
      const input = document.getElementById('finder-q').getBoundingClientRect();
      const first = [...document.querySelectorAll('section.department')].find((s) => s.checkVisibility());
      return first.getBoundingClientRect().top - input.bottom;
    });
    assert.ok(gap >= 0 && gap < 150, `the first result starts ${gap}px below the search box`);
  } finally {
    await ctx.close();
  }
});

test('a query that matches nothing says so and hides every department', async () => {
  const { ctx, page } = await open('/ru/offices/');
  try {
    const v = await search(page, 'жжжжж');
    assert.deepEqual(v.shown, []);
    assert.equal(v.offices, 0);
    assert.equal(v.jumpShown, false, 'no jump links to hidden sections');
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
    assert.equal(v.shown.length, 16);
    assert.ok(v.offices > 200);
    assert.equal(v.jumpShown, true);
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
