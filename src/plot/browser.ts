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

/** A system program the command needs is missing or does not start (exit code 4). */
export class MissingDependencyError extends Error {}

/**
 * Path of a Chromium binary, or null: $CHROMIUM_PATH when set (and then only it: a wrong path
 * is an error, not a silent fall-back), else /usr/bin/chromium, /usr/bin/chromium-browser.
 */
export function chromiumPath(): string | null {
  const given = process.env.CHROMIUM_PATH;
  if (given) return existsSync(given) ? given : null;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? null;
}

type Browser = import('playwright-core').Browser;

/** Launch headless Chromium; throws a clear error when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new MissingDependencyError(
      process.env.CHROMIUM_PATH
        ? `Chromium is not installed at CHROMIUM_PATH=${process.env.CHROMIUM_PATH}: set it to Chromium's binary or unset it to use /usr/bin/chromium.`
        : "Chromium is not installed: static images and PDF need Debian's chromium package (apt-get install -y chromium), or set CHROMIUM_PATH.",
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  } catch (e) {
    throw new MissingDependencyError(`Chromium at ${executablePath} did not start (${(e as Error).message.split('\n')[0]}); install Debian's chromium or fix CHROMIUM_PATH.`);
  }
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
