/**
 * The platform's reverse index of uploaded address books: for every distinct (hashed) phone
 * number, the registered users who hold it. This is the structure behind "36 friends are
 * waiting for you": the holders of a non-user's number.
 *
 * Input is one row per address-book entry as typed arrays (64-bit keyed hash of the number,
 * the uploading user's index, an optional payload such as the entry's row or a saved-name
 * id). The arrays are sorted in place by key (`sortByKey64InPlace`), grouped, and each group's
 * holders de-duplicated (an uploader who saved the same number twice counts once; the
 * smallest payload is kept, i.e. the first entry when the payload is the entry number).
 * Result: CSR `offsets` / `holders` over distinct numbers, in ascending key order, and for
 * each number the registered user it belongs to (or -1: a non-user, whose group is a shadow
 * profile's first degree).
 *
 * Memory: no copy of the entries is made; `holders` and `payload` are views of the (reordered)
 * input arrays. Per distinct number: 4 x 4 bytes.
 *
 * @example
 * const idx = buildNumberIndexInPlace(
 *   { keyHi, keyLo, holder },            // entries, reordered in place
 *   { keyHi: userHi, keyLo: userLo },    // user i's own number key
 * );
 * for (const g of idx.nonUsers) idx.offsets[g + 1] - idx.offsets[g]; // friends waiting
 */
import { sortByKey64InPlace, type Payload } from './radix';

export interface EntryArrays {
  keyHi: Uint32Array;
  keyLo: Uint32Array;
  /** Index of the uploading (registered) user of each entry. */
  holder: Int32Array;
  /** Optional per-entry payload carried through the sort (entry row, saved-name id ...). */
  payload?: Payload;
}

export interface UserKeyArrays {
  /** Key of user i's own phone number. */
  keyHi: Uint32Array;
  keyLo: Uint32Array;
}

export interface NumberIndex {
  /** Distinct numbers (groups), ascending by key. */
  keyHi: Uint32Array;
  keyLo: Uint32Array;
  /** CSR: holders of number g are holders[offsets[g] .. offsets[g+1]). Length groups + 1. */
  offsets: Int32Array;
  holders: Int32Array;
  /** Payload kept for each holder (aligned with holders): the smallest among its duplicates. */
  payload?: Payload;
  /** The registered user whose own number g is, or -1 for a non-user. */
  userOf: Int32Array;
  /** Group ids of numbers that belong to no registered user. */
  nonUsers: Int32Array;
  /** Entries dropped because their uploader already held the number. */
  duplicateEntries: number;
  /** Users whose number equals an earlier user's (the number is attributed to the smallest user index). */
  duplicateUserNumbers: number;
}

/** Build the number -> holders index. Reorders the entry arrays in place. */
export function buildNumberIndexInPlace(entries: EntryArrays, users: UserKeyArrays): NumberIndex {
  const { keyHi, keyLo, holder, payload } = entries;
  const n = keyHi.length;
  if (keyLo.length !== n || holder.length !== n || (payload && payload.length !== n)) {
    throw new RangeError('buildNumberIndexInPlace: entry arrays must have the same length');
  }
  if (users.keyHi.length !== users.keyLo.length) throw new RangeError('user key arrays differ in length');
  sortByKey64InPlace(keyHi, keyLo, holder, payload);

  // Count groups.
  let groups = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || keyHi[i] !== keyHi[i - 1] || keyLo[i] !== keyLo[i - 1]) groups++;
  }
  const gHi = new Uint32Array(groups);
  const gLo = new Uint32Array(groups);
  const offsets = new Int32Array(groups + 1);

  // Group and de-duplicate holders in place (write pointer never passes the read pointer).
  let maxHolder = -1;
  for (let i = 0; i < n; i++) if (holder[i]! > maxHolder) maxHolder = holder[i]!;
  const mark = new Int32Array(maxHolder + 1); // stores group id + 1 of the last group seen
  const at = payload ? new Int32Array(maxHolder + 1) : null; // where that holder was written
  let w = 0;
  let g = -1;
  for (let i = 0; i < n; i++) {
    const h = keyHi[i]!, l = keyLo[i]!;
    if (g < 0 || h !== gHi[g] || l !== gLo[g]) {
      g++;
      gHi[g] = h;
      gLo[g] = l;
      offsets[g] = w;
    }
    const u = holder[i]!;
    if (u < 0) throw new RangeError(`entry ${i}: negative holder index`);
    if (mark[u] === g + 1) {
      // Duplicate holder: keep the smallest payload (for entry numbers: the first entry in the file).
      if (payload && payload[i]! < payload[at![u]!]!) payload[at![u]!] = payload[i]!;
      continue;
    }
    mark[u] = g + 1;
    holder[w] = u;
    if (payload) { payload[w] = payload[i]!; at![u] = w; }
    w++;
  }
  offsets[groups] = w;

  // Registered users' own numbers: sort a copy of their keys, merge with the groups.
  const u = users.keyHi.length;
  const uHi = Uint32Array.from(users.keyHi);
  const uLo = Uint32Array.from(users.keyLo);
  const uIdx = new Int32Array(u);
  for (let i = 0; i < u; i++) uIdx[i] = i;
  sortByKey64InPlace(uHi, uLo, uIdx);
  const userOf = new Int32Array(groups).fill(-1);
  let duplicateUserNumbers = 0;
  let j = 0;
  for (let k = 0; k < groups && j < u; k++) {
    const h = gHi[k]!, l = gLo[k]!;
    while (j < u && (uHi[j]! < h || (uHi[j] === h && uLo[j]! < l))) j++;
    if (j < u && uHi[j] === h && uLo[j] === l) {
      let first = uIdx[j]!;
      j++;
      while (j < u && uHi[j] === h && uLo[j] === l) { if (uIdx[j]! < first) first = uIdx[j]!; j++; }
      userOf[k] = first;
    }
  }
  for (let k = 1; k < u; k++) if (uHi[k] === uHi[k - 1] && uLo[k] === uLo[k - 1]) duplicateUserNumbers++;
  let nonUserCount = 0;
  for (let k = 0; k < groups; k++) if (userOf[k] < 0) nonUserCount++;
  const nonUsers = new Int32Array(nonUserCount);
  for (let k = 0, t = 0; k < groups; k++) if (userOf[k] < 0) nonUsers[t++] = k;

  return {
    keyHi: gHi,
    keyLo: gLo,
    offsets,
    holders: holder.subarray(0, w),
    payload: payload ? payload.subarray(0, w) : undefined,
    userOf,
    nonUsers,
    duplicateEntries: n - w,
    duplicateUserNumbers,
  };
}

/** Find the group of a key by binary search; -1 when absent. */
export function findNumber(index: Pick<NumberIndex, 'keyHi' | 'keyLo'>, hi: number, lo: number): number {
  let a = 0;
  let b = index.keyHi.length - 1;
  while (a <= b) {
    const m = (a + b) >>> 1;
    const h = index.keyHi[m]!, l = index.keyLo[m]!;
    if (h < hi || (h === hi && l < lo)) a = m + 1;
    else if (h === hi && l === lo) return m;
    else b = m - 1;
  }
  return -1;
}

export interface NonUserSummary {
  /** Group id of each non-user (same order as index.nonUsers). */
  group: Int32Array;
  /** Distinct registered holders: "friends waiting". */
  friendsWaiting: Int32Array;
  /** Most frequent payload value among holders (a saved-name id), -1 if no payload. */
  topName: Int32Array;
  topNameVotes: Int32Array;
  /** Most frequent employer id among holders (`userEmployer`), -1 if none. */
  employer: Int32Array;
  employerVotes: Int32Array;
}

/**
 * First-degree shadow profile of every non-user, as arrays: holder count, the saved-name id
 * most holders used (when the payload is a saved-name id) and the employer most holders
 * report. Ties in a mode go to the smallest id. One pass over the holders.
 */
export function summariseNonUsers(
  index: NumberIndex,
  options: { payloadIsNameId?: boolean; userEmployer?: Int32Array } = {},
): NonUserSummary {
  const m = index.nonUsers.length;
  const friendsWaiting = new Int32Array(m);
  const topName = new Int32Array(m).fill(-1);
  const topNameVotes = new Int32Array(m);
  const employer = new Int32Array(m).fill(-1);
  const employerVotes = new Int32Array(m);
  const names = options.payloadIsNameId && index.payload ? index.payload : null;
  const emp = options.userEmployer ?? null;
  let maxName = -1;
  if (names) for (let i = 0; i < names.length; i++) if (names[i]! > maxName) maxName = names[i]!;
  let maxEmp = -1;
  if (emp) for (let i = 0; i < emp.length; i++) if (emp[i]! > maxEmp) maxEmp = emp[i]!;
  const LOCAL = 48;
  const scratch = new Float64Array(LOCAL);
  let nameCount: Int32Array | null = null; // only for groups larger than LOCAL
  const empCount = new Int32Array(maxEmp + 1);
  const { offsets, holders } = index;
  for (let t = 0; t < m; t++) {
    const g = index.nonUsers[t]!;
    const s = offsets[g]!, e = offsets[g + 1]!;
    friendsWaiting[t] = e - s;
    if (names) {
      let best = -1, bestC = 0;
      const k = e - s;
      if (k <= LOCAL) {
        // Small group: insertion-sort the ids in a cache-resident scratch, take the longest run
        // (the first longest run is the smallest id: ties go to the smallest id).
        for (let j = 0; j < k; j++) {
          const v = names[s + j]!;
          let q = j - 1;
          while (q >= 0 && scratch[q]! > v) { scratch[q + 1] = scratch[q]!; q--; }
          scratch[q + 1] = v;
        }
        for (let j = 0; j < k;) {
          let r = j + 1;
          while (r < k && scratch[r] === scratch[j]) r++;
          if (r - j > bestC) { bestC = r - j; best = scratch[j]!; }
          j = r;
        }
      } else {
        nameCount ??= new Int32Array(maxName + 1);
        for (let i = s; i < e; i++) {
          const v = names[i]!;
          const c = ++nameCount[v];
          if (c > bestC || (c === bestC && v < best)) { best = v; bestC = c; }
        }
        for (let i = s; i < e; i++) nameCount[names[i]!] = 0;
      }
      topName[t] = best;
      topNameVotes[t] = bestC;
    }
    if (emp) {
      let best = -1, bestC = 0;
      for (let i = s; i < e; i++) {
        const v = emp[holders[i]!]!;
        if (v < 0) continue;
        const c = ++empCount[v];
        if (c > bestC || (c === bestC && v < best)) { best = v; bestC = c; }
      }
      for (let i = s; i < e; i++) { const v = emp[holders[i]!]!; if (v >= 0) empCount[v] = 0; }
      employer[t] = best;
      employerVotes[t] = bestC;
    }
  }
  return { group: index.nonUsers, friendsWaiting, topName, topNameVotes, employer, employerVotes };
}
