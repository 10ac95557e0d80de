import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wangMiao } from '../src/case/wangMiao';
import { CONTACTS_DATASET_SEED, contactsDatasetFiles, sha256Text } from '../src/shadow/dataset';
import { createPhoneHasher } from '../src/shadow/hash';
import { loadAddressBooks, loadPlatformUsers } from '../src/shadow/load';
import { shadowProfile } from '../src/shadow/profile';
import { generateContactsWorld } from '../src/shadow/synthetic';
import { buildPlatformView } from '../src/shadow/view';

const DATA = join(__dirname, '..', 'datasets', 'shadow');

describe('datasets/shadow', () => {
  it('regenerates byte-identically (SHA-256 of every file, README included)', () => {
    const files = contactsDatasetFiles(generateContactsWorld({ seed: CONTACTS_DATASET_SEED }));
    expect(Object.keys(files).sort()).toEqual(['README.md', 'address_books.csv', 'persons.csv', 'ties.csv', 'users.csv']);
    for (const [name, content] of Object.entries(files)) {
      expect(sha256Text(content), name).toBe(sha256Text(readFileSync(join(DATA, name), 'utf8')));
    }
    const readme = readFileSync(join(DATA, 'README.md'), 'utf8');
    expect(readme).toContain('SYNTHETIC');
    expect(readme).toContain(`Seed: **${CONTACTS_DATASET_SEED}**`);
    for (const name of ['address_books.csv', 'users.csv', 'persons.csv', 'ties.csv']) expect(readme).toContain(sha256Text(files[name]!));
  });
  it('a different seed gives different data', () => {
    const a = contactsDatasetFiles(generateContactsWorld({ seed: 9, persons: 300, target: null }));
    const b = contactsDatasetFiles(generateContactsWorld({ seed: 10, persons: 300, target: null }));
    expect(a['address_books.csv']).not.toBe(b['address_books.csv']);
  });
  it("the platform's view of the committed files reproduces the case's 36 friends and 119 contacts", async () => {
    const hasher = createPhoneHasher('any analyst key gives the same counts');
    const books = await loadAddressBooks(join(DATA, 'address_books.csv'), { hasher });
    const users = await loadPlatformUsers(join(DATA, 'users.csv'), { hasher });
    const view = buildPlatformView(books, users, { asOf: `${wangMiao.smsDate.value}T00:00:00+08:00`, hasher });
    const p = shadowProfile(view, { phone: '19900012345' });
    expect(p.friendsWaiting).toBe(wangMiao.friendsWaiting.value);
    expect(p.recommended.count).toBe(wangMiao.recommendedContacts.value);
    expect(p.namedFriends.map((h) => Array.from(h.userName)[0])).toEqual(['刘', '戴', '王']);
    expect(books.excluded.every((x) => x.kind === 'service')).toBe(true);
    expect(books.kind.some((k) => k === 1)).toBe(true); // landlines present and normalised
  });
});
