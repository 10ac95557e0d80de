import { describe, expect, it } from 'vitest';
import { flipBits, generateIndependentEvidence, generateSyntheticEvidence, SYNTHETIC_DEFAULT_AVATAR_HASH } from '../src/matching';
import { hammingDistanceHex } from '../src/compare/hamming';
import { weiboMaimai } from '../src/case/weiboMaimai';
import { seededRandom } from '../src/stats/random';

describe('generateSyntheticEvidence', () => {
  const ev = generateSyntheticEvidence();
  it('defaults to certificate 704: 3 uploaders, 300+ non-users', () => {
    expect(new Set(ev.displayed.map((d) => d.uploader)).size).toBe(weiboMaimai.uploadersInCertificate704.value);
    expect(ev.displayed.length).toBeGreaterThan(weiboMaimai.nonUsersInCertificate704.value);
    expect(ev.source.length).toBe(ev.displayed.length + ev.options.extraSource);
  });
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateSyntheticEvidence()).toEqual(ev);
    expect(generateSyntheticEvidence({ seed: 705 }).displayed).not.toEqual(ev.displayed);
  });
  it('draws surnames with realistic frequencies (王, 李, 张 most common)', () => {
    const counts = new Map<string, number>();
    for (const s of ev.source) counts.set(s.name![0]!, (counts.get(s.name![0]!) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([c]) => c);
    expect(top.filter((c) => ['王', '李', '张', '張', '刘', '劉', '陈', '陳'].includes(c)).length).toBeGreaterThanOrEqual(3);
  });
  it('copies most profiles with noise and leaves some not copied', () => {
    const copied = ev.truth.filter((t) => t.copied).length / ev.truth.length;
    expect(copied).toBeGreaterThan(0.88);
    expect(copied).toBeLessThan(0.99);
    const notes = ev.truth.map((t) => t.noise).join(';');
    for (const k of ['avatar:0bits', 'employer:missing', 'title:synonym', 'school:alias', 'tags:truncated', 'stale:employer+title', 'not-copied']) expect(notes).toContain(k);
  });
  it('uses the default avatar hash for some source users and traditional characters for some', () => {
    expect(ev.source.some((s) => s.avatar_hash === SYNTHETIC_DEFAULT_AVATAR_HASH)).toBe(true);
    expect(ev.source.some((s) => /[張陳劉楊黃趙吳孫馬鄭鄧]/u.test(s.name!))).toBe(true);
  });
  it('the display shows the source avatar re-encoded (bits flipped as noted)', () => {
    const src = new Map(ev.source.map((s) => [s.id, s]));
    ev.truth.forEach((t, i) => {
      const m = /avatar:(\d+)bits/.exec(t.noise);
      if (m && t.copied) expect(hammingDistanceHex(ev.displayed[i]!.avatar_hash!, src.get(t.id)!.avatar_hash!)).toBe(Number(m[1]));
    });
  });
  it('generates fully independent data for the null', () => {
    const ind = generateIndependentEvidence({ seed: 1, displayed: 50 });
    expect(ind.truth.every((t) => !t.copied)).toBe(true);
    const src = new Map(ind.source.map((s) => [s.id, s]));
    const sameName = ind.displayed.filter((d) => src.get(d.id)!.name === d.name).length;
    expect(sameName).toBeLessThan(3);
  });
  it('validates its options', () => {
    expect(() => generateSyntheticEvidence({ displayed: 0 })).toThrow(RangeError);
  });
});

describe('flipBits', () => {
  it('flips exactly the requested number of bits', () => {
    const rng = seededRandom(1);
    for (const k of [0, 1, 5, 64]) expect(hammingDistanceHex(flipBits('0123456789abcdef', k, rng), '0123456789abcdef')).toBe(k);
  });
});

describe('network homophily', () => {
  it('is off by default and, when on, makes an uploader\'s contacts share employers more often than people of different networks', () => {
    const shareSame = (homophily: number) => {
      const ev = generateSyntheticEvidence({ seed: 11, displayed: 600, extraSource: 0, copiedShare: 1, homophily });
      const src = new Map(ev.source.map((r) => [r.id, r]));
      const rows = ev.displayed.map((d) => ({ up: d.uploader, emp: src.get(d.id)!.employer })).filter((r) => r.emp);
      let within = 0; let wn = 0; let across = 0; let an = 0;
      for (let i = 0; i < rows.length; i++) for (let j = i + 1; j < rows.length; j++) {
        const same = rows[i]!.emp === rows[j]!.emp ? 1 : 0;
        if (rows[i]!.up === rows[j]!.up) { within += same; wn++; } else { across += same; an++; }
      }
      return { within: within / wn, across: across / an };
    };
    const off = shareSame(0);
    const on = shareSame(0.3);
    expect(Math.abs(off.within - off.across)).toBeLessThan(0.01);
    expect(on.within).toBeGreaterThan(on.across + 0.03);
    expect(() => generateSyntheticEvidence({ homophily: 2 })).toThrow(RangeError);
  });
});
