/**
 * Shared by the test/cli-*.test.ts files: run the command line in-process with a temporary
 * --out folder under .tmp/ (git-ignored), capture what it prints, read what it wrote.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { vi } from 'vitest';
import { main } from '../src/cli/main';

export const ROOT = resolve(__dirname, '..');

/** Fast settings per command (the defaults reproduce the notebooks and take longer). */
export const FAST: Record<string, string[]> = {
  match: ['--permutations', '500', '--sensitivity', '0.8,1'],
  capacity: ['--draws', '2000', '--ks-replicates', '19', '--accounts-per-scenario', '5'],
  retention: [],
  shadow: ['--key', 'test key for the CLI tests only'],
  avatars: ['--measure-images', '4'],
  plausibility: ['--grid-homophily', '0.6', '--grid-shares', '0.1', '--grid-cardinality', '100', '--type1-replicates', '200', '--targets', '150', '--holders', '1..50'],
  'collaborative-filtering': ['--no-grid', '--type1-replicates', '200', '--targets', '150', '--holders', '1..50'],
  link: ['--u-pairs', '10000'],
};

export interface CliRun {
  code: number;
  stderr: string;
  out: string;
}

/** A fresh folder under .tmp/ (removed by `cleanup`). */
export function tempDir(prefix: string): string {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  return mkdtempSync(join(ROOT, '.tmp', `${prefix}-`));
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Run `profile-provenance <args>` in-process; stderr and stdout are captured, not printed.
 * Without `out`, a temporary --out folder is used and removed afterwards.
 */
export async function runCli(args: string[], out?: string): Promise<CliRun> {
  const dir = out ?? tempDir('cli');
  const chunks: string[] = [];
  const grab = (s: unknown) => {
    chunks.push(typeof s === 'string' ? s : String(s));
    return true;
  };
  const w1 = vi.spyOn(process.stderr, 'write').mockImplementation(grab as never);
  const w2 = vi.spyOn(process.stdout, 'write').mockImplementation(grab as never);
  const e1 = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void chunks.push(a.map(String).join(' ') + '\n'));
  const e2 = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void chunks.push(a.map(String).join(' ') + '\n'));
  try {
    const code = await main(['node', 'profile-provenance', ...args, '--out', dir]);
    return { code, stderr: chunks.join(''), out: dir };
  } finally {
    if (out === undefined) cleanup(dir);
    w1.mockRestore();
    w2.mockRestore();
    e1.mockRestore();
    e2.mockRestore();
  }
}

/** Run one command on its committed dataset with the fast settings (plus `extra`). */
export function runCommand(command: string, extra: string[] = [], out?: string): Promise<CliRun> {
  return runCli([command, '--quiet', ...FAST[command]!, ...extra], out);
}

export function readOut(dir: string, command: string): { json: string; html: string } {
  return { json: readFileSync(join(dir, `${command}.json`), 'utf8'), html: readFileSync(join(dir, `${command}.html`), 'utf8') };
}

export function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

/**
 * The report without the inlined plotly.js library (4 MB of library code, not report text);
 * the figures' own scripts (their data) stay.
 */
export function withoutPlotly(html: string): string {
  const out = html.replace(/<script[^>]*>([\s\S]*?)<\/script>/gi, (m, body: string) => (body.startsWith('(function(){var fig=') ? m : ''));
  if (out.length > 2_000_000) throw new Error('withoutPlotly: the plotly.js library was not found and removed');
  return out;
}

/** One column of a committed CSV dataset (papaparse). */
export function csvColumn(path: string, column: string): string[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  if (!parsed.meta.fields?.includes(column)) throw new Error(`${path}: no column ${column}`);
  return parsed.data.map((r) => r[column] ?? '');
}
