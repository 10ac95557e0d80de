import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/io';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'io-atomic-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates a file with exactly the data', () => {
    const p = path.join(dir, 'out.json');
    writeFileAtomic(p, '{"a":1}\n');
    expect(fs.readFileSync(p, 'utf8')).toBe('{"a":1}\n');
    expect(fs.readdirSync(dir)).toEqual(['out.json']);
  });

  it('replaces an existing longer file whole (no leftover tail) and leaves no temp file', () => {
    const p = path.join(dir, 'report.txt');
    fs.writeFileSync(p, 'x'.repeat(10_000));
    const inodeBefore = fs.statSync(p).ino;
    writeFileAtomic(p, Uint8Array.from([0xe4, 0xb8, 0xad])); // '中'
    expect(fs.readFileSync(p, 'utf8')).toBe('中');
    expect(fs.readdirSync(dir)).toEqual(['report.txt']);
    // Rename, not rewrite in place: the path now names a different inode.
    expect(fs.statSync(p).ino).not.toBe(inodeBefore);
  });

  it('a reader holding the old file keeps seeing the old content', () => {
    const p = path.join(dir, 'r.txt');
    fs.writeFileSync(p, 'old content');
    const fd = fs.openSync(p, 'r');
    try {
      writeFileAtomic(p, 'new');
      expect(fs.readFileSync(fd, 'utf8')).toBe('old content');
      expect(fs.readFileSync(p, 'utf8')).toBe('new');
    } finally {
      fs.closeSync(fd);
    }
  });

  it('on failure leaves the target untouched and removes the temp file', () => {
    const p = path.join(dir, 'target');
    fs.mkdirSync(p); // renaming a file over a directory fails
    fs.writeFileSync(path.join(p, 'inside'), 'keep');
    expect(() => writeFileAtomic(p, 'data')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['target']);
    expect(fs.readFileSync(path.join(p, 'inside'), 'utf8')).toBe('keep');
  });

  it('fails when the directory does not exist, creating nothing', () => {
    expect(() => writeFileAtomic(path.join(dir, 'missing', 'x.txt'), 'data')).toThrow(/ENOENT/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
