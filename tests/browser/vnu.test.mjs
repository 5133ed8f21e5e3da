// The Nu Html Checker (vnu.jar, the W3C validator) over every HTML file of the site, in one
// Java invocation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteDir, htmlFiles } from './lib/site.mjs';

const require = createRequire(import.meta.url);
const vnuJar = join(require.resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');
const MAX_LINES = 300;

function runVnu(files) {
  return new Promise((ok, fail) => {
    const java = process.env.JAVA || 'java';
    const child = spawn(java, ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', fail);
    child.on('close', (code) => ok({ code, out, err }));
  });
}

test('2. Nu Html Checker: zero errors in every HTML file', async () => {
  const files = htmlFiles().map((f) => join(siteDir, f));
  // STEND_PAGES narrows the run for local debugging, as in the other files.
  const chosen = process.env.STEND_PAGES ? files.filter((f) => new RegExp(process.env.STEND_PAGES).test('/' + f.slice(siteDir.length + 1).replace(/index\.html$/, ''))) : files;
  assert.ok(chosen.length > 0, 'no HTML files found');
  const t0 = Date.now();
  const { code, out, err } = await runVnu(chosen);
  console.log(`vnu checked ${chosen.length} files in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  let messages;
  try {
    ({ messages } = JSON.parse(err || out));
  } catch {
    assert.fail(`vnu did not print JSON (exit ${code}):\n${(err || out).slice(0, 2000)}`);
  }
  const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
  const byFile = new Map();
  for (const m of errors) {
    const file = m.url ? fileURLToPath(m.url).slice(siteDir.length + 1) : '(no file)';
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file).push(`  ${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'} ${m.message}${m.extract ? `  «${m.extract.replace(/\s+/g, ' ').trim().slice(0, 100)}»` : ''}`);
  }
  const lines = [...byFile].flatMap(([f, ms]) => [`${f} (${ms.length})`, ...ms]);
  if (errors.length) {
    const more = lines.length > MAX_LINES ? `\n… and ${lines.length - MAX_LINES} more lines` : '';
    assert.fail(`vnu: ${errors.length} errors in ${byFile.size} files\n${lines.slice(0, MAX_LINES).join('\n')}${more}`);
  }
  assert.equal(code, 0, `vnu exited with ${code}`);
});
