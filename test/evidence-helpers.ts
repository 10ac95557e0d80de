/**
 * Shared by the loader and dataset tests of logs and retention: a temporary folder for small
 * evidence files, the issues of an expected EvidenceError, and the checks that a committed
 * synthetic dataset regenerates byte for byte and that its README declares it.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { EvidenceError } from '../src/io/errors';

/**
 * A temporary folder (removed after the calling test file) and `file(name, text)`, which
 * writes `text` there and returns its path.
 */
export function evidenceFolder(prefix: string): { dir: string; file: (name: string, text: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file(name: string, text: string): string {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
  };
}

/** Awaits `p`, expects it to reject with an EvidenceError, returns its issues. */
export async function issuesOf(p: Promise<unknown>) {
  const err = await p.catch((e) => e);
  expect(err).toBeInstanceOf(EvidenceError);
  return (err as EvidenceError).issues;
}

export const sha256Hex = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** datasets/<area>/ of this repository. */
export function committedDataset(area: string): string {
  return join(__dirname, '..', 'datasets', area);
}

/**
 * Runs `scripts/datasets/<area>.ts` into a temporary folder and expects the same file names
 * as datasets/<area>/ and, file by file, the same SHA-256.
 */
export function expectScriptRegeneratesDataset(area: string, tmpPrefix: string): void {
  const committed = committedDataset(area);
  const tmp = mkdtempSync(join(tmpdir(), tmpPrefix));
  try {
    execFileSync(join(__dirname, '..', 'node_modules', '.bin', 'tsx'), [join(__dirname, '..', 'scripts', 'datasets', `${area}.ts`), tmp]);
    const names = readdirSync(committed).filter((n) => n !== 'dataset.json').sort();
    expect(readdirSync(tmp).sort()).toEqual(names);
    for (const n of names) expect(sha256Hex(readFileSync(join(tmp, n))), n).toBe(sha256Hex(readFileSync(join(committed, n))));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Expects the generated README.md to say SYNTHETIC, to name the seed and to list the SHA-256
 * of every other generated file.
 */
export function expectReadmeDeclaresDataset(files: Record<string, string>, seed: number): void {
  const readme = files['README.md']!;
  expect(readme).toMatch(/SYNTHETIC/);
  expect(readme).toContain(String(seed));
  for (const [n, c] of Object.entries(files)) if (n !== 'README.md') expect(readme).toContain(sha256Hex(c));
}

/** Every file under `dir`, recursively (paths joined to `dir`). */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}
