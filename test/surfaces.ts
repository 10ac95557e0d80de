/**
 * One analysis per inference, two surfaces: these helpers let a test run an inference the way
 * its notebook does (the notebook's own parameter defaults, read from its `parameters` cell) and
 * the way its command does, then compare the key figures of the two results byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
// @ts-expect-error: plain ESM script without types (the notebook runner's parameter parser)
import { notebookParameters } from '../scripts/notebook-params.mjs';
import { outputResults, stableJson } from '../src/cli/output';
import { ROOT, runCli } from './cli-helpers';

/** The notebook's parameter defaults; path parameters resolved from notebooks/ to absolute paths. */
export function notebookDefaults(notebook: string): Record<string, unknown> {
  const path = join(ROOT, 'notebooks', `${notebook}.ipynb`);
  const nb = JSON.parse(readFileSync(path, 'utf8'));
  const out: Record<string, unknown> = {};
  for (const p of notebookParameters(nb, path) as Array<{ name: string; defaultValue: unknown; isPath: boolean }>) {
    out[p.name] = p.isPath && typeof p.defaultValue === 'string' ? resolve(ROOT, 'notebooks', p.defaultValue) : p.defaultValue;
  }
  return out;
}

/** Run the command and return its JSON (throws with stderr when it fails). */
export async function commandJson(command: string, args: string[]): Promise<Record<string, unknown>> {
  const dir = join(ROOT, '.tmp', `surface-${command}-${process.pid}-${Date.now()}`);
  const r = await runCli([command, '--quiet', ...args], dir);
  if (r.code !== 0) throw new Error(`${command} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(readFileSync(join(dir, `${command}.json`), 'utf8'));
}

/** The result as the command writes it (masked, stable JSON), for comparison. */
export function asWritten(result: unknown): Record<string, unknown> {
  return JSON.parse(stableJson(outputResults(result, false))) as Record<string, unknown>;
}

/** Every named key of the notebook's result equals the command's, value for value. */
export function expectSameFigures(notebookResult: unknown, cli: Record<string, unknown>, keys: string[]): void {
  const nb = asWritten(notebookResult);
  for (const k of keys) {
    expect(cli[k], `command JSON has no '${k}'`).toBeDefined();
    expect(cli[k], `'${k}' differs between notebook and command`).toEqual(nb[k]);
  }
}
