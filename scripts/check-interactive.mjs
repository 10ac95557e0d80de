#!/usr/bin/env node
// npm run check:interactive: the interactive path, end to end. Starts the Jupyter server the
// way `npm run notebook` does (project-local tslab kernelspec, notebooks/ folder), opens
// notebook 00 in headless Chromium, runs all cells in the live kernel, and checks that the
// library imports and its figure renders in the live page (not only in exported HTML).
// The server is on 127.0.0.1 with a random port and token and is stopped at the end.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages, prepareNotebookServer } from './jupyter-env.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const notebook = process.argv[2] ?? '00-overview';

const freePort = () =>
  new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });

const serverEnv = prepareNotebookServer(root);
ensureDebianPackages(['chromium', 'fonts-noto-cjk'], 'driving the notebook in a browser');
const { withChromium } = require(join(root, 'dist', 'plot', 'browser.js'));

const port = await freePort();
const token = randomBytes(16).toString('hex');
const server = spawn(
  'jupyter',
  ['notebook', '--no-browser', `--port=${port}`, '--ip=127.0.0.1', '--allow-root', `--NotebookApp.token=${token}`, `--notebook-dir=${join(root, 'notebooks')}`],
  { env: serverEnv, stdio: ['ignore', 'ignore', 'pipe'], detached: true },
);
let serverLog = '';
let serverExited = null;
server.stderr.on('data', (d) => (serverLog += d));
server.on('exit', (c) => (serverExited = c));
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};

let code = 0;
try {
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`${base}/api/kernelspecs?token=${token}`);
      const specs = await r.json();
      if (!specs.kernelspecs?.tslab) throw new Error(`the server does not list the tslab kernel: ${Object.keys(specs.kernelspecs ?? {})}`);
      break;
    } catch (e) {
      if (String(e).includes('tslab kernel')) throw e;
      if (serverExited !== null) throw new Error(`the notebook server exited (code ${serverExited}):\n${serverLog.slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`the notebook server did not start:\n${serverLog.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  await withChromium(async (browser) => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/notebooks/${notebook}.ipynb?token=${token}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.Jupyter?.notebook?.kernel?.is_connected(), null, { timeout: 60_000 });
    await page.evaluate(() => window.Jupyter.notebook.execute_all_cells());
    await page.waitForFunction(
      () => {
        const cells = window.Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
        const failed = cells.some((c) => c.output_area.outputs.some((o) => o.output_type === 'error'));
        const pending = cells.some((c) => c.element[0].classList.contains('running') || c.input_prompt_number === '*');
        return failed || (!pending && document.querySelectorAll('.pp-figure .main-svg').length > 0);
      },
      null,
      { timeout: 180_000 },
    );
    const result = await page.evaluate(() => ({
      figures: document.querySelectorAll('.pp-figure').length,
      rendered: [...document.querySelectorAll('.pp-figure')].filter((el) => el.querySelector('.main-svg')).length,
      stderr: [...document.querySelectorAll('.output_stderr')].map((e) => e.innerText).join('\n'),
    }));
    await page.screenshot({ path: join(root, 'reports', `interactive-${notebook}.png`), fullPage: false });
    if (result.rendered < 1 || result.rendered < result.figures) {
      code = 1;
      console.log(`FAILED  interactive ${notebook}: ${result.rendered}/${result.figures} figures rendered; stderr: ${result.stderr.slice(0, 1500)}`);
    } else if (errors.length) {
      code = 1;
      console.log(`FAILED  interactive ${notebook}: page errors: ${errors.slice(0, 3).join(' | ')}`);
    } else {
      console.log(`ok      interactive ${notebook}: ran in the live tslab kernel, ${result.rendered}/${result.figures} figures rendered in the page`);
    }
  });
} catch (e) {
  code = 1;
  console.log(`FAILED  interactive ${notebook}: ${e.message ?? e}`);
} finally {
  stop();
}
process.exit(code);
