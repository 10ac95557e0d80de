/**
 * Public reference data committed in datasets/reference/ (FEBRL, SNAP ego-Facebook, LastFM Asia): each
 * folder's README lists every file with its byte count and SHA-256; the files on disk are
 * exactly those, with exactly those hashes (a copy that changed by one byte, a CRLF converted
 * by git, a file added or lost, fails here).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from './evidence-helpers';

const root = join(__dirname, '..', 'datasets', 'reference');

/** Rows `| \`file\` | bytes | \`sha256\` |` of a README's Files table. */
function listed(readme: string): Map<string, { bytes: number; sha256: string }> {
  const m = new Map<string, { bytes: number; sha256: string }>();
  for (const r of readme.matchAll(/^\| `([^`]+)` \| (\d+) \| `([0-9a-f]{64})` \|$/gm)) m.set(r[1], { bytes: Number(r[2]), sha256: r[3] });
  return m;
}

describe.each(['febrl', 'snap-ego-facebook', 'lastfm-asia'])('datasets/reference/%s', (name) => {
  const dir = join(root, name);
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  const table = listed(readme);

  it('README states origin and licence or terms', () => {
    expect(readme).toMatch(/## Origin/);
    expect(readme).toMatch(/## (Licence|Terms)/);
  });

  it('every file on disk is listed in the README, and every listed file exists', () => {
    const onDisk = filesUnder(dir).map((p) => relative(dir, p).split('\\').join('/')).filter((f) => f !== 'README.md').sort();
    expect(onDisk.length).toBeGreaterThan(0);
    expect([...table.keys()].sort()).toEqual(onDisk);
  });

  it('every file has the byte count and SHA-256 the README states', () => {
    for (const [file, want] of table) {
      const p = join(dir, file);
      expect({ file, bytes: statSync(p).size }).toEqual({ file, bytes: want.bytes });
      expect({ file, sha256: createHash('sha256').update(readFileSync(p)).digest('hex') }).toEqual({ file, sha256: want.sha256 });
    }
  });
});

describe('FEBRL licence', () => {
  it('the README carries the BSD-3-Clause text it is redistributed under', () => {
    const readme = readFileSync(join(root, 'febrl', 'README.md'), 'utf8');
    expect(readme).toContain('Redistributions of source code must retain the above copyright notice');
    expect(readme).toContain('Neither the name of the copyright holder');
  });
});

describe('LastFM Asia licence', () => {
  it('the README carries the MIT License text it is redistributed under', () => {
    const readme = readFileSync(join(root, 'lastfm-asia', 'README.md'), 'utf8');
    expect(readme).toContain('Copyright (c) 2020 Benedek Rozemberczki');
    expect(readme).toContain('The above copyright notice and this permission notice shall be included in all');
  });
});
