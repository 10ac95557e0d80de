/**
 * Headless Chromium (Debian's `chromium` package) driven by playwright-core, for static
 * figure images, PDF export and report screenshots. playwright-core never downloads a
 * browser; we point it at the system one.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Path of a Chromium binary, or null: $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => !!p,
  );
  return candidates.find((p) => existsSync(p)) ?? null;
}

type Browser = import('playwright-core').Browser;

/** Launch headless Chromium; throws a clear error when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new Error(
      'Chromium is not installed: static images and PDF need Debian\'s chromium package ' +
        '(apt-get install -y chromium), or set CHROMIUM_PATH.',
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/** Run `fn` with a fresh browser, always closing it. */
export async function withChromium<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}
