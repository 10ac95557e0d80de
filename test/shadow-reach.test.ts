import { describe, expect, it } from 'vitest';
import { createPhoneHasher } from '../src/shadow/hash';
import { loadAddressBooks, loadPlatformUsers } from '../src/shadow/load';
import { profileOfGroup } from '../src/shadow/profile';
import { secondDegreeReachAll } from '../src/shadow/reach';
import { buildPlatformView } from '../src/shadow/view';
import { ROOT } from './cli-helpers';
import { join } from 'node:path';

describe('secondDegreeReachAll: every non-user in one pass', () => {
  it('gives, for every non-user of the synthetic data set, the per-target estimator’s counts', async () => {
    const hasher = createPhoneHasher('a test key of sixteen bytes or more');
    const books = await loadAddressBooks(join(ROOT, 'datasets/shadow/address_books.csv'), { hasher });
    const users = await loadPlatformUsers(join(ROOT, 'datasets/shadow/users.csv'), { hasher });
    const view = buildPlatformView(books, users, { asOf: '2018-03-10T00:00:00+08:00', hasher });
    for (const theta of [0.5, 1]) {
      const all = secondDegreeReachAll(view, { theta });
      expect(all.groups.length).toBe(view.index.nonUsers.length);
      expect(all.groups.length).toBeGreaterThan(100);
      let differ = 0;
      for (let k = 0; k < all.groups.length; k++) {
        const p = profileOfGroup(view, all.groups[k]!, undefined, { theta });
        if (p.recommended.count !== all.recommended[k] || p.recommended.candidates.length !== all.candidates[k] || p.friendsWaiting !== all.friendsWaiting[k]) differ++;
      }
      expect(differ).toBe(0);
    }
  });
});
