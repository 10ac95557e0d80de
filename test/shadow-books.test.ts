import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPhoneHasher } from '../src/shadow/hash';
import { loadAddressBooks, loadPlatformUsers } from '../src/shadow/load';
import { holderRows, profileSummaryRows, shadowProfile } from '../src/shadow/profile';
import { buildPlatformView } from '../src/shadow/view';

// Hand-built evidence. Target T = 139 0000 0009 never registers. Before 2018-03-10 it is held
// by U1 (twice), U2 and U3; U4 registers and uploads only in 2019. U5 is linked to U1 and U2.
const USERS = `user_id,name,phone,employer,former_employer,school,registered_at
U1,刘洋,13800000001,星河科技,,东江大学,2015-01-01T00:00:00+08:00
U2,戴军,13800000002,蓝海传媒,星河科技,,2015-02-01T00:00:00+08:00
U3,王芳,13800000003,星河科技,,东江大学,2016-01-01T00:00:00+08:00
U4,陈静,13800000004,金桥咨询,,,2019-06-01T00:00:00+08:00
U5,赵磊,13800000005,远航数据,,,2016-05-01T00:00:00+08:00
`;
const BOOKS = `uploader_id,saved_name,phone,uploaded_at
U1,王明远,+86 139-0000-0009,2015-01-01T00:00:00+08:00
U1,戴军,13800000002,2015-01-01T00:00:00+08:00
U1,老同事王芳,138 0000 0003,2015-01-01T00:00:00+08:00
U1,赵磊,13800000005,2015-01-01T00:00:00+08:00
U1,明远新号,13900000009,2015-01-01T00:00:00+08:00
U2,小王,0086 13900000009,2015-02-01T00:00:00+08:00
U2,刘洋,13800000001,2015-02-01T00:00:00+08:00
U3,王明远(星河),(+86)13900000009,2016-01-01T00:00:00+08:00
U3,中国移动,10086,2016-01-01T00:00:00+08:00
U3,陈静,13800000004,2016-01-01T00:00:00+08:00
U5,戴军,138-0000-0002,2016-05-01T00:00:00+08:00
U4,王明远,13900000009,2019-06-01T00:00:00+08:00
`;

async function handBuilt(books = BOOKS, users = USERS) {
  const dir = mkdtempSync(join(tmpdir(), 'contacts-'));
  writeFileSync(join(dir, 'users.csv'), users);
  writeFileSync(join(dir, 'books.csv'), books);
  const hasher = createPhoneHasher('test key for hand-built books!!');
  const b = await loadAddressBooks(join(dir, 'books.csv'), { hasher });
  const u = await loadPlatformUsers(join(dir, 'users.csv'), { hasher });
  return { dir, hasher, books: b, users: u };
}

describe('shadow profile from hand-built address books', () => {
  it('loads, excludes the service number and keeps every other entry hashed', async () => {
    const { books } = await handBuilt();
    expect(books.entries).toBe(11);
    expect(books.excluded).toHaveLength(1);
    expect(books.excluded[0]).toMatchObject({ row: 10, column: 'phone', kind: 'service', value: '***86' });
    expect(books.kind.every((k) => k === 0)).toBe(true);
  });
  it('counts friends waiting as distinct registered uploaders before the date', async () => {
    const { books, users, hasher } = await handBuilt();
    const view = buildPlatformView(books, users, { asOf: '2018-03-10T00:00:00+08:00', hasher });
    const p = shadowProfile(view, { phone: '13900000009' });
    expect(p.registeredUser).toBeNull();
    expect(p.friendsWaiting).toBe(3); // U1 (twice), U2, U3; U4 uploaded in 2019
    expect(p.holders.map((h) => h.userId).sort()).toEqual(['U1', 'U2', 'U3']);
    // U1's first entry is kept: 王明远, not 明远新号
    expect(p.holders.find((h) => h.userId === 'U1')!.savedName).toBe('王明远');
    const later = shadowProfile(buildPlatformView(books, users, { asOf: '2020-01-01T00:00:00+08:00', hasher }), { phone: '13900000009' });
    expect(later.friendsWaiting).toBe(4);
  });
  it('derives name, nickname, employer, school and labels from the holders', async () => {
    const { books, users, hasher } = await handBuilt();
    const view = buildPlatformView(books, users, { asOf: '2018-03-10T00:00:00+08:00', hasher });
    const p = shadowProfile(view, { phone: '+86 139 0000 0009' });
    expect(p.name).toMatchObject({ value: '王明远', votes: 2, of: 3 });
    expect(p.surname).toEqual({ value: '王', votes: 3 });
    expect(p.nicknames).toEqual(['小王']);
    expect(p.hints).toEqual(['星河']);
    expect(p.employer).toMatchObject({ value: '星河科技', votes: 3, of: 3, accepted: true });
    expect(p.school).toMatchObject({ value: '东江大学', votes: 2, accepted: true });
    const label = (id: string) => p.holders.find((h) => h.userId === id)!.label;
    expect([label('U1'), label('U2'), label('U3')]).toEqual(['colleague', 'former colleague', 'colleague']);
  });
  it('computes closeness and second-degree reach by the stated estimator', async () => {
    const { books, users, hasher } = await handBuilt();
    const view = buildPlatformView(books, users, { asOf: '2018-03-10T00:00:00+08:00', hasher });
    const p = shadowProfile(view, { phone: '13900000009' });
    // Graph: U1-U2 mutual (1), U1-U3 one-way (0.5), U1-U5 one-way (U1 holds U5), U5-U2 one-way.
    const c = Object.fromEntries(p.holders.map((h) => [h.userId, +h.closeness.toFixed(6)]));
    expect(c).toEqual({ U1: 0.75, U2: 0.65, U3: 0.5 }); // (1 + .5)/2, (.5 + .8)/2, (.5 + .5)/2
    expect(p.holders.map((h) => h.userId)).toEqual(['U1', 'U2', 'U3']);
    // U5: 0.75 * 0.5 + 0.65 * 0.5 = 0.7
    expect(Array.from(p.recommended.scores).map((x) => +x.toFixed(6))).toEqual([0.7]);
    expect(p.recommended.count).toBe(1);
    expect(shadowProfile(view, { phone: '13900000009' }, { theta: 0.8 }).recommended.count).toBe(0);
    expect(p.namedFriends.map((h) => h.userId)).toEqual(['U1', 'U2', 'U3']);
  });
  it('masks names in the display rows', async () => {
    const { books, users, hasher } = await handBuilt();
    const p = shadowProfile(buildPlatformView(books, users, { asOf: '2018-03-10T00:00:00+08:00', hasher }), { phone: '13900000009' });
    const text = JSON.stringify([profileSummaryRows(p), holderRows(p)]);
    for (const name of ['王明远', '刘洋', '戴军', '王芳']) expect(text).not.toContain(name);
    expect(text).toContain('王**');
  });
  it('a user registered after the date is a non-user on that date', async () => {
    const { books, users, hasher } = await handBuilt();
    const view = buildPlatformView(books, users, { asOf: '2018-03-10T00:00:00+08:00', hasher });
    const p = shadowProfile(view, { phone: '13800000004' });
    expect([p.registeredUser, p.friendsWaiting, p.name.value]).toEqual([null, 1, '陈静']);
    const after = shadowProfile(buildPlatformView(books, users, { asOf: '2020-01-01T00:00:00+08:00', hasher }), { phone: '13800000004' });
    expect(after.registeredUser).toBe('U4');
  });
});
