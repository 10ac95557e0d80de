/** The typed-array generator: determinism by seed, the structure it promises, bad options. */
import { describe, expect, it } from 'vitest';
import {
  EMPLOYER_VARIANTS, generateLinkageData, linkageTruth, nameInitialsKey, namePinyinKey, nameSpace, nameText, runSynthetic,
} from '../src/linkage';

describe('generateLinkageData', () => {
  it('same seed, same bytes; another seed, other data', () => {
    const a = generateLinkageData({ displayed: 500, source: 3000, seed: 3 });
    const b = generateLinkageData({ displayed: 500, source: 3000, seed: 3 });
    const c = generateLinkageData({ displayed: 500, source: 3000, seed: 4 });
    for (const col of Object.keys(a.source.columns)) {
      expect(a.source.columns[col]).toEqual(b.source.columns[col]);
      expect(a.displayed.columns[col]).toEqual(b.displayed.columns[col]);
    }
    expect(a.truth).toEqual(b.truth);
    expect(a.avatarHi).toEqual(b.avatarHi);
    expect(a.source.columns.name).not.toEqual(c.source.columns.name);
  });

  it('matched share, distinct true accounts, decoys that look alike, common names', () => {
    const d = generateLinkageData({ displayed: 1000, source: 5000, seed: 9, decoyShare: 0.2, commonNameAccounts: 50 });
    const t = linkageTruth(d);
    expect(t.left.length).toBe(800);
    expect(new Set(t.right).size).toBe(800);
    const ns = nameSpace();
    let decoys = 0, lookAlike = 0;
    d.decoyFor.forEach((i, x) => {
      if (i < 0) return;
      decoys++;
      const j = d.truth[i]!;
      expect(j).not.toBe(x);
      if (namePinyinKey(d.source.columns.name![x]!, ns) === namePinyinKey(d.source.columns.name![j]!, ns)) lookAlike++;
    });
    expect(decoys).toBe(160);
    expect(lookAlike).toBe(decoys); // same or same-sounding name
    // copies mostly keep the name; employers differ only in written form when shown
    let sameName = 0, empForm = 0;
    for (let k = 0; k < t.left.length; k++) {
      const i = t.left[k]!, j = t.right[k]!;
      if (d.displayed.columns.name![i] === d.source.columns.name![j]) sameName++;
      const e1 = d.displayed.columns.employer![i]!, e2 = d.source.columns.employer![j]!;
      if (e1 >= 0) {
        expect(Math.floor(e1 / EMPLOYER_VARIANTS)).toBe(Math.floor(e2 / EMPLOYER_VARIANTS));
        if (e1 !== e2) empForm++;
      }
    }
    expect(sameName / t.left.length).toBeGreaterThan(0.8);
    expect(empForm).toBeGreaterThan(0);
    expect(nameText(0)).toBe('王伟');
    // 王伟 and 王玮: same pinyin key and initials; 王芳: other pinyin
    const wei = ns.chars.indexOf('伟'), wei2 = ns.chars.indexOf('玮'), fang = ns.chars.indexOf('芳');
    expect(nameText(wei2)).toBe('王玮');
    expect(namePinyinKey(wei, ns)).toBe(namePinyinKey(wei2, ns));
    expect(namePinyinKey(wei, ns)).not.toBe(namePinyinKey(fang, ns));
    expect(nameInitialsKey(wei, ns)).toBe(nameInitialsKey(wei2, ns));
  });

  it('rejects impossible sizes and bad shares', () => {
    expect(() => generateLinkageData({ displayed: 100, source: 50, seed: 1 })).toThrow(/cannot hold/);
    expect(() => generateLinkageData({ displayed: 10, source: 50, seed: 1, matchedShare: 2 })).toThrow(/matchedShare/);
    expect(() => generateLinkageData({ displayed: -1, source: 50, seed: 1 })).toThrow(/displayed/);
    expect(() => generateLinkageData({ displayed: 10, source: 50, seed: 0.5 })).toThrow(/seed/);
  });

  it('end to end at small scale: EM linkage finds the copied accounts (precision and recall > 0.9)', () => {
    const d = generateLinkageData({ displayed: 2000, source: 20000, seed: 5 });
    const run = runSynthetic(d, { seed: 5, uPairs: 100_000 });
    expect(run.quality.precision).toBeGreaterThan(0.95);
    expect(run.quality.recall).toBeGreaterThan(0.9);
    expect(run.result.model.method.u).toBe('frequencies');
    expect(run.result.blocking.map((b) => b.rule)).toEqual(['name', 'initials+employer', 'school+year+surname', 'avatar-prefix']);
    // the model's estimated FDR is within a few points of the real one
    const realFdr = 1 - run.quality.precision;
    expect(Math.abs(run.errorRates.estimatedFdr - realFdr)).toBeLessThan(0.05);
    const again = runSynthetic(d, { seed: 5, uPairs: 100_000 });
    expect(again.assignment.rightOfLeft).toEqual(run.assignment.rightOfLeft); // deterministic
  });
});
