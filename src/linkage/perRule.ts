/**
 * m per blocking rule, leaving out the fields the rule blocks on (Splink's approach to EM with
 * blocking: "estimate_parameters_using_expectation_maximisation(blocking_rule)").
 *
 * Among the pairs a rule blocks (its key equal), the fields the key is built from agree by
 * construction, so they carry no information about m; the other fields do, if they are
 * independent of the blocked ones within matches and within non-matches (the Fellegi-Sunter
 * assumption). So for each rule: EM (`fellegiSunterEm`, u fixed from all pairs, lambda free)
 * over the rule's pairs and the fields it does not block on; each field's m is then the mean
 * of its estimates over the rules that leave it free (Splink averages the same way). A field
 * every rule blocks on gets no estimate (an error: add a rule that does not use it).
 *
 * Why the whole-candidate-set correction (`expectationMaximisation` with `candidateShare`,
 * dividing u by q) is exact for some rule sets and not others: a candidate non-match has
 * likelihood u(gamma) P(candidate | gamma, non-match) / q. When every rule is "these fields are
 * at their exact level" (FEBRL: surname, given name, date of birth, social security number,
 * postcode + street number), P(candidate | gamma) is 1 or 0 by gamma alone and the correction
 * is exact (tested on FEBRL: blocking is a function of the exact levels). When a rule blocks on
 * something coarser or finer than a compared level (pinyin initials + employer, school + first
 * character, an avatar-hash prefix), it is not, and this per-rule estimate is the one to use.
 *
 * @example
 * const res = linkRecords(left, right, comparisons, rules, { seed: 7, m: 'per-rule' });
 * res.model.method.m;   // 'em-per-rule'
 * res.perRule;          // per rule: pairs, lambda, m of the fields it leaves free
 */
import { fellegiSunterEm } from './estimate';
import type { EmOptions } from './estimate';
import type { PreparedBlocking } from './blocking';
import { countPatterns } from '../compare/patterns';
import type { CandidatePairs, FieldInfo } from './types';

export interface RuleEmEstimate {
  rule: string;
  /** Fields left out (the rule blocks on them). */
  blockedFields: string[];
  /** Candidate pairs that satisfy the rule (its key equal). */
  pairs: number;
  /** Share of matches among those pairs. */
  lambda: number;
  iterations: number;
  converged: boolean;
  /** m per field; NaN arrays for blocked fields. */
  m: Float64Array[];
}

/**
 * Estimate m per blocking rule and average (see module comment). `u` is fixed (from value
 * frequencies or random pairs over all pairs). Rules without `fields` cannot be used.
 */
export function estimateMPerBlockingRule(
  gamma: Uint8Array,
  pairs: CandidatePairs,
  blocking: PreparedBlocking,
  fields: FieldInfo[],
  u: Float64Array[],
  options: Omit<EmOptions, 'u' | 'candidateShare' | 'fixM'> = {},
): { m: Float64Array[]; perRule: RuleEmEstimate[] } {
  const F = fields.length;
  const n = pairs.left.length;
  const names = fields.map((f) => f.name);
  const sums = fields.map((f) => new Float64Array(f.levels.length));
  const uses = new Int32Array(F);
  const perRule: RuleEmEstimate[] = [];
  for (const rule of blocking.rules) {
    if (!rule.fields || rule.fields.length === 0) {
      throw new RangeError(`blocking rule '${rule.name}' does not declare the fields it blocks on (option fields)`);
    }
    for (const name of rule.fields) if (!names.includes(name)) throw new RangeError(`blocking rule '${rule.name}': no comparison named '${name}'`);
    const free = names.map((name, f) => (rule.fields!.includes(name) ? -1 : f)).filter((f) => f >= 0);
    const m: Float64Array[] = fields.map((f) => new Float64Array(f.levels.length).fill(NaN));
    // Pairs the rule blocks: its key equal (whichever rule generated them first).
    const kl = rule.left, kr = rule.right;
    let count = 0;
    for (let p = 0; p < n; p++) {
      const a = kl[pairs.left[p]!]!;
      if (a >= 0 && a === kr[pairs.right[p]!]) count++;
    }
    if (free.length === 0 || count === 0) {
      perRule.push({ rule: rule.name, blockedFields: rule.fields, pairs: count, lambda: NaN, iterations: 0, converged: false, m });
      continue;
    }
    const G = free.length;
    const sub = new Uint8Array(count * G);
    let q = 0;
    for (let p = 0; p < n; p++) {
      const a = kl[pairs.left[p]!]!;
      if (!(a >= 0 && a === kr[pairs.right[p]!])) continue;
      for (let g = 0; g < G; g++) sub[q * G + g] = gamma[p * F + free[g]!]!;
      q++;
    }
    const subFields = free.map((f) => fields[f]!);
    const t = countPatterns(sub, subFields.map((f) => f.levels.length));
    const r = fellegiSunterEm(t, subFields, { ...options, u: free.map((f) => u[f]!), m0: options.m0 ? free.map((f) => options.m0![f]!) : undefined });
    free.forEach((f, g) => {
      m[f] = r.m[g]!;
      for (let l = 0; l < m[f]!.length; l++) if (!fields[f]!.levels[l]!.isNull) sums[f]![l] += r.m[g]![l]!;
      uses[f]++;
    });
    perRule.push({ rule: rule.name, blockedFields: rule.fields, pairs: count, lambda: r.lambda, iterations: r.iterations, converged: r.converged, m });
  }
  const m = fields.map((info, f) => {
    if (uses[f] === 0) throw new RangeError(`field '${info.name}' is blocked on by every rule that has pairs: m cannot be estimated for it`);
    return Float64Array.from(info.levels, (l, li) => (l.isNull ? NaN : sums[f]![li]! / uses[f]!));
  });
  return { m, perRule };
}
