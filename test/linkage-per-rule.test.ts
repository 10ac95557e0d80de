/**
 * Issue 13, notebook 02: m per blocking rule leaving out the fields the rule blocks on
 * (Splink's approach) against the whole-candidate-set EM with the 1/q correction, on FEBRL
 * with known truth; and the condition under which the correction is exact (blocking a
 * function of the compared exact levels), checked on FEBRL.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  estimateFromLabels, febrlBlockingRules, febrlComparisons, febrlTrueLinks, labelPairs, linkRecords, linksAbove, evaluateLinks,
  loadFebrl, recordComparator, analyseLinkage, loadLinkageEvidence, LINKAGE_DEFAULTS, mCheckStatement, profileBlockingRules,
} from '../src/linkage';
import type { FellegiSunterModel } from '../src/linkage';
import { seededRandom } from '../src/stats/random';
import { referenceDatasets } from './reference-data';


function maxMError(model: FellegiSunterModel, truth: FellegiSunterModel): number {
  let worst = 0;
  model.fields.forEach((f, fi) => f.levels.forEach((l, li) => {
    if (!l.isNull) worst = Math.max(worst, Math.abs(model.m[fi]![li]! - truth.m[fi]![li]!));
  }));
  return worst;
}

describe('m per blocking rule (FEBRL, known truth)', () => {
  it('dataset3: per-rule m is close to the m of the true matches, and links as well as whole-set EM', () => {
    const recs = loadFebrl(join(referenceDatasets, 'febrl', 'dataset3.csv')).records;
    const truth = febrlTrueLinks(recs);
    const perRule = linkRecords(recs, null, febrlComparisons(), febrlBlockingRules(), { seed: 7, m: 'per-rule' });
    const whole = linkRecords(recs, null, febrlComparisons(), febrlBlockingRules(), { seed: 7 });
    const labels = labelPairs(perRule.pairs, truth, recs.length, 'dedupe');
    const trueModel = estimateFromLabels(perRule.gamma, perRule.comparator.fields, labels);
    const errPerRule = maxMError(perRule.model, trueModel);
    const errWhole = maxMError(whole.model, trueModel);
    expect(perRule.model.method.m).toBe('em-per-rule');
    expect(perRule.perRule).toHaveLength(6);
    for (const r of perRule.perRule!) expect(r.converged).toBe(true);
    // Both estimates are within 0.05 of the truth on every level (FEBRL's rules are exact-level rules).
    expect(errPerRule).toBeLessThan(0.05);
    expect(errWhole).toBeLessThan(0.05);
    const f1 = (res: typeof perRule): number => evaluateLinks(linksAbove(res.pairs, res.scores.probability, 0.5), truth, recs.length, 'dedupe').f1;
    expect(f1(perRule)).toBeGreaterThanOrEqual(0.99);
    expect(f1(whole)).toBeGreaterThanOrEqual(0.99);
  }, 60_000);

  it('why the 1/q correction holds on FEBRL: a pair is a candidate exactly when some rule\'s fields are all at the exact level', () => {
    const recs = loadFebrl(join(referenceDatasets, 'febrl', 'dataset1.csv')).records;
    const rules = febrlBlockingRules();
    const res = linkRecords(recs, null, febrlComparisons(), rules, { seed: 7 });
    const names = res.comparator.fields.map((f) => f.name);
    const F = names.length;
    const exactIdx = res.comparator.fields.map((f) => f.levels.findIndex((l) => l.label === 'same'));
    const given = names.indexOf('given_name');
    const swappedIdx = res.comparator.fields[given]!.levels.findIndex((l) => l.label === 'names swapped');
    expect(swappedIdx).toBeGreaterThan(0);
    // A rule blocks a pair when its fields are all at the exact level; the names_sorted rule
    // (the same two names in either order) also when the given name is at 'names swapped'.
    const blockedByLevels = (g: Uint8Array, p: number): boolean =>
      rules.some((r) =>
        r.fields!.every((name) => { const f = names.indexOf(name); return g[p * F + f] === exactIdx[f]; }) ||
        (r.name === 'names_sorted' && g[p * F + given] === swappedIdx));
    for (let p = 0; p < res.pairs.left.length; p++) expect(blockedByLevels(res.gamma, p)).toBe(true);
    // Random pairs that are not candidates: none has a rule's fields all exact.
    const cand = new Set(Array.from(res.pairs.left, (i, p) => i * recs.length + res.pairs.right[p]!));
    const rng = seededRandom(3);
    const L: number[] = [], R: number[] = [];
    while (L.length < 20_000) {
      const i = Math.floor(rng() * recs.length), j = Math.floor(rng() * recs.length);
      if (i >= j || cand.has(i * recs.length + j)) continue;
      L.push(i);
      R.push(j);
    }
    const g = recordComparator(recs, null, febrlComparisons()).compare(Int32Array.from(L), Int32Array.from(R));
    let blocked = 0;
    for (let p = 0; p < L.length; p++) if (blockedByLevels(g, p)) blocked++;
    expect(blocked).toBe(0);
  }, 60_000);

  it('refuses rules that do not say which fields they block on', () => {
    const recs = [{ a: 'x', b: 'y' }, { a: 'x', b: 'z' }, { a: 'w', b: 'y' }];
    const cmp = ['a', 'b'].map((k) => ({
      name: k, description: k, value: (r: Record<string, string>) => r[k],
      levels: [
        { label: 'same', description: 'same', predicate: (x: unknown, y: unknown) => x === y },
        { label: 'different', description: 'else', predicate: () => true },
      ],
    }));
    expect(() => linkRecords(recs, null, cmp, [{ name: 'a', description: 'same a', key: (r) => r.a }], { seed: 1, m: 'per-rule' }))
      .toThrow(/does not declare the fields/);
  });

  it('profile linkage (notebook 02, `link`): both estimates of m side by side, checked against the true pairs of the synthetic answer key', async () => {
    const dir = join(__dirname, '..', 'datasets', 'linkage');
    const evidence = await loadLinkageEvidence({ displayed: join(dir, 'displayed.csv'), source: join(dir, 'source.csv') }, { answerKey: [join(dir, 'truth.csv')] });
    const em = analyseLinkage(evidence, LINKAGE_DEFAULTS);
    const pr = analyseLinkage(evidence, { ...LINKAGE_DEFAULTS, mEstimate: 'per-rule' });
    // which estimate drives the scores is stated, and the model says so
    expect(em.mCheck.used).toBe('em');
    expect((em.model.method as { m: string }).m).toBe('em');
    expect(pr.mCheck.used).toBe('per-rule');
    expect((pr.model.method as { m: string }).m).toBe('em-per-rule');
    // the same two estimates whichever drives the scores (same pairs, same u)
    expect(pr.mCheck.rows).toEqual(em.mCheck.rows);
    // one per-rule EM per profile rule, each leaving out the fields it blocks on
    expect(em.mCheck.perRule.map((r) => r.rule)).toEqual(profileBlockingRules().map((r) => r.name));
    expect(em.mCheck.perRule.find((r) => r.rule === 'avatar-prefix')!['fields left out']).toBe('avatar');
    for (const r of em.mCheck.perRule) expect(r.converged, r.rule).toBe(true);
    // the reported maxima are the maxima of the table
    const col = (k: string) => em.mCheck.rows.map((r) => (r as unknown as Record<string, number>)[k]!);
    const a = col('m, EM over all candidates'), b = col('m, per blocking rule'), tc = col('m, true candidate pairs'), ta = col('m, all true pairs');
    const maxAbs = (x: number[], y: number[]) => Math.max(...x.map((v, i) => Math.abs(v - y[i]!)));
    const c = em.mCheck.check!;
    expect(em.mCheck.maxDifference).toBeCloseTo(maxAbs(a, b), 12);
    expect(em.mCheck.maxWeightDifferenceBits).toBeCloseTo(Math.max(...a.map((v, i) => Math.abs(Math.log2(v / b[i]!)))), 12);
    expect(c.maxErrorEmVsCandidates).toBeCloseTo(maxAbs(a, tc), 12);
    expect(c.maxErrorPerRuleVsCandidates).toBeCloseTo(maxAbs(b, tc), 12);
    expect(c.maxErrorEmVsAll).toBeCloseTo(maxAbs(a, ta), 12);
    expect(c.maxErrorPerRuleVsAll).toBeCloseTo(maxAbs(b, ta), 12);
    // some true pairs are not candidates, so the two yardsticks differ
    expect(c.trueNotCandidates).toBeGreaterThan(0);
    expect(maxAbs(tc, ta)).toBeGreaterThan(0);
    // each estimate is closest to the yardstick it estimates (EM: the candidates; per rule: all true pairs), for the name
    const name = (k: string) => em.mCheck.rows.find((r) => r.field === 'name' && r.level === 'different')![k as 'm, all true pairs'] as number;
    expect(Math.abs(name('m, EM over all candidates') - name('m, true candidate pairs'))).toBeLessThan(Math.abs(name('m, per blocking rule') - name('m, true candidate pairs')));
    expect(Math.abs(name('m, per blocking rule') - name('m, all true pairs'))).toBeLessThan(Math.abs(name('m, EM over all candidates') - name('m, all true pairs')));
    // F1 under each estimate: the used one is the answer-key check's, and the two are close here
    expect(c.f1Em).toBeCloseTo(em.truth!.quality[0]!.f1, 12);
    expect(c.f1PerRule).toBeCloseTo(pr.truth!.quality[0]!.f1, 12);
    expect(pr.mCheck.check!.f1Em).toBeCloseTo(c.f1Em, 12);
    expect(Math.abs(c.f1Em - c.f1PerRule)).toBeLessThan(0.01);
    // levels at the probability floor are named; the per-field rule lists name the avatar-prefix rule for the name
    expect(em.mCheck.atFloor.length).toBeGreaterThan(0);
    expect(em.mCheck.perField.find((p) => p.field === 'name')!.rules).toMatch(/^avatar-prefix \(\d+ pairs\)$/);
    const text = mCheckStatement(em);
    expect(text).toContain(c.maxErrorPerRuleVsAll.toFixed(3));
    expect(text).toContain('probability floor');
    expect(text).toMatch(/the name rule is \(its key is the name's "same" level\)/);
    // without an answer key nothing is checked against true pairs, and the report says so
    const blind = analyseLinkage({ ...evidence, answerKey: null }, LINKAGE_DEFAULTS);
    expect(blind.mCheck.check).toBeNull();
    expect(mCheckStatement(blind)).toMatch(/Without an answer key/);
    expect(() => analyseLinkage(evidence, { ...LINKAGE_DEFAULTS, mEstimate: 'both' as 'em' })).toThrow(/mEstimate/);
  }, 120_000);
});
