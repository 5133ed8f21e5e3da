// Page weight: every page's HTML plus every stylesheet it links, each gzipped at level 9, must
// stay under 30 KB. Writes weight-report.txt (heaviest first) beside this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { allPages, siteDir, suiteDir, pathToFile } from './lib/site.mjs';

const LIMIT = 30 * 1024;

const gz = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;

/** The stylesheets a page links: href values of <link rel="stylesheet">. */
function stylesheets(html) {
  const out = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = {};
    for (const m of tag.matchAll(/([^\s=<>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g)) {
      attrs[m[1].toLowerCase()] = (m[2] ?? m[3] ?? m[4]).replace(/&amp;/g, '&');
    }
    if ((attrs.rel || '').toLowerCase().split(/\s+/).includes('stylesheet') && attrs.href) out.push(attrs.href);
  }
  return out;
}

test('10. page weight: HTML + linked CSS, gzipped, under 30 KB on every page', () => {
  const pages = allPages();
  assert.ok(pages.length > 0, 'no pages');
  const cssCache = new Map();
  const rows = [];
  const bad = [];
  for (const { file, path } of pages) {
    const html = readFileSync(join(siteDir, file));
    let cssBytes = 0;
    let total = gz(html);
    for (const href of stylesheets(html.toString('utf8'))) {
      const url = new URL(href, 'http://site.invalid' + path);
      if (url.origin !== 'http://site.invalid') continue; // an external stylesheet is the link checker's business
      const f = pathToFile(url.pathname);
      if (!f) { bad.push(`${path}: stylesheet ${href} not found`); continue; }
      if (!cssCache.has(f)) { const b = readFileSync(f); cssCache.set(f, { bytes: b.length, gz: gz(b) }); }
      const c = cssCache.get(f);
      cssBytes += c.bytes;
      total += c.gz;
    }
    rows.push({ path, html: html.length, css: cssBytes, total });
    if (total >= LIMIT) bad.push(`${path}: ${total} bytes gzipped (limit ${LIMIT})`);
  }
  rows.sort((a, b) => b.total - a.total || a.path.localeCompare(b.path));
  const table = ['page\thtml bytes\tcss bytes\tgzip total', ...rows.map((r) => `${r.path}\t${r.html}\t${r.css}\t${r.total}`)];
  writeFileSync(join(suiteDir, 'weight-report.txt'), table.join('\n') + '\n');
  console.log(`page weight (gzip -9 of HTML + CSS), ${rows.length} pages, 10 heaviest (full list in weight-report.txt):`);
  for (const r of rows.slice(0, 10)) console.log(`  ${String(r.total).padStart(6)} B  ${r.path}  (html ${r.html} B, css ${r.css} B)`);
  assert.deepEqual(bad, [], `pages over the weight limit:\n${bad.join('\n')}`);
});
