// Shared helpers for the browser suite: the site directory, page discovery, a recording static
// server on 127.0.0.1, the Chromium launcher and axe injection.
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve, dirname, extname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
export const suiteDir = resolve(here, '..');
const require = createRequire(import.meta.url);

/** The built site: $STEND_SITE (relative to tests/browser) or ../../public. */
export const siteDir = resolve(suiteDir, process.env.STEND_SITE || '../../public');

export function assertSiteBuilt() {
  if (!existsSync(join(siteDir, 'index.html'))) {
    throw new Error(`no built site at ${siteDir} (index.html missing): build it first, ` +
      'e.g. `cargo run --release -- build --out public`, or set STEND_SITE');
  }
}

/** Every *.html file under the site, as paths relative to the site root with '/' separators. */
export function htmlFiles() {
  assertSiteBuilt();
  const out = [];
  const walk = (dir) => {
    for (const ent of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, ent.name);
      if (ent.isDirectory()) walk(p);
      else if (ent.isFile() && ent.name.endsWith('.html')) out.push(relative(siteDir, p).split(sep).join('/'));
    }
  };
  walk(siteDir);
  return out.sort();
}

/** The URL path a file is served at: `a/index.html` → `/a/`, `404.html` → `/404.html`. */
export function fileToPath(file) {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return '/' + file.slice(0, -'index.html'.length);
  return '/' + file;
}

/** Every page of the site as { file, path }, both languages, nothing sampled. */
export function allPages() {
  const pages = htmlFiles().map((file) => ({ file, path: fileToPath(file) }));
  // For local debugging only: STEND_PAGES=regex narrows the run (never set in CI).
  if (process.env.STEND_PAGES) {
    const re = new RegExp(process.env.STEND_PAGES);
    return pages.filter((p) => re.test(p.path));
  }
  return pages;
}

/** Maps a URL path to the file it serves, or null when there is none (same rules as the server). */
export function pathToFile(pathname, root = siteDir) {
  let p;
  try { p = decodeURIComponent(pathname); } catch { return null; }
  if (p.includes('\0')) return null;
  if (p.endsWith('/')) p += 'index.html';
  const abs = resolve(root, '.' + p);
  if (abs !== root && !abs.startsWith(root + sep)) return null;
  try {
    const st = statSync(abs);
    if (st.isFile()) return abs;
  } catch { /* missing */ }
  return null;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

export function contentType(file) {
  return TYPES[extname(file).toLowerCase()] || 'application/octet-stream';
}

/**
 * Starts the static server on 127.0.0.1 with an ephemeral port, for the site in `root` (default
 * the built site). Every request is recorded in `server.requests` as { method, url, status }.
 */
export async function startServer(root = siteDir) {
  const requests = [];
  const notFound = join(root, '404.html');
  const server = createServer(async (req, res) => {
    const rec = { method: req.method, url: req.url, status: 0 };
    requests.push(rec);
    const send = (status, headers, body) => {
      rec.status = status;
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(405, { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' }, 'method not allowed\n');
      }
      const url = new URL(req.url, 'http://127.0.0.1');
      if (url.pathname === AXE_PATH) {
        // Not part of the site: axe-core for the accessibility checks, loaded as a same-origin
        // script so that the pages keep their real CSP (script-src 'self') during the run.
        rec.test = true;
        const body = Buffer.from(axeSource);
        return send(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'max-age=3600' }, body);
      }
      let file = pathToFile(url.pathname, root);
      if (!file && !url.pathname.endsWith('/') && pathToFile(url.pathname + '/', root)) {
        // A directory asked for without its slash: redirect, as ordinary web servers do.
        return send(301, { Location: url.pathname + '/' + url.search, 'Content-Type': 'text/plain; charset=utf-8' }, 'moved\n');
      }
      if (file) {
        // The build's pre-compressed copy when the browser takes it, as a server configured for
        // them (gzip_static, brotli_static) sends it: what a phone really downloads.
        const accepts = String(req.headers['accept-encoding'] || '');
        const encoding = [['br', '.br'], ['gzip', '.gz']].find(([name, ext]) =>
          new RegExp(`\\b${name}\\b`).test(accepts) && existsSync(file + ext));
        const body = await readFile(encoding ? file + encoding[1] : file);
        // Pages are revalidated; assets may be cached, as a real server would let them be.
        const cache = file.endsWith('.html') ? 'no-cache' : 'max-age=3600';
        const headers = { 'Content-Type': contentType(file), 'Content-Length': body.length, 'Cache-Control': cache, Vary: 'Accept-Encoding' };
        if (encoding) headers['Content-Encoding'] = encoding[0];
        return send(200, headers, body);
      }
      const body = existsSync(notFound) ? await readFile(notFound) : Buffer.from('not found\n');
      return send(404, { 'Content-Type': existsSync(notFound) ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8', 'Content-Length': body.length }, body);
    } catch (e) {
      return send(500, { 'Content-Type': 'text/plain; charset=utf-8' }, String(e && e.stack || e));
    }
  });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(0, '127.0.0.1', ok); });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

export const CHROMIUM = process.env.STEND_CHROMIUM || '/usr/bin/chromium';

/** Launches the system Chromium through playwright-core. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}

/** The source of axe.min.js. */
export const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** Where the test server serves axe.min.js (outside the site). */
export const AXE_PATH = '/__stend_test__/axe.min.js';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core in `page` and returns its violations. axe is loaded as a same-origin script from
 * the test server (allowed by the pages' CSP `script-src 'self'`; the browser's code cache makes
 * it cheap from the second page on); where that is refused it is evaluated through DevTools,
 * which no CSP restricts.
 */
export async function runAxe(page, options) {
  const loaded = await page.evaluate((src) => typeof window.axe === 'object' || new Promise((ok) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => ok(typeof window.axe === 'object');
    s.onerror = () => ok(false);
    document.head.append(s);
  }), AXE_PATH);
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async (opts) => {
    const r = await window.axe.run(document, opts);
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: (n.failureSummary || '').split('\n').slice(0, 3).join(' ') })),
    }));
  }, { resultTypes: ['violations'], ...options });
}

export function formatViolations(url, violations) {
  const lines = [];
  for (const v of violations) {
    for (const n of v.nodes) lines.push(`${url}  [${v.id}] ${n.target}  — ${v.help}${n.summary ? ` (${n.summary})` : ''}`);
  }
  return lines;
}

/** Runs `fn(item)` over `items` with `n` workers; returns results in order. */
export async function pool(items, n, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async (w) => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], w, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, (_, w) => worker(w)));
  return out;
}

/**
 * The languages of the built site as their URL segments (`kk`, `kk-latn`, `ru`): the top-level
 * directories whose index.html is a page with a `lang`.
 */
export function siteLanguages(root = siteDir) {
  assertSiteBuilt();
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'index.html')))
    .filter((e) => /<html lang="[^"]+"/.test(readFileSync(join(root, e.name, 'index.html'), 'utf8').slice(0, 200)))
    .map((e) => e.name)
    .sort();
}

/** Every office of the built open data: { route: 'offices/dep/unit/', d, o }, departments first. */
export function officesOfSite(root = siteDir) {
  const data = JSON.parse(readFileSync(join(root, 'data/offices.json'), 'utf8'));
  const all = [];
  for (const d of data.departments) {
    all.push({ route: `offices/${d.slug}/`, d, o: d });
    for (const u of d.units || []) all.push({ route: `offices/${d.slug}/${u.slug}/`, d, o: u });
  }
  return all;
}

/**
 * The offices whose pages get the full in-browser checks (see site.test.mjs): every department's
 * seat, one unit of every shape the directory's data has (which optional fields are filled, how
 * many phones of each kind), and the three with the longest names and addresses. Office pages are
 * the same templates over different data, so these cover every template branch the data takes,
 * in every language, and the extremes of length.
 */
export function deepOffices(root = siteDir) {
  const all = officesOfSite(root);
  const shape = ({ o }) => JSON.stringify([
    Object.keys(o).filter((k) => k !== 'units' && o[k] != null && o[k] !== '').sort(),
    (o.phones?.secretariat || []).length, (o.phones?.migration || []).length,
  ]);
  const weight = ({ o }) => Object.values(o.name).join('').length + Object.values(o.address).join('').length +
    12 * ((o.phones?.secretariat || []).length + (o.phones?.migration || []).length);
  const seats = all.filter((x) => x.o === x.d);
  const shapes = new Map();
  for (const x of all) if (x.o !== x.d && !shapes.has(shape(x))) shapes.set(shape(x), x);
  const heaviest = [...all].sort((a, b) => weight(b) - weight(a)).slice(0, 3);
  return [...new Map([...seats, ...shapes.values(), ...heaviest].map((x) => [x.route, x])).values()];
}

/** Representative pages: one of every distinct template, in every language, plus / and /404.html. */
export function representativePages(pages) {
  const paths = new Set(pages.map((p) => p.path));
  const out = ['/', '/404.html'];
  for (const lang of siteLanguages()) {
    for (const s of ['', 'standard/', 'documents/', 'fee/', 'hours/', 'refusal/', 'complaints/', 'offices/', 'forms/']) {
      out.push(`/${lang}/${s}`);
    }
    // Every section page directly under the language (/kk/fee/, …): each uses its own template.
    for (const p of [...paths].sort()) if (new RegExp(`^/${lang}/[^/]+/$`).test(p)) out.push(p);
    // Each form page.
    for (const p of paths) if (p.startsWith(`/${lang}/forms/`) && p !== `/${lang}/forms/`) out.push(p);
    // One department and one office (a unit), and the office's printable pages (posters, its
    // copies of the forms): found from the directory layout /{lang}/offices/{dep}/{unit}/.
    const sorted = [...paths].sort();
    const dept = sorted.find((p) => new RegExp(`^/${lang}/offices/[^/]+/$`).test(p));
    if (dept) {
      out.push(dept);
      const isOffice = (p) => p.startsWith(dept) && /^[^/]+\/$/.test(p.slice(dept.length)) &&
        !['poster/', 'forms/'].includes(p.slice(dept.length));
      const unit = sorted.find(isOffice);
      const office = unit || dept;
      if (unit) out.push(unit);
      for (const p of sorted) if (p.startsWith(office + 'poster/') || p.startsWith(office + 'forms/')) out.push(p);
    }
  }
  return [...new Set(out)].filter((p) => paths.has(p));
}

/** CPU seconds used so far by this process and all its live descendants (for STEND_TIMING). */
export function treeCpuSeconds() {
  const hz = 100;
  const kids = new Map();
  const cpu = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(f[1]);
      cpu.set(Number(d), (Number(f[11]) + Number(f[12])) / hz);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(d));
    } catch { /* gone */ }
  }
  let total = 0;
  const stack = [process.pid];
  while (stack.length) {
    const p = stack.pop();
    total += cpu.get(p) || 0;
    stack.push(...(kids.get(p) || []));
  }
  return total;
}
