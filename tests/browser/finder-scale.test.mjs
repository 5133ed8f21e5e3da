// The office finder at scale: the directory of a synthetic project with 2 000 offices (built by
// .ci/browser from `cargo run --release --example synth -- --offices 2000`, given here as
// $STEND_SYNTH_SITE), on a phone-sized screen with the CPU slowed down four times (Chromium's
// DevTools throttling). The finder's work on a keystroke (matching, showing and hiding the
// offices) stays under 50 ms, so does the typical keystroke with the layout that follows, and the
// counts stay right.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, launchBrowser, suiteDir } from './lib/site.mjs';

const LIMIT_MS = 50;
const site = process.env.STEND_SYNTH_SITE && resolve(suiteDir, process.env.STEND_SYNTH_SITE);
let server, browser;
before(async () => {
  if (!site || !existsSync(join(site, 'ru/offices/index.html'))) {
    throw new Error('STEND_SYNTH_SITE must name a site built from the synthetic 2 000-office project: ' +
      'cargo run --release --example synth -- --offices 2000 --out DIR && ' +
      'cargo run --release -- build --root DIR --out DIR/public (see .ci/browser)');
  }
  server = await startServer(site);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// In the page: types `query` one letter at a time, timing each keystroke from the input event
// to the end of the finder's script (`script`) and to the end of the layout it causes (`times`);
// returns the times and what is shown at the end.
function typeTimed(query) {
  const input = document.getElementById('finder-q');
  const times = [];
  const script = [];
  for (let i = 1; i <= query.length; i++) {
    input.value = query.slice(0, i);
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    script.push(performance.now() - t0);
    void document.body.offsetHeight; // style and layout of the new state
    times.push(performance.now() - t0);
  }
  const shown = (e) => e.checkVisibility();
  const units = [...document.querySelectorAll('li[data-search]')].filter(shown).length;
  const seats = [...document.querySelectorAll('section.department > dl.contact')].filter(shown).length;
  return { times, script, offices: units + seats };
}

test('2 000 offices, CPU 4× slower: the finder answers within 50 ms', { timeout: 10 * 60_000 }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
  // Tasks of 50 ms or more after the load event: the finder's index is built in idle slices
  // then, and none of them may hold the page for long.
  await ctx.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await ctx.newPage();
  try {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(server.origin + '/ru/offices/', { waitUntil: 'load', timeout: 120_000 });
    const total = await page.$$eval('li[data-search]', (lis) => lis.length);
    assert.ok(total >= 2000, `${total} offices in the directory`);
    // The finder marks its form once the index is complete.
    await page.waitForSelector('[data-finder][data-ready]', { state: 'attached', timeout: 60_000 });
    const idle = await page.evaluate(() => {
      const load = performance.getEntriesByType('navigation')[0].loadEventEnd;
      const after = window.__longTasks.filter((t) => t.start >= load);
      return { n: after.length, longest: Math.max(0, ...after.map((t) => t.ms)), at: performance.now() - load };
    });
    // Reaching the field then costs nothing more than focusing it.
    const indexMs = await page.evaluate(() => {
      const t0 = performance.now();
      document.getElementById('finder-q').focus();
      return performance.now() - t0;
    });
    const all = [];
    const scripts = [];
    const report = [`index built while idle, ready within ${idle.at.toFixed(0)} ms of the load event; ` +
      `${idle.n} tasks of 50 ms or more after it, the longest ${idle.longest.toFixed(1)} ms; focusing the field ${indexMs.toFixed(1)} ms`];
    for (const query of ['Карагандинская область', 'karaganda', 'Қарағанды облысы', 'almaty', 'Кокшетеу', 'ул Абая 12', 'жжжжж']) {
      await page.evaluate(() => { const i = document.getElementById('finder-q'); i.value = ''; i.dispatchEvent(new Event('input')); });
      const r = await page.evaluate(typeTimed, query);
      all.push(...r.times);
      scripts.push(...r.script);
      report.push(`«${query}»: ${r.offices} offices, slowest keystroke ${Math.max(...r.times).toFixed(1)} ms (script ${Math.max(...r.script).toFixed(1)} ms)`);
      if (query === 'жжжжж') assert.equal(r.offices, 0);
      else assert.ok(r.offices > 0 && r.offices < total, `«${query}»: ${r.offices} offices`);
    }
    // Clearing the field shows all again, also within the limit.
    const clear = await page.evaluate(() => {
      const i = document.getElementById('finder-q');
      i.value = '';
      const t0 = performance.now();
      i.dispatchEvent(new Event('input'));
      void document.body.offsetHeight;
      return performance.now() - t0;
    });
    all.push(clear);
    report.push(`clearing: ${clear.toFixed(1)} ms`);
    all.sort((a, b) => a - b);
    scripts.sort((a, b) => a - b);
    const median = all[all.length >> 1];
    report.push(`keystrokes: ${all.length}, median ${median.toFixed(1)} ms, slowest ${all[all.length - 1].toFixed(1)} ms; ` +
      `the finder's script alone: median ${scripts[scripts.length >> 1].toFixed(1)} ms, slowest ${scripts[scripts.length - 1].toFixed(1)} ms`);
    console.log(report.join('\n'));
    // The finder's own work (matching, showing and hiding) stays within the limit; with the
    // browser's layout of the page included, the typical keystroke does.
    // The first letters, which hide most of the 2 000 offices at once, cost the browser more
    // layout than that; their times are in the report.
    assert.ok(scripts[scripts.length >> 1] < LIMIT_MS, `median script ${scripts[scripts.length >> 1].toFixed(1)} ms (limit ${LIMIT_MS}):\n${report.join('\n')}`);
    // A shared 2-core machine stalls now and then: twice the limit for the slowest.
    assert.ok(scripts[scripts.length - 1] < 2 * LIMIT_MS, `slowest script ${scripts[scripts.length - 1].toFixed(1)} ms (limit ${2 * LIMIT_MS}):\n${report.join('\n')}`);
    assert.ok(median < LIMIT_MS, `median keystroke ${median.toFixed(1)} ms (limit ${LIMIT_MS}):\n${report.join('\n')}`);
    assert.ok(indexMs < 200, `focusing the field took ${indexMs.toFixed(1)} ms:\n${report.join('\n')}`);
    assert.ok(idle.longest < 200, `a task of ${idle.longest.toFixed(1)} ms after the load event:\n${report.join('\n')}`);
  } finally {
    await ctx.close();
  }
});
