/**
 * The platform's view on a date: which users were registered, which address books had been
 * uploaded, the number -> holders index over those books, and the graph among registered
 * users that the books imply. Everything a shadow profile is computed from, as of `asOf`
 * (strictly before it: the SMS of 2018-03-10 was computed from data uploaded before that day).
 *
 * Consistency checks on the evidence (each an EvidenceError naming file, row, column): an
 * uploader that is not a registered user; an upload dated before the uploader registered;
 * books and users hashed under different keys.
 *
 * @example
 * const view = buildPlatformView(books, users, { asOf: '2018-03-10T00:00:00+08:00', hasher });
 * view.index.nonUsers.length;  // numbers held by users that belong to no user on that date
 */
import { EVIDENCE_YEARS, parseTimestamp } from '../io/time';
import { EvidenceError, type EvidenceIssue } from '../io';
import { weightedGraph, type WeightedCsr } from './closeness';
import type { PhoneHasher } from './hash';
import { rowKindFor, type AddressBooks, type PlatformUsers } from './load';
import { buildNumberIndexInPlace, type NumberIndex } from './number-index';

export interface PlatformView {
  asOf: string;
  asOfMs: number;
  books: AddressBooks;
  users: PlatformUsers;
  /** Kept so a target given as a raw number can be hashed; the key itself is not exposed. */
  hasher: PhoneHasher;
  /** 1 for users registered before asOf. */
  active: Uint8Array;
  /** Index over entries uploaded before asOf; payload = entry number in `books`. */
  index: NumberIndex;
  /** Users linked by uploaded books: weight 1 mutual, 1/2 one-way (nodes = user indices). */
  graph: WeightedCsr;
  /** Entries used (uploaded before asOf). */
  entriesUsed: number;
}

export function buildPlatformView(
  books: AddressBooks,
  users: PlatformUsers,
  options: { asOf: string; hasher: PhoneHasher },
): PlatformView {
  const { hasher } = options;
  // The one time parser: no offset = CST, never the machine's zone; 2018-02-30 refused.
  const asOfMs = parseTimestamp(options.asOf, { years: EVIDENCE_YEARS });
  if (books.keyFingerprint !== hasher.fingerprint || users.keyFingerprint !== hasher.fingerprint) {
    throw new Error(`key mismatch: books ${books.keyFingerprint}, users ${users.keyFingerprint}, hasher ${hasher.fingerprint}`);
  }
  const issues: EvidenceIssue[] = [];
  const rowKind = rowKindFor(books.provenance.format);
  const uploader = new Int32Array(books.entries);
  for (let e = 0; e < books.entries; e++) {
    const u = users.indexOf.get(books.uploaderId[e]!);
    if (u === undefined) {
      issues.push({ file: books.file, row: books.row[e]!, rowKind, column: 'uploader_id', value: books.uploaderId[e]!, message: `uploader is not in ${users.provenance.fileName}` });
      uploader[e] = -1;
      continue;
    }
    uploader[e] = u;
    if (books.uploadedAt[e]! < users.registeredAt[u]!) {
      issues.push({ file: books.file, row: books.row[e]!, rowKind, column: 'uploaded_at', value: new Date(books.uploadedAt[e]!).toISOString(),
        message: `upload dated before the uploader registered (${new Date(users.registeredAt[u]!).toISOString()})` });
    }
    if (issues.length >= 50) break;
  }
  if (issues.length) throw new EvidenceError(issues, { truncated: issues.length >= 50 });

  const active = new Uint8Array(users.count);
  for (let u = 0; u < users.count; u++) active[u] = users.registeredAt[u]! < asOfMs ? 1 : 0;

  // Entries uploaded before asOf (their uploaders are then registered too: checked above).
  let m = 0;
  for (let e = 0; e < books.entries; e++) if (books.uploadedAt[e]! < asOfMs) m++;
  const hi = new Uint32Array(m), lo = new Uint32Array(m), holder = new Int32Array(m), payload = new Int32Array(m);
  for (let e = 0, k = 0; e < books.entries; e++) {
    if (!(books.uploadedAt[e]! < asOfMs)) continue;
    hi[k] = books.keyHi[e]!; lo[k] = books.keyLo[e]!; holder[k] = uploader[e]!; payload[k] = e; k++;
  }
  // Only users registered before asOf count as users; a later user's number is a non-user's.
  const activeIdx: number[] = [];
  for (let u = 0; u < users.count; u++) if (active[u]) activeIdx.push(u);
  const uHi = Uint32Array.from(activeIdx, (u) => users.keyHi[u]!);
  const uLo = Uint32Array.from(activeIdx, (u) => users.keyLo[u]!);
  const index = buildNumberIndexInPlace({ keyHi: hi, keyLo: lo, holder, payload }, { keyHi: uHi, keyLo: uLo });
  for (let g = 0; g < index.userOf.length; g++) if (index.userOf[g]! >= 0) index.userOf[g] = activeIdx[index.userOf[g]!]!;

  // Graph among users: h holds v's number.
  const n = users.count;
  const bits = new Map<number, number>();
  for (let g = 0; g < index.userOf.length; g++) {
    const v = index.userOf[g]!;
    if (v < 0) continue;
    for (let i = index.offsets[g]!; i < index.offsets[g + 1]!; i++) {
      const h = index.holders[i]!;
      if (h === v) continue;
      const a = Math.min(h, v), b = Math.max(h, v);
      bits.set(a * n + b, (bits.get(a * n + b) ?? 0) | (h === a ? 1 : 2));
    }
  }
  const edges = [...bits.entries()].map(([k, bit]) => [Math.floor(k / n), k % n, bit === 3 ? 1 : 0.5] as const);
  const graph = weightedGraph(n, edges);
  return { asOf: options.asOf, asOfMs, books, users, hasher, active, index, graph, entriesUsed: m };
}
