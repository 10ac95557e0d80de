import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, readTable, sha256FileSync } from '../src/io';
import { evidenceError, fixture, people } from './fixtures/io/helpers';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'io-read-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('readTable size limit', () => {
  it('refuses a 1 GB file before reading it, pointing to a streaming reader', async () => {
    const big = path.join(dir, 'huge.csv');
    fs.writeFileSync(big, 'id,name,age,city\n');
    fs.truncateSync(big, 1024 ** 3); // sparse: no disk used
    expect(fs.statSync(big).size).toBe(1024 ** 3);
    const err = await evidenceError(readTable(big, people));
    expect(err.issues[0]!.file).toBe(big);
    expect(err.message).toContain(`file is ${1024 ** 3} bytes, over the limit of ${DEFAULT_MAX_BYTES} bytes`);
    expect(err.message).toMatch(/refused before reading/);
    expect(err.message).toMatch(/streaming reader/);
  });

  it('honours options.maxBytes', async () => {
    const err = await evidenceError(readTable(fixture('people.csv'), people, { maxBytes: 100 }));
    expect(err.message).toMatch(/over the limit of 100 bytes/);
    const t = await readTable(fixture('people.csv'), people, { maxBytes: 1000 });
    expect(t.rows).toHaveLength(6);
  });
});

describe('readTable never modifies evidence', () => {
  const snapshot = (p: string) => ({ mtimeMs: fs.statSync(p).mtimeMs, size: fs.statSync(p).size, sha: sha256FileSync(p) });

  it('keeps mtime and hash after a successful and a failed load', async () => {
    const good = path.join(dir, 'people.csv');
    const bad = path.join(dir, 'absurd-age.csv');
    fs.copyFileSync(fixture('people.csv'), good);
    fs.copyFileSync(fixture('absurd-age.csv'), bad);
    const old = new Date('2015-01-01T00:00:00Z');
    fs.utimesSync(good, old, old);
    fs.utimesSync(bad, old, old);
    const before = [snapshot(good), snapshot(bad)];
    await readTable(good, people);
    await evidenceError(readTable(bad, people));
    expect([snapshot(good), snapshot(bad)]).toEqual(before);
    expect(before[0]!.mtimeMs).toBe(old.getTime());
  });
});

describe('readTable provenance', () => {
  it('records path as given, name, size, hash of the raw bytes, rows, columns, encoding, format, time', async () => {
    const p = fixture('gbk.csv');
    const before = Date.now();
    const t = await readTable(p, people);
    expect(t.provenance).toMatchObject({
      path: p,
      fileName: 'gbk.csv',
      bytes: fs.statSync(p).size,
      sha256: sha256FileSync(p),
      rows: 8,
      columns: ['id', 'name', 'age', 'city'],
      extraColumns: [],
      encoding: 'gb18030',
      format: 'csv',
      schema: 'people',
    });
    expect(t.provenance.loadedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(t.provenance.loadedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('names the file when it does not exist, or has an unknown extension', async () => {
    const missing = path.join(dir, 'nope.csv');
    expect((await evidenceError(readTable(missing, people))).message).toContain(`${missing}: cannot open: file not found`);
    const odd = path.join(dir, 'people.xls');
    fs.writeFileSync(odd, 'x');
    expect((await evidenceError(readTable(odd, people))).message).toMatch(/unsupported file extension '\.xls'.*save as \.xlsx/);
  });

  it('options.format overrides the extension', async () => {
    const txt = path.join(dir, 'people.txt');
    fs.copyFileSync(fixture('people.csv'), txt);
    const t = await readTable(txt, people, { format: 'csv' });
    expect(t.provenance.format).toBe('csv');
    expect(t.rows).toHaveLength(6);
  });
});
