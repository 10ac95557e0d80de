import { describe, expect, it } from 'vitest';
import { buildNumberIndexInPlace, findNumber, summariseNonUsers } from '../src/shadow/number-index';

// Numbers as small keys (hi = 0, lo = number id) so the expected index can be written by hand.
// Users 0..2 own numbers 100, 101, 102. Books: user 0 holds 101, 200, 200 (twice), 300;
// user 1 holds 100, 200, 300; user 2 holds 200, 400.
const entries = [
  [0, 101, 10], [0, 200, 11], [0, 200, 12], [0, 300, 13],
  [1, 100, 20], [1, 200, 21], [1, 300, 22],
  [2, 200, 30], [2, 400, 31],
] as const;

function build() {
  const n = entries.length;
  const keyHi = new Uint32Array(n);
  const keyLo = Uint32Array.from(entries, (e) => e[1]);
  const holder = Int32Array.from(entries, (e) => e[0]);
  const payload = Int32Array.from(entries, (e) => e[2]);
  return buildNumberIndexInPlace({ keyHi, keyLo, holder, payload }, { keyHi: new Uint32Array(3), keyLo: Uint32Array.of(100, 101, 102) });
}

describe('buildNumberIndexInPlace', () => {
  it('groups entries by number in key order, with distinct holders', () => {
    const idx = build();
    expect(Array.from(idx.keyLo)).toEqual([100, 101, 200, 300, 400]);
    const holdersOf = (lo: number) => {
      const g = findNumber(idx, 0, lo);
      return Array.from(idx.holders.subarray(idx.offsets[g]!, idx.offsets[g + 1]!)).sort();
    };
    expect(holdersOf(200)).toEqual([0, 1, 2]);
    expect(holdersOf(300)).toEqual([0, 1]);
    expect(holdersOf(400)).toEqual([2]);
    expect(idx.duplicateEntries).toBe(1);
    expect(findNumber(idx, 0, 102)).toBe(-1); // user 2's own number: nobody holds it
  });
  it('keeps the first (smallest) payload of a duplicated entry', () => {
    const idx = build();
    const g = findNumber(idx, 0, 200);
    const pairs = Array.from(idx.holders.subarray(idx.offsets[g]!, idx.offsets[g + 1]!), (h, i) => [h, idx.payload![idx.offsets[g]! + i]]);
    expect(pairs.sort()).toEqual([[0, 11], [1, 21], [2, 30]]);
  });
  it("marks numbers that belong to registered users and lists the non-users'", () => {
    const idx = build();
    expect(Array.from(idx.userOf)).toEqual([0, 1, -1, -1, -1]);
    expect(Array.from(idx.nonUsers)).toEqual([2, 3, 4]);
    expect(idx.duplicateUserNumbers).toBe(0);
  });
  it('summarises non-users: friends waiting, modal saved-name id, modal employer', () => {
    const idx = build();
    // payload as saved-name id: number 200 saved as name 11 (user 0), 21 (user 1), 30 (user 2)
    const s = summariseNonUsers(idx, { payloadIsNameId: true, userEmployer: Int32Array.of(7, 7, 9) });
    expect(Array.from(s.friendsWaiting)).toEqual([3, 2, 1]);
    expect(Array.from(s.employer)).toEqual([7, 7, 9]);
    expect(Array.from(s.employerVotes)).toEqual([2, 2, 1]);
    expect(Array.from(s.topName)).toEqual([11, 13, 31]); // all names distinct: ties go to the smallest id
    expect(Array.from(s.topNameVotes)).toEqual([1, 1, 1]);
  });
  it('takes the modal saved-name id in small and large groups alike (ties to the smallest id)', () => {
    for (const k of [10, 60, 200]) {
      const names = Uint32Array.from({ length: k }, (_, i) => (i % 3 === 0 ? 9 : i % 3 === 1 ? 4 : 7));
      const idx = buildNumberIndexInPlace(
        { keyHi: new Uint32Array(k), keyLo: new Uint32Array(k).fill(42), holder: Int32Array.from({ length: k }, (_, i) => i), payload: names },
        { keyHi: new Uint32Array(0), keyLo: new Uint32Array(0) },
      );
      const s = summariseNonUsers(idx, { payloadIsNameId: true });
      const count = (v: number) => Array.from({ length: k }, (_, i) => i).filter((i) => (i % 3 === 0 ? 9 : i % 3 === 1 ? 4 : 7) === v).length;
      const best = [4, 7, 9].reduce((b, v) => (count(v) > count(b) ? v : b), 4);
      expect([s.topName[0], s.topNameVotes[0], s.friendsWaiting[0]]).toEqual([best, count(best), k]);
    }
  });
  it('counts users sharing a number and attributes it to the smallest user index', () => {
    const idx = buildNumberIndexInPlace(
      { keyHi: new Uint32Array(2), keyLo: Uint32Array.of(5, 6), holder: Int32Array.of(0, 0) },
      { keyHi: new Uint32Array(3), keyLo: Uint32Array.of(9, 5, 5) },
    );
    expect(idx.duplicateUserNumbers).toBe(1);
    expect(Array.from(idx.userOf)).toEqual([1, -1]);
  });
});
