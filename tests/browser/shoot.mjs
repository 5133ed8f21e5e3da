// Debugging aid: screenshots and PDFs of chosen pages. Usage:
//   STEND_SITE=DIR node shoot.mjs OUTDIR PATH [PATH…]
// Writes OUTDIR/<name>-desktop.png, -360.png and .pdf (printed as Chromium's Print does).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchBrowser } from './lib/site.mjs';

const [out, ...paths] = process.argv.slice(2);
const server = await startServer();
const browser = await launchBrowser();
try {
  for (const p of paths) {
    const name = p.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '_') || 'root';
    for (const [tag, width] of [['desktop', 1280], ['360', 360]]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(server.origin + p, { waitUntil: 'load' });
      await page.screenshot({ path: join(out, `${name}-${tag}.png`), fullPage: true });
      if (tag === 'desktop') writeFileSync(join(out, `${name}.pdf`), await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
