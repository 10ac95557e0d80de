import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBytes, provenanceManifest, sha256Bytes, sha256File, sha256FileSync, type ProvenanceEntry } from '../src/io';

// FIPS 180-2, Appendix B.1: SHA-256("abc").
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('sha256', () => {
  it('matches the FIPS 180-2 test vector for bytes and files (streamed and sync)', async () => {
    expect(sha256Bytes(Buffer.from('abc'))).toBe(ABC);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'io-sha-'));
    try {
      const p = path.join(dir, 'abc.txt');
      fs.writeFileSync(p, 'abc');
      expect(await sha256File(p)).toBe(ABC);
      expect(sha256FileSync(p)).toBe(ABC);
      // A file larger than one read chunk.
      const big = Buffer.alloc(3 * 1024 * 1024 + 7, 0x61);
      fs.writeFileSync(p, big);
      expect(sha256FileSync(p)).toBe(sha256Bytes(big));
      expect(await sha256File(p)).toBe(sha256Bytes(big));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects for a missing file', async () => {
    await expect(sha256File('/nonexistent/file.csv')).rejects.toThrow(/ENOENT/);
  });
});

describe('provenanceManifest', () => {
  const entry = (p: string, loadedAt: string, extra: Partial<ProvenanceEntry> = {}): ProvenanceEntry => ({
    path: p,
    fileName: path.basename(p),
    bytes: 1536,
    sha256: sha256Bytes(p),
    rows: 3,
    columns: ['id', 'name'],
    extraColumns: [],
    encoding: 'utf-8',
    format: 'csv',
    loadedAt,
    ...extra,
  });

  it('sorts by path then load time and formats one row per file', () => {
    const rows = provenanceManifest([
      entry('b/z.csv', '2025-01-01T00:00:02.000Z'),
      entry('a/y.xlsx', '2025-01-01T00:00:03.000Z', { format: 'xlsx', sheet: 'profiles', encoding: 'n/a (xlsx)', extraColumns: ['x', 'y'] }),
      entry('b/z.csv', '2025-01-01T00:00:01.000Z'),
    ], { withLoadTime: true });
    expect(rows.map((r) => [r.path, r['loaded at']])).toEqual([
      ['a/y.xlsx', '2025-01-01T00:00:03.000Z'],
      ['b/z.csv', '2025-01-01T00:00:01.000Z'],
      ['b/z.csv', '2025-01-01T00:00:02.000Z'],
    ]);
    expect(rows[0]).toEqual({
      file: 'y.xlsx [profiles]',
      path: 'a/y.xlsx',
      format: 'xlsx',
      encoding: 'n/a (xlsx)',
      rows: 3,
      columns: 2,
      'extra columns': 'x, y',
      bytes: 1536,
      size: '1.5 KiB',
      sha256: sha256Bytes('a/y.xlsx'),
      'loaded at': '2025-01-01T00:00:03.000Z',
    });
  });

  it('does not reorder its input', () => {
    const input = [entry('b.csv', '2025-01-01T00:00:00.000Z'), entry('a.csv', '2025-01-01T00:00:00.000Z')];
    provenanceManifest(input);
    expect(input.map((e) => e.path)).toEqual(['b.csv', 'a.csv']);
  });

  it('formatBytes uses binary units', () => {
    expect([0, 1023, 1024, 1536, 1024 ** 3].map(formatBytes)).toEqual(['0 B', '1023 B', '1.0 KiB', '1.5 KiB', '1.0 GiB']);
  });
});
