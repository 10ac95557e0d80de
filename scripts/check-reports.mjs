#!/usr/bin/env node
// npm run check:reports [-- <name>...]: opens each HTML report in headless Chromium (Debian's
// chromium, via playwright-core) and checks what a reader would see:
//  - every plotly figure in the report actually rendered (an SVG inside each .pp-figure),
//    with no "plotly.js is not loaded" message and no page errors;
//  - the report carries the SYNTHETIC DATA label (all committed data sets are synthetic);
//  - no raw 11-digit mobile number appears anywhere in the report's text;
//  - a full-page screenshot (reports/screenshots/<name>.png) that is not blank.
// Exit 1 on any failure, naming the report and the check.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const { withChromium, chromiumPath } = require(join(root, 'dist', 'plot', 'browser.js'));
const { ensureDebianPackages } = await import('./jupyter-env.mjs');
// Chromium renders the reports; Noto CJK so Chinese text in screenshots is not tofu.
ensureDebianPackages(['chromium', 'fonts-noto-cjk'], 'checking reports in a browser');
const sharp = require('sharp');

const reportsDir = join(root, 'reports');
const wanted = process.argv.slice(2);
const all = existsSync(reportsDir) ? readdirSync(reportsDir).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5)).sort() : [];
const names = wanted.length ? wanted : all;
if (!names.length) {
  console.error('check-reports: no reports found in reports/ (run `npm run reproduce` first)');
  process.exit(1);
}
if (!chromiumPath()) {
  console.error("check-reports: Chromium is not installed (apt-get install -y chromium); cannot check the reports");
  process.exit(1);
}
mkdirSync(join(reportsDir, 'screenshots'), { recursive: true });

// 11-digit mainland mobile numbers, also written with spaces or dashes (138 1234 5678);
// the same definition the library masks with.
const MOBILE = new RegExp(require(join(root, 'dist', 'report', 'mask.js')).MOBILE_NUMBER_SOURCE);
let failures = 0;
await withChromium(async (browser) => {
  for (const name of names) {
    const file = join(reportsDir, `${name}.html`);
    const problems = [];
    if (!existsSync(file)) {
      console.log(`FAILED  ${name}: ${file} does not exist`);
      failures++;
      continue;
    }
    const html = readFileSync(file, 'utf8');
    // Leave out only the inlined plotly.js library; figure data scripts are checked too.
    const withoutLibrary = html.replace(/<script[^>]*>\/\* plotly\.js-dist, inlined[\s\S]*?<\/script>/gi, '');
    const phone = MOBILE.exec(withoutLibrary.replace(/<[^>]+>/g, ' '));
    if (phone) problems.push(`raw mobile number in report text: ${phone[0].slice(0, 3)}…`);
    if (!html.includes('SYNTHETIC DATA')) problems.push('no SYNTHETIC DATA label');
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e.message ?? e)));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 120_000 });
    const expected = await page.locator('.pp-figure').count();
    try {
      await page.waitForFunction(
        (n) => document.querySelectorAll('.pp-figure .main-svg').length >= n || document.body.innerText.includes('plotly.js is not loaded'),
        expected,
        { timeout: 60_000 },
      );
    } catch {
      /* counted below */
    }
    const rendered = await page.evaluate(() => [...document.querySelectorAll('.pp-figure')].filter((el) => el.querySelector('.main-svg')).length);
    if (rendered < expected) problems.push(`${expected - rendered} of ${expected} figures did not render`);
    if (pageErrors.length) problems.push(`page errors: ${pageErrors.slice(0, 3).join(' | ')}`);
    const shot = join(reportsDir, 'screenshots', `${name}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    const stats = await sharp(shot).stats();
    const spread = Math.max(...stats.channels.map((c) => c.stdev));
    if (spread < 5) problems.push(`screenshot looks blank (max channel stdev ${spread.toFixed(1)})`);
    await page.close();
    if (problems.length) {
      failures++;
      console.log(`FAILED  ${name}: ${problems.join('; ')}`);
    } else {
      console.log(`ok      ${name}: ${rendered}/${expected} figures rendered, screenshot ${shot}`);
    }
  }
});
process.exit(failures ? 1 : 0);
