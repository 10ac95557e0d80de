/**
 * The notebook package shim (scripts/notebook-package.mjs): tslab resolves 'profile-provenance'
 * only from a real folder in node_modules whose entry re-exports dist/ (built by the tests'
 * global setup when stale).
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

describe('notebook package shim', () => {
  it('is a real folder (not a symlink) re-exporting dist/', () => {
    const dir = join(root, 'node_modules', 'profile-provenance');
    expect(existsSync(join(root, 'dist', 'index.js'))).toBe(true);
    expect(lstatSync(dir).isSymbolicLink()).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).main).toBe('index.js');
    expect(readFileSync(join(dir, 'index.js'), 'utf8')).toContain('../../dist/index.js');
  });
});
