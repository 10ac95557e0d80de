/**
 * Blocking: which pairs are compared at all. Comparing every displayed profile with every
 * source account is n x m pairs (10^12 for a million on each side), so only pairs that share
 * a blocking key under at least one rule are compared (Fellegi & Sunter 1969, section 6;
 * Christen, "Data Matching", Springer 2012, ch. 4).
 *
 * Rules are declared as data (a name, a sentence saying what they group on, a key function or
 * a key column) so a report prints exactly which pairs were considered. The engine:
 *
 * 1. turns every rule's keys into dense integer codes (a hash join built on the left side);
 * 2. COUNTS the pairs each rule would produce, sum over blocks of left x right, before any pair
 *    is generated or compared, and lists the largest blocks; above `maxPairs` it refuses, naming
 *    the rule and block that explode (a school key alone pairs everyone from one university);
 * 3. generates the union of the rules' pairs without duplicates: a pair found by rule r is kept
 *    only if no earlier rule also blocks it (the key of every earlier rule differs or is
 *    missing), which is Splink's de-duplication and needs no set of pairs.
 *
 * A missing key (null, '', NaN or a negative number) puts a row in no block for that rule.
 *
 * @example
 * const rules: BlockingRule<P>[] = [
 *   { name: 'name', description: 'same normalised name', key: (p) => normalizeText(p.name) || null },
 *   { name: 'initials+employer', description: 'same pinyin initials and employer',
 *     key: (p) => p.employer ? pinyinInitials(p.name) + '|' + p.employer : null },
 * ];
 * const prepared = prepareRecordBlocking(shown, source, rules);
 * countCandidatePairs(prepared);            // per rule: pairs, blocks, largest blocks
 * const pairs = generateCandidatePairs(prepared, { maxPairs: 5e7 });
 */
import { LimitError } from '../io/errors';
import type { BlockingCount, CandidatePairs, LinkMode } from './types';
import { DenseIntKeyMap } from './intmap';
import { maskName } from '../report/mask';

/**
 * Rules whose block key is personal data (a person's name or its pinyin): their keys are
 * masked (王*) in tables and messages unless the caller asks for them unmasked.
 */
export const PERSONAL_KEY_RULES: readonly string[] = ['name'];

/** A block key as shown to a reader: masked for personal-key rules unless `unmasked`. */
export function displayBlockKey(rule: string, key: string, unmasked = false): string {
  if (unmasked || !PERSONAL_KEY_RULES.includes(rule)) return key;
  return maskName(key);
}

/** A blocking rule over records: same non-null key => candidate pair. */
export interface BlockingRule<R> {
  name: string;
  description: string;
  /** The record's blocking key; null/undefined/'' = no key (the record is not blocked by this rule). */
  key: (record: R) => string | number | null | undefined;
}

/**
 * A blocking rule over integer key columns (for millions of rows): key arrays with one entry
 * per row, non-negative integers below 2^53; a negative or NaN entry means "no key".
 */
export interface KeyBlockingRule {
  name: string;
  description: string;
  left: ArrayLike<number>;
  /** Right-side keys (same code space as `left`); omit in dedupe mode. */
  right?: ArrayLike<number>;
  /** Turn a key back into words for the largest-blocks list. */
  describeKey?: (key: number) => string;
}

/** Rules turned into dense codes, ready to count and to generate pairs. */
export interface PreparedBlocking {
  mode: LinkMode;
  leftSize: number;
  rightSize: number;
  rules: PreparedRule[];
}

interface PreparedRule {
  name: string;
  description: string;
  /** Dense code per left row, -1 = no key. */
  left: Int32Array;
  /** Dense code per right row, -1 = no key or key absent on the left (cannot pair). Same array as left in dedupe mode. */
  right: Int32Array;
  blocks: number;
  leftMissing: number;
  rightMissing: number;
  keyLabel: (code: number) => string;
}

/** Thrown when blocking would produce more candidate pairs than the configured cap. */
export class BlockingCapError extends LimitError {
  constructor(message: string, readonly counts: BlockingCount[], readonly cap: number) {
    super(message);
    this.name = 'BlockingCapError';
  }
}

export const DEFAULT_MAX_PAIRS = 100_000_000;

function checkRules(rules: ReadonlyArray<{ name: string; description: string }>): void {
  if (rules.length === 0) throw new RangeError('blocking needs at least one rule');
  if (rules.length > 255) throw new RangeError(`at most 255 blocking rules, got ${rules.length}`);
  const seen = new Set<string>();
  for (const [i, r] of rules.entries()) {
    if (typeof r.name !== 'string' || r.name.trim() === '') throw new TypeError(`blocking rule ${i} has no name`);
    if (seen.has(r.name)) throw new RangeError(`blocking rule name '${r.name}' is used twice`);
    seen.add(r.name);
    if (typeof r.description !== 'string' || r.description.trim() === '') {
      throw new TypeError(`blocking rule '${r.name}' has no description (say in words what it groups on)`);
    }
  }
}

function isMissingKey(k: unknown): boolean {
  return k === null || k === undefined || k === '' || (typeof k === 'number' && Number.isNaN(k));
}

/**
 * Prepare record-level rules: evaluate each key function once per record and intern the keys.
 * `right` = null means dedupe (pairs within `left`, each unordered pair once).
 */
export function prepareRecordBlocking<R>(
  left: readonly R[],
  right: readonly R[] | null,
  rules: ReadonlyArray<BlockingRule<R>>,
): PreparedBlocking {
  checkRules(rules);
  if (!Array.isArray(left)) throw new TypeError('left records must be an array');
  if (right !== null && !Array.isArray(right)) throw new TypeError('right records must be an array or null (dedupe)');
  const mode: LinkMode = right === null ? 'dedupe' : 'link';
  const prepared: PreparedRule[] = rules.map((rule) => {
    if (typeof rule.key !== 'function') throw new TypeError(`blocking rule '${rule.name}' has no key function`);
    const codes = new Map<string, number>();
    const labels: string[] = [];
    const l = new Int32Array(left.length);
    let leftMissing = 0;
    for (let i = 0; i < left.length; i++) {
      const k = rule.key(left[i]!);
      if (isMissingKey(k)) {
        l[i] = -1;
        leftMissing++;
        continue;
      }
      const s = typeof k === 'number' ? `#${k}` : String(k);
      let c = codes.get(s);
      if (c === undefined) {
        c = labels.length;
        codes.set(s, c);
        labels.push(String(k));
      }
      l[i] = c;
    }
    let r = l;
    let rightMissing = leftMissing;
    if (right !== null) {
      r = new Int32Array(right.length);
      rightMissing = 0;
      for (let j = 0; j < right.length; j++) {
        const k = rule.key(right[j]!);
        if (isMissingKey(k)) {
          r[j] = -1;
          rightMissing++;
          continue;
        }
        const c = codes.get(typeof k === 'number' ? `#${k}` : String(k));
        r[j] = c === undefined ? -1 : c;
      }
    }
    return {
      name: rule.name,
      description: rule.description,
      left: l,
      right: r,
      blocks: labels.length,
      leftMissing,
      rightMissing,
      keyLabel: (c: number) => labels[c] ?? String(c),
    };
  });
  return { mode, leftSize: left.length, rightSize: right === null ? left.length : right.length, rules: prepared };
}

/**
 * Prepare rules given as integer key columns (the path for millions of rows). In link mode
 * every rule needs `right` keys of length `rightSize`; in dedupe mode none.
 */
export function prepareKeyBlocking(
  rules: ReadonlyArray<KeyBlockingRule>,
  options: { mode: LinkMode; leftSize: number; rightSize?: number },
): PreparedBlocking {
  checkRules(rules);
  const { mode, leftSize } = options;
  const rightSize = mode === 'dedupe' ? leftSize : options.rightSize;
  if (!Number.isInteger(leftSize) || leftSize < 0) throw new RangeError(`leftSize must be a non-negative integer, got ${leftSize}`);
  if (rightSize === undefined || !Number.isInteger(rightSize) || rightSize < 0) {
    throw new RangeError(`rightSize must be a non-negative integer in link mode, got ${rightSize}`);
  }
  const prepared = rules.map((rule) => {
    if (rule.left.length !== leftSize) {
      throw new RangeError(`blocking rule '${rule.name}': ${rule.left.length} left keys for ${leftSize} left rows`);
    }
    if (mode === 'link') {
      if (!rule.right) throw new TypeError(`blocking rule '${rule.name}': link mode needs right keys`);
      if (rule.right.length !== rightSize) {
        throw new RangeError(`blocking rule '${rule.name}': ${rule.right.length} right keys for ${rightSize} right rows`);
      }
    }
    const map = new DenseIntKeyMap(Math.min(leftSize, 1 << 22));
    const l = new Int32Array(leftSize);
    let leftMissing = 0;
    const checkKey = (k: number, side: string, row: number): boolean => {
      if (Number.isNaN(k) || k < 0) return false;
      if (!Number.isSafeInteger(k)) {
        throw new RangeError(`blocking rule '${rule.name}': ${side} key at row ${row} is ${k}, not an integer below 2^53`);
      }
      return true;
    };
    for (let i = 0; i < leftSize; i++) {
      const k = rule.left[i]!;
      if (!checkKey(k, 'left', i)) {
        l[i] = -1;
        leftMissing++;
      } else l[i] = map.intern(k);
    }
    let r = l;
    let rightMissing = leftMissing;
    if (mode === 'link') {
      const rk = rule.right!;
      r = new Int32Array(rightSize);
      rightMissing = 0;
      for (let j = 0; j < rightSize; j++) {
        const k = rk[j]!;
        if (!checkKey(k, 'right', j)) {
          r[j] = -1;
          rightMissing++;
        } else r[j] = map.get(k);
      }
    }
    const keysById = map.keysById();
    const describe = rule.describeKey;
    return {
      name: rule.name,
      description: rule.description,
      left: l,
      right: r,
      blocks: map.size,
      leftMissing,
      rightMissing,
      keyLabel: (c: number) => (describe ? describe(keysById[c]!) : String(keysById[c])),
    } satisfies PreparedRule;
  });
  return { mode, leftSize, rightSize, rules: prepared };
}

function countPerBlock(codes: Int32Array, blocks: number): Int32Array {
  const cnt = new Int32Array(blocks);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0) cnt[c]++;
  }
  return cnt;
}

/**
 * Pairs each rule would produce, computed from block sizes alone (nothing is compared):
 * link mode sum_k L_k * R_k; dedupe mode sum_k L_k (L_k - 1) / 2. Also the five largest blocks.
 */
export function countCandidatePairs(prepared: PreparedBlocking, topBlocks = 5): BlockingCount[] {
  return prepared.rules.map((rule) => {
    const cl = countPerBlock(rule.left, rule.blocks);
    const cr = prepared.mode === 'link' ? countPerBlock(rule.right, rule.blocks) : cl;
    let pairs = 0;
    let shared = 0;
    const top: Array<{ code: number; pairs: number }> = [];
    for (let k = 0; k < rule.blocks; k++) {
      const p = prepared.mode === 'link' ? cl[k]! * cr[k]! : (cl[k]! * (cl[k]! - 1)) / 2;
      if (p === 0) continue;
      shared++;
      pairs += p;
      if (top.length < topBlocks || p > top[top.length - 1]!.pairs) {
        top.push({ code: k, pairs: p });
        top.sort((a, b) => b.pairs - a.pairs || a.code - b.code);
        if (top.length > topBlocks) top.pop();
      }
    }
    return {
      rule: rule.name,
      description: rule.description,
      pairs,
      blocks: shared,
      leftWithoutKey: rule.leftMissing,
      rightWithoutKey: rule.rightMissing,
      largestBlocks: top.map((t) => ({ key: rule.keyLabel(t.code), left: cl[t.code]!, right: cr[t.code]!, pairs: t.pairs })),
    };
  });
}

/** The message a user sees when blocking would explode: total, per rule, and the worst block. */
export function blockingCapMessage(counts: BlockingCount[], cap: number): string {
  const total = counts.reduce((s, c) => s + c.pairs, 0);
  const lines = counts.map((c) => {
    const b = c.largestBlocks[0];
    const worst = b ? `; largest block '${displayBlockKey(c.rule, b.key)}' = ${b.left.toLocaleString('en')} x ${b.right.toLocaleString('en')} = ${b.pairs.toLocaleString('en')} pairs` : '';
    return `  rule '${c.rule}' (${c.description}): ${c.pairs.toLocaleString('en')} pairs${worst}`;
  });
  return (
    `blocking would produce up to ${total.toLocaleString('en')} candidate pairs, above the cap of ` +
    `${cap.toLocaleString('en')} (option maxPairs). Nothing was compared.\n${lines.join('\n')}\n` +
    'Tighten the rule that explodes (add a field to its key, e.g. school + birth year instead of school) ' +
    'or raise maxPairs if the machine can hold the pairs (about 10 bytes per pair per field).'
  );
}

/**
 * Count, check against the cap, then generate the de-duplicated union of candidate pairs.
 * Order: by rule, then block (first appearance on the left), then left row, then right row.
 */
export function generateCandidatePairs(
  prepared: PreparedBlocking,
  options: { maxPairs?: number } = {},
): CandidatePairs {
  const cap = options.maxPairs ?? DEFAULT_MAX_PAIRS;
  if (!(cap >= 0)) throw new RangeError(`maxPairs must be a non-negative number, got ${cap}`);
  const counts = countCandidatePairs(prepared);
  const total = counts.reduce((s, c) => s + c.pairs, 0);
  if (total > cap) throw new BlockingCapError(blockingCapMessage(counts, cap), counts, cap);

  const dedupe = prepared.mode === 'dedupe';
  let capacity = Math.max(1024, Math.min(total, 1 << 20));
  let outL: Int32Array = new Int32Array(capacity);
  let outR: Int32Array = new Int32Array(capacity);
  let outRule: Uint8Array = new Uint8Array(capacity);
  let n = 0;
  const rules = prepared.rules;

  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    const before = n;
    const { offsets: offL, rows: rowsL } = csr(rule.left, rule.blocks);
    const { offsets: offR, rows: rowsR } = dedupe ? { offsets: offL, rows: rowsL } : csr(rule.right, rule.blocks);
    const earlierL: Int32Array[] = [];
    const earlierR: Int32Array[] = [];
    for (let q = 0; q < r; q++) {
      earlierL.push(rules[q]!.left);
      earlierR.push(rules[q]!.right);
    }
    const ne = earlierL.length;
    for (let k = 0; k < rule.blocks; k++) {
      const l0 = offL[k]!, l1 = offL[k + 1]!;
      const r0 = offR[k]!, r1 = offR[k + 1]!;
      if (l1 === l0 || r1 === r0) continue;
      for (let a = l0; a < l1; a++) {
        const i = rowsL[a]!;
        for (let b = dedupe ? a + 1 : r0; b < r1; b++) {
          const j = rowsR[b]!;
          let seen = false;
          for (let q = 0; q < ne; q++) {
            const kl = earlierL[q]![i]!;
            if (kl >= 0 && kl === earlierR[q]![j]) {
              seen = true;
              break;
            }
          }
          if (seen) continue;
          if (n === capacity) {
            capacity *= 2;
            outL = grow(outL, capacity);
            outR = grow(outR, capacity);
            const nr = new Uint8Array(capacity);
            nr.set(outRule);
            outRule = nr;
          }
          outL[n] = i;
          outR[n] = j;
          outRule[n] = r;
          n++;
        }
      }
    }
    counts[r]!.newPairs = n - before;
  }
  return {
    mode: prepared.mode,
    left: outL.slice(0, n),
    right: outR.slice(0, n),
    rule: outRule.slice(0, n),
    counts,
  };
}

function grow(a: Int32Array, capacity: number): Int32Array {
  const b = new Int32Array(capacity);
  b.set(a);
  return b;
}

/** Rows grouped by block (counting sort, rows ascending within a block). */
function csr(codes: Int32Array, blocks: number): { offsets: Int32Array; rows: Int32Array } {
  const offsets = new Int32Array(blocks + 1);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0) offsets[c + 1]++;
  }
  for (let k = 0; k < blocks; k++) offsets[k + 1] += offsets[k]!;
  const rows = new Int32Array(offsets[blocks]!);
  const fill = offsets.slice(0, blocks);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0) rows[fill[c]++] = i;
  }
  return { offsets, rows };
}

/**
 * Blocking counts as plain rows for `showTable` (the new-pairs column once pairs were
 * generated). Block keys of personal-key rules (a name) are masked unless `unmasked`.
 */
export function blockingTable(counts: BlockingCount[], options: { unmasked?: boolean } = {}): Array<Record<string, unknown>> {
  const generated = counts.every((c) => c.newPairs !== undefined);
  return counts.map((c) => ({
    rule: c.rule,
    description: c.description,
    'pairs (counted before comparing)': c.pairs,
    ...(generated ? { 'new pairs (not found by an earlier rule)': c.newPairs } : {}),
    'shared blocks': c.blocks,
    'largest block': c.largestBlocks[0]
      ? `${displayBlockKey(c.rule, c.largestBlocks[0].key, options.unmasked)} (${c.largestBlocks[0].left} x ${c.largestBlocks[0].right})`
      : '',
  }));
}
