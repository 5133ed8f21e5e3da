// Printables come out right on paper: every poster on exactly one sheet, the complaint receipt
// on one 75 × 55 mm page, the document receipt on one A5 page, bilingual variants on one sheet.
// Each is printed to PDF by Chromium with the page's own CSS page size and margins, and the PDF
// is measured with pdfinfo (poppler-utils). Every printed sheet is also checked as paper:
// - type sizes: the computed font size of every element with text of its own on the sheet, in
//   print media (emulateMedia print, as page.pdf lays out), against the sheet's minimum for body
//   text and small print, and headings larger than the body minimum;
// - the used share: the PDF is rendered by pdftoppm (30 dpi, grey) and the tallest run of blank
//   pixel rows must be at most 15 % of the sheet's height. Measured on the rendered PDF rather
//   than on element boxes because it is what the paper shows: margins, borders and whatever
//   Chromium's print layout did, with no guess about which boxes count as content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { allPages, startServer, launchBrowser, pool, siteDir, siteLanguages, deepOffices } from './lib/site.mjs';

let server, browser, dir;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'stend-print-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const MM = 72 / 25.4;

/** Prints `path` to PDF as Chromium's Print does (CSS page size and margins) and returns
 * { pages, width, height } in millimetres, the font sizes of the sheet's text in print media
 * ({ body, small, headings }: arrays of { pt, what }) and the tallest blank band (share of the
 * sheet's height). */
async function print(path, page) {
  await page.goto(server.origin + path, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  const type = await page.evaluate(fontSizes);
  await page.emulateMedia({ media: null });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const file = join(dir, path.replace(/[^a-z0-9]+/gi, '_') + '.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return { pages, width: Number(w) / MM, height: Number(h) / MM, type, band: largestBlankBand(file), file };
}

/** The QR code on a printed sheet as a phone reads it from the paper: the PDF Chromium printed
 * is rasterised by poppler (pdftoppm, 100 dpi, first page) and decoded by jsQR, an independent
 * decoder. Returns the text, or null when no code is found. */
function qrOnPaper(file) {
  const out = file.replace(/\.pdf$/, '-qr');
  execFileSync('pdftoppm', ['-r', '100', '-f', '1', '-l', '1', '-png', '-singlefile', file, out]);
  const png = PNG.sync.read(readFileSync(out + '.png'));
  const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  return code ? code.data : null;
}

/** In the page: the font size (pt) of every visible element on the sheet with text of its
 * own, as headings (h1–h3, the form title, a table caption), small print (captions under
 * blanks, the appendix line, the pre-printed office, column numbers) or body text. */
function fontSizes() {
  const out = { body: [], small: [], headings: [] };
  const sheet = document.querySelector('article.sheet');
  for (const el of sheet.querySelectorAll('*')) {
    const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!own || el.closest('svg')) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || !el.getClientRects().length) continue;
    const kind = el.closest('h1, h2, h3, .form-title, caption') ? 'headings'
      : el.closest('.caption, .appendix, .prefilled, .colnums') ? 'small' : 'body';
    out[kind].push({ pt: parseFloat(cs.fontSize) * 0.75, what: `${el.tagName.toLowerCase()}.${el.className} «${el.textContent.trim().slice(0, 30)}»` });
  }
  return out;
}

/** The tallest run of blank (white) pixel rows of the PDF's page, as a share of its height. */
function largestBlankBand(pdfFile) {
  const stem = pdfFile.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', '30', '-gray', '-singlefile', pdfFile, stem]);
  const pgm = readFileSync(stem + '.pgm');
  // Binary PGM: "P5\n<width> <height>\n255\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  const [w, h] = [Number(header[1]), Number(header[2])];
  const start = header[0].length;
  let run = 0, best = 0;
  for (let y = 0; y < h; y++) {
    let blank = true;
    for (let x = 0; x < w && blank; x++) if (pgm[start + y * w + x] < 245) blank = false;
    run = blank ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best / h;
}

/** What is wrong with a printed sheet as paper: type below `limits` ({ body, small } in pt;
 * headings must reach 1.2 × the body minimum) or a blank band over 15 % of the sheet. */
function paperFailures(path, r, limits) {
  const out = [];
  const low = (list, min, kind) => list.filter((x) => x.pt < min - 0.05)
    .slice(0, 3).map((x) => `${path}: ${kind} ${x.pt.toFixed(1)} pt < ${min} pt: ${x.what}`);
  out.push(...low(r.type.body, limits.body, 'body'));
  out.push(...low(r.type.small, limits.small ?? limits.body, 'small print'));
  if (limits.headings) out.push(...low(r.type.headings, limits.headings, 'heading'));
  if (!r.type.body.length) out.push(`${path}: no body text found`);
  const band = limits.band ?? 0.15;
  if (r.band > band) out.push(`${path}: a blank band of ${(r.band * 100).toFixed(0)} % of the sheet`);
  return out;
}

/** Type minimums of the posters (pt): body text, and headings 1.2 × larger. */
const POSTER = {
  a4: { body: 12, headings: 14.4 },
  a3: { body: 16, headings: 19.2 },
  bilingual: { body: 10, headings: 12 },
};
/** And of the forms: body text, and small print (captions, the appendix line, the pre-printed
 * office) on the small receipts, as the standard's forms print them. */
// Blank forms keep the source's layout, with room left for handwriting: the 15 % rule is the
// posters' (issue 17); a form's largest band may reach 30 % (blank receipts measured 17–24 %;
// the quality-indicator table ends at 83 % of its A4 sheet in Kazakh, whose indicators are
// shorter than the Russian, which fills 90 %).
const FORM = {
  complaint: { body: 8, small: 5, band: 0.3 },
  document: { body: 9.5, small: 7.5, headings: 11.4, band: 0.3 },
  quality: { body: 10, small: 8, headings: 10, band: 0.3 },
};

function near(actual, expected, what) {
  assert.ok(Math.abs(actual - expected) < 1.5, `${what}: ${actual.toFixed(1)} mm, expected ${expected} mm`);
}

/** The offices with the most to print (longest name + address + phone lists) and a spread of
 * one unit per department, from the built open data. */
function sampleOffices() {
  const data = JSON.parse(readFileSync(join(siteDir, 'data/offices.json'), 'utf8'));
  const all = [];
  for (const d of data.departments) {
    all.push({ route: `offices/${d.slug}/`, d, o: d });
    for (const u of d.units || []) all.push({ route: `offices/${d.slug}/${u.slug}/`, d, o: u });
  }
  const weight = ({ o }) => Object.values(o.name).join('').length + Object.values(o.address).join('').length +
    12 * ((o.phones.secretariat || []).length + (o.phones.migration || []).length);
  const heaviest = [...all].sort((a, b) => weight(b) - weight(a)).slice(0, 3);
  const spread = data.departments.map((d) => all.find((x) => x.d === d && x.o !== d) || all.find((x) => x.d === d));
  const seats = data.departments.slice(0, 2).map((d) => all.find((x) => x.o === d));
  return [...new Map([...heaviest, ...spread, ...seats].map((x) => [x.route, x])).values()];
}

test('every poster variant prints on exactly one sheet of its size, in stand-sized type, using the sheet, its QR code readable from the paper (sample across departments, longest offices)', async () => {
  const offices = sampleOffices();
  assert.ok(offices.length >= 16, `only ${offices.length} offices sampled`);
  const jobs = [];
  for (const { route } of offices) {
    for (const lang of siteLanguages()) {
      jobs.push({ path: `/${lang}/${route}poster/`, w: 210, h: 297, limits: POSTER.a4 });
      jobs.push({ path: `/${lang}/${route}poster/bilingual/`, w: 297, h: 420, limits: POSTER.bilingual });
      jobs.push({ path: `/${lang}/${route}poster/a3/`, w: 297, h: 420, limits: POSTER.a3 });
    }
  }
  const pages = await Promise.all([0, 1].map(() => browser.newPage()));
  const failures = [];
  await pool(jobs, pages.length, async (job, w) => {
    const r = await print(job.path, pages[w]);
    if (r.pages !== 1) failures.push(`${job.path}: ${r.pages} pages`);
    // The code opens the office's page on the site (the address the page's canonical link
    // names, up to the poster's segment).
    const office = new URL(job.path.replace(/poster\/.*$/, ''), await pages[w].evaluate(() => document.querySelector('link[rel=canonical]').href)).href;
    const read = qrOnPaper(r.file);
    if (read !== office) failures.push(`${job.path}: the printed QR code reads ${JSON.stringify(read)}, expected ${office}`);
    near(r.width, job.w, `${job.path} width`);
    near(r.height, job.h, `${job.path} height`);
    failures.push(...paperFailures(job.path, r, job.limits));
  });
  for (const p of pages) await p.close();
  assert.deepEqual(failures, [], failures.join('\n'));
});

/** Every office (departments' seats and units), from the built open data. */
function allOffices() {
  const data = JSON.parse(readFileSync(join(siteDir, 'data/offices.json'), 'utf8'));
  const all = [];
  for (const d of data.departments) {
    all.push(`offices/${d.slug}/`);
    for (const u of d.units || []) all.push(`offices/${d.slug}/${u.slug}/`);
  }
  return all;
}

/** Prints every job ({ path, w, h }) with two tabs; returns what did not come out as one sheet
 * of the expected size. */
async function printAll(jobs) {
  const tabs = await Promise.all([0, 1].map(() => browser.newPage()));
  const failures = [];
  try {
    await pool(jobs, tabs.length, async (job, w) => {
      const r = await print(job.path, tabs[w]);
      if (r.pages !== 1) failures.push(`${job.path}: ${r.pages} pages`);
      if (Math.abs(r.width - job.w) >= 1.5 || Math.abs(r.height - job.h) >= 1.5) {
        failures.push(`${job.path}: ${r.width.toFixed(1)} × ${r.height.toFixed(1)} mm, expected ${job.w} × ${job.h} mm`);
      }
      failures.push(...paperFailures(job.path, r, job.limits));
    });
  } finally {
    for (const t of tabs) await t.close();
  }
  return failures;
}

// The receipts are small, fixed-size sheets and the office header printed in them varies in
// length, so every office's copy is printed, not a sample, in each written language. A derived
// language (its segment has a script, `kk-latn`) is the Kazakh text letter for letter: its copies
// are printed for the sampled offices, which include the longest headers.
function receiptOffices(lang) {
  if (!lang.includes('-')) return allOffices();
  return [...new Set([...sampleOffices(), ...deepOffices()].map((x) => x.route))];
}
test('every complaint receipt prints as one 75 × 55 mm page; the bilingual one as one 75 × 110 mm page', async () => {
  const jobs = [];
  for (const lang of siteLanguages()) {
    for (const base of [`/${lang}/forms/`, ...receiptOffices(lang).map((o) => `/${lang}/${o}forms/`)]) {
      jobs.push({ path: `${base}complaint-receipt/`, w: 75, h: 55, limits: FORM.complaint });
      jobs.push({ path: `${base}complaint-receipt/bilingual/`, w: 75, h: 110, limits: FORM.complaint });
    }
  }
  const failures = await printAll(jobs);
  assert.deepEqual(failures, [], `${failures.length} of ${jobs.length}:\n${failures.slice(0, 100).join('\n')}`);
});

test('every document receipt prints on one A5 page; the bilingual one on one A4 landscape sheet', async () => {
  const jobs = [];
  for (const lang of siteLanguages()) {
    for (const base of [`/${lang}/forms/`, ...receiptOffices(lang).map((o) => `/${lang}/${o}forms/`)]) {
      jobs.push({ path: `${base}document-receipt/`, w: 148, h: 210, limits: FORM.document });
      jobs.push({ path: `${base}document-receipt/bilingual/`, w: 297, h: 210, limits: FORM.document });
    }
    jobs.push({ path: `/${lang}/forms/quality-indicators/`, w: 210, h: 297, limits: FORM.quality });
  }
  const failures = await printAll(jobs);
  assert.deepEqual(failures, [], `${failures.length} of ${jobs.length}:\n${failures.slice(0, 100).join('\n')}`);
});

test('every office has its posters and receipts in every language', () => {
  const paths = new Set(allPages().map((p) => p.path));
  const data = JSON.parse(readFileSync(join(siteDir, 'data/offices.json'), 'utf8'));
  let n = 0;
  for (const d of data.departments) {
    for (const route of [`offices/${d.slug}/`, ...(d.units || []).map((u) => `offices/${d.slug}/${u.slug}/`)]) {
      for (const lang of siteLanguages()) {
        for (const v of ['poster/', 'poster/a3/', 'poster/bilingual/', 'forms/document-receipt/', 'forms/document-receipt/bilingual/',
          'forms/complaint-receipt/', 'forms/complaint-receipt/bilingual/']) {
          assert.ok(paths.has(`/${lang}/${route}${v}`), `/${lang}/${route}${v} missing`);
        }
      }
      n++;
    }
  }
  assert.equal(n, 16 + 205);
});

test('printables work without JavaScript: the Print button stays hidden, the hint is shown', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(server.origin + '/kk/offices/astana/poster/', { waitUntil: 'load' });
  assert.equal(await page.locator('[data-print]').isVisible(), false);
  assert.equal(await page.locator('.print-hint').isVisible(), true);
  await ctx.close();
  const js = await browser.newPage();
  await js.goto(server.origin + '/kk/offices/astana/poster/', { waitUntil: 'load' });
  assert.equal(await js.locator('[data-print]').isVisible(), true);
  await js.close();
});
