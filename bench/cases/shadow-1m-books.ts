/**
 * shadow-1m-books: first-degree shadow profiles of every non-user from 1,000,000 uploaded
 * address books of 200 entries each (200,000,000 entries). Target < 60 s, < 6 GB.
 *
 * Timed (`seconds`): HMAC-SHA-256 of every distinct number (the 20,000,000 phone owners, each
 * number '+86' + 11 digits hashed once at ingest, as the toolkit does: src/shadow/hmacBatch.ts,
 * parallel over worker threads, one per core), replacing each entry's number by its 64-bit key,
 * building the holder column from the book offsets, the in-place MSD radix sort of the 64-bit
 * keys with holder and saved-name-id payloads, grouping into the CSR number -> distinct holders,
 * marking registered users' own numbers (merge with the sorted user keys), and the per-non-user
 * summary (friends waiting, modal saved-name id, modal employer of the holders). Second-degree
 * reach of every non-user is benchmarked in shadow-reach-all.
 *
 * Not timed (setup): generating the books. A population of 20,000,000 phone owners; users are
 * every 20th person; a book holds 70% contacts from the owner's neighbourhood (+/- 5,000
 * persons) and 30% from anywhere. An entry holds its contact's person id until the timed part
 * replaces it by the key.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { benchmark } from '../lib';
import { createPhoneHasher } from '../../src/shadow/hash';
import { hmacMobileNumbers } from '../../src/shadow/hmacBatch';
import { buildNumberIndexInPlace, summariseNonUsers } from '../../src/shadow/number-index';
import { seededRandom } from '../../src/stats/random';

const BOOKS = 1_000_000;
const PER_BOOK = 200;
const POPULATION = 20_000_000;
const USER_STRIDE = 20;
const NAME_VOCAB = 1 << 22;
const EMPLOYERS = 50_000;
const SEED = 8;

function fmix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

void benchmark({
  name: 'shadow-1m-books',
  issue: 'shadow',
  params: { books: BOOKS, contactsPerBook: PER_BOOK, entries: BOOKS * PER_BOOK, population: POPULATION, seed: SEED, keyInBench: 'HMAC-SHA-256 of every distinct number, timed' },
  target: { seconds: 60, peakRssMb: 6144 },
  setup: () => {
    const rng = seededRandom(SEED);
    const n = BOOKS * PER_BOOK;
    // keyLo holds the contact's person id until the timed part replaces it by the key.
    const keyHi = new Uint32Array(n), keyLo = new Uint32Array(n), nameId = new Uint32Array(n);
    const bookOffsets = new Int32Array(BOOKS + 1);
    let e = 0;
    for (let b = 0; b < BOOKS; b++) {
      bookOffsets[b] = e;
      const self = b * USER_STRIDE;
      for (let j = 0; j < PER_BOOK; j++) {
        let c: number;
        if (rng() < 0.7) {
          c = self - 5000 + Math.floor(rng() * 10_001);
          if (c < 0) c += POPULATION; else if (c >= POPULATION) c -= POPULATION;
          if (c === self) c = (c + 1) % POPULATION;
        } else c = Math.floor(rng() * POPULATION);
        keyLo[e] = c;
        const x = rng();
        const variant = x < 0.6 ? 0 : x < 0.85 ? 1 : x < 0.95 ? 2 : 3; // full name, nickname, name+relation, other
        nameId[e] = fmix32((c * 4 + variant) >>> 0) & (NAME_VOCAB - 1);
        e++;
      }
    }
    bookOffsets[BOOKS] = e;
    const userEmployer = new Int32Array(BOOKS);
    for (let u = 0; u < BOOKS; u++) userEmployer[u] = (Math.floor(u / 200) * 7 + (rng() < 0.5 ? 0 : Math.floor(rng() * 5))) % EMPLOYERS;
    // Each person's number: 130 0000 0000 + person id (11 digits).
    const numbers = new Float64Array(POPULATION);
    for (let p = 0; p < POPULATION; p++) numbers[p] = 13_000_000_000 + p;
    const key = randomBytes(32);
    return { keyHi, keyLo, nameId, bookOffsets, userEmployer, numbers, key };
  },
  run: async (d) => {
    const loadBefore = loadavg()[0]!;
    const n = d.keyHi.length;
    const threads = cpus().length;
    const t0 = process.hrtime.bigint();
    const keys = await hmacMobileNumbers(d.key, d.numbers, { threads });
    const th = process.hrtime.bigint();
    for (let e = 0; e < n; e++) {
      const c = d.keyLo[e]!;
      d.keyHi[e] = keys.hi[c]!;
      d.keyLo[e] = keys.lo[c]!;
    }
    const userHi = new Uint32Array(BOOKS), userLo = new Uint32Array(BOOKS);
    for (let u = 0; u < BOOKS; u++) { userHi[u] = keys.hi[u * USER_STRIDE]!; userLo[u] = keys.lo[u * USER_STRIDE]!; }
    const holder = new Int32Array(n);
    for (let b = 0; b < BOOKS; b++) holder.fill(b, d.bookOffsets[b]!, d.bookOffsets[b + 1]!);
    const index = buildNumberIndexInPlace({ keyHi: d.keyHi, keyLo: d.keyLo, holder, payload: d.nameId }, { keyHi: userHi, keyLo: userLo });
    const t1 = process.hrtime.bigint();
    const summary = summariseNonUsers(index, { payloadIsNameId: true, userEmployer: d.userEmployer });
    const t2 = process.hrtime.bigint();
    const seconds = Number(t2 - t0) / 1e9;
    // Check (not timed): the batch keys equal node:crypto's HMAC for a sample of numbers.
    const ref = createPhoneHasher(d.key);
    let hmacAgrees = 1;
    for (let p = 0; p < POPULATION; p += 1_000_003) {
      const k = ref.hashE164(`+86${d.numbers[p]}`);
      if (k.hi !== keys.hi[p] || k.lo !== keys.lo[p]) hmacAgrees = 0;
    }

    // Checks (not timed): keys ascending, holder counts add up.
    let sorted = true;
    for (let g = 1; g < index.keyHi.length; g++) {
      if (index.keyHi[g]! < index.keyHi[g - 1]! || (index.keyHi[g] === index.keyHi[g - 1] && index.keyLo[g]! <= index.keyLo[g - 1]!)) { sorted = false; break; }
    }
    const groups = index.keyHi.length;
    let users = 0;
    for (let g = 0; g < groups; g++) if (index.userOf[g]! >= 0) users++;
    const fw = summary.friendsWaiting;
    let total = 0, max = 0, atLeast36 = 0, employerKnown = 0;
    for (let t = 0; t < fw.length; t++) {
      total += fw[t]!;
      if (fw[t]! > max) max = fw[t]!;
      if (fw[t]! >= 36) atLeast36++;
      if (summary.employerVotes[t]! >= 2 && summary.employerVotes[t]! / fw[t]! >= 0.2) employerKnown++;
    }
    const distinct = groups;
    return {
      throughput: n / seconds,
      throughputUnit: 'entries/s',
      quality: { sorted: sorted ? 1 : 0, holdersPlusDuplicatesEqualEntries: index.holders.length + index.duplicateEntries === n ? 1 : 0, hmacAgreesWithNodeCrypto: hmacAgrees },
      extra: {
        loadAverage1m: { before: loadBefore, after: loadavg()[0]!, cpus: 2, note: 'other processes on the machine slow the timed work when the load exceeds the cores' },
        hashing: 'HMAC-SHA-256',
        phases: { hmacSeconds: Number(th - t0) / 1e9, keysAndIndexSeconds: Number(t1 - th) / 1e9, summarySeconds: Number(t2 - t1) / 1e9 },
        hmacThreads: threads,
        distinctNumbers: distinct,
        userNumbersHeld: users,
        nonUsers: fw.length,
        duplicateEntries: index.duplicateEntries,
        friendsWaiting: { mean: total / fw.length, max, shareAtLeast36: atLeast36 / fw.length },
        shareWithInferredEmployer: employerKnown / fw.length,
        hmac: { numbersHashed: d.numbers.length, perSecond: Math.round(d.numbers.length / (Number(th - t0) / 1e9)), note: 'every distinct number hashed once, in the timed path' },
      },
    };
  },
});
