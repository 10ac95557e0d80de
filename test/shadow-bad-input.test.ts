import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvidenceError } from '../src/io';
import { createPhoneHasher } from '../src/shadow/hash';
import { loadAddressBooks, loadPlatformUsers } from '../src/shadow/load';
import { hasDigitRun } from '../src/shadow/phone';
import { buildPlatformView } from '../src/shadow/view';

const hasher = createPhoneHasher('test key for bad-input checks!!');
const dir = mkdtempSync(join(tmpdir(), 'contacts-bad-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const HEAD = 'uploader_id,saved_name,phone,uploaded_at\n';
const USERS = `user_id,name,phone,employer,former_employer,school,registered_at
U1,刘洋,13800000001,星河科技,,东江大学,2015-01-01T00:00:00+08:00
U2,戴军,13800000002,蓝海传媒,星河科技,,2015-02-01T00:00:00+08:00
`;

async function evidenceError(p: Promise<unknown>): Promise<EvidenceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof EvidenceError) return e;
    throw e;
  }
  throw new Error('expected an EvidenceError');
}

describe('bad address books', () => {
  it('an invalid number fails the load, naming file, row (line) and column, with the value masked', async () => {
    const p = file('invalid.csv', HEAD + 'U1,刘洋,13800000001,2015-01-01T00:00:00+08:00\nU1,坏号,12812345678,2015-01-01T00:00:00+08:00\nU1,短号,13579,2015-01-01T00:00:00+08:00\n');
    const err = await evidenceError(loadAddressBooks(p, { hasher }));
    expect(err.issues).toHaveLength(2);
    expect(err.issues[0]).toMatchObject({ file: p, row: 3, column: 'phone', value: '*********78' });
    expect(err.issues[0]!.message).toMatch(/not a mobile number/);
    expect(err.issues[1]).toMatchObject({ row: 4, column: 'phone', value: '***79' });
    expect(err.message).toContain('line 3');
    expect(hasDigitRun(err.message)).toBe(false);
    expect(err.message).not.toContain('12812345678');
  });
  it("onInvalid: 'exclude' keeps the valid entries and lists the invalid ones", async () => {
    const p = file('invalid2.csv', HEAD + 'U1,刘洋,13800000001,2015-01-01T00:00:00+08:00\nU1,坏号,12812345678,2015-01-01T00:00:00+08:00\n');
    const b = await loadAddressBooks(p, { hasher, onInvalid: 'exclude' });
    expect(b.entries).toBe(1);
    expect(b.excluded).toEqual([expect.objectContaining({ row: 3, kind: 'invalid', value: '*********78' })]);
  });
  it('schema problems (missing column, bad datetime, empty number) come from readTable with numbers masked', async () => {
    const missing = file('missing.csv', 'uploader_id,saved_name,uploaded_at\nU1,刘洋,2015-01-01T00:00:00+08:00\n');
    expect((await evidenceError(loadAddressBooks(missing, { hasher }))).message).toMatch(/phone/);
    const badDate = file('baddate.csv', HEAD + 'U1,刘洋 13800000009,13800000001,yesterday\n');
    const e2 = await evidenceError(loadAddressBooks(badDate, { hasher }));
    expect(e2.issues[0]).toMatchObject({ row: 2, column: 'uploaded_at' });
    const empty = file('empty.csv', HEAD + 'U1,刘洋,,2015-01-01T00:00:00+08:00\n');
    expect((await evidenceError(loadAddressBooks(empty, { hasher }))).issues[0]).toMatchObject({ row: 2, column: 'phone' });
  });
  it('a number saved as the contact name is masked on load', async () => {
    const p = file('numname.csv', HEAD + 'U1,13800000009,13800000009,2015-01-01T00:00:00+08:00\n');
    const b = await loadAddressBooks(p, { hasher });
    expect(b.savedName[0]).toBe('*********09');
  });
  it('an unknown uploader or an upload before registration fails the view', async () => {
    const users = await loadPlatformUsers(file('users.csv', USERS), { hasher });
    const unknown = await loadAddressBooks(file('unknown.csv', HEAD + 'U9,刘洋,13800000001,2015-03-01T00:00:00+08:00\n'), { hasher });
    expect(() => buildPlatformView(unknown, users, { asOf: '2018-03-10T00:00:00+08:00', hasher })).toThrow(EvidenceError);
    try { buildPlatformView(unknown, users, { asOf: '2018-03-10T00:00:00+08:00', hasher }); } catch (e) {
      expect((e as EvidenceError).issues[0]).toMatchObject({ row: 2, column: 'uploader_id', value: 'U9' });
    }
    const early = await loadAddressBooks(file('early.csv', HEAD + 'U2,刘洋,13800000001,2014-03-01T00:00:00+08:00\n'), { hasher });
    expect(() => buildPlatformView(early, users, { asOf: '2018-03-10T00:00:00+08:00', hasher })).toThrow(/before the uploader registered/);
  });
  it('books and users hashed under different keys are refused', async () => {
    const users = await loadPlatformUsers(file('users2.csv', USERS), { hasher });
    const other = createPhoneHasher('another key, also long enough');
    const books = await loadAddressBooks(file('ok.csv', HEAD + 'U1,戴军,13800000002,2015-03-01T00:00:00+08:00\n'), { hasher: other });
    expect(() => buildPlatformView(books, users, { asOf: '2018-03-10T00:00:00+08:00', hasher })).toThrow(/key mismatch/);
  });
  it("bad user tables: a duplicate or invalid own number, masked", async () => {
    const dup = file('dup.csv', USERS + 'U3,王芳,138-0000-0001,星河科技,,,2016-01-01T00:00:00+08:00\nU4,陈静,95588,星河科技,,,2016-01-01T00:00:00+08:00\n');
    const err = await evidenceError(loadPlatformUsers(dup, { hasher }));
    expect(err.issues.map((i) => [i.row, i.column])).toEqual([[4, 'phone'], [5, 'phone']]);
    expect(err.issues[0]!.message).toMatch(/same number as user on line 2/);
    expect(hasDigitRun(err.message)).toBe(false);
  });
  it('evidence files are never modified', async () => {
    const p = file('ro.csv', HEAD + 'U1,刘洋,13800000001,2015-01-01T00:00:00+08:00\n');
    const before = readFileSync(p);
    await loadAddressBooks(p, { hasher });
    expect(readFileSync(p).equals(before)).toBe(true);
  });
});
