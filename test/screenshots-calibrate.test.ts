import { describe, expect, it } from 'vitest';
import { bandOf, calibrateBands, misreadProbability, type CalibrationCell } from '../src/screenshots/calibrate';
import { normaliseCell, scoreCell, summariseAccuracy } from '../src/screenshots/accuracy';
import { clopperPearsonInterval } from '../src/stats/clopperPearsonInterval';

describe('OCR error rate per confidence band', () => {
  it('bands: empty, then by lower edge', () => {
    expect(bandOf(null)).toBe(-1);
    expect(bandOf(0.5)).toBe(0);
    expect(bandOf(0.9)).toBe(1);
    expect(bandOf(0.97)).toBe(2);
    expect(bandOf(0.999)).toBe(4);
  });

  it('counts misread cells per band with Clopper-Pearson intervals', () => {
    const cells: CalibrationCell[] = [
      ...Array.from({ length: 18 }, (_, i) => ({ file: `f${i}`, field: 'name' as const, truth: '王伟', read: '王伟', confidence: 0.999 })),
      { file: 'g', field: 'name', truth: '王伟', read: '王传', confidence: 0.999 },
      { file: 'h', field: 'tags', truth: '电影、篮球', read: '电影，篮球', confidence: 0.85 },
      { file: 'i', field: 'tags', truth: '电影、篮球', read: '电彩、篮球', confidence: 0.85 },
      { file: 'j', field: 'school', truth: '中大', read: '', confidence: null },
    ];
    const b = calibrateBands(cells);
    expect(b.map((x) => x.band)).toEqual(['empty', '0–0.9', '0.9–0.95', '0.95–0.98', '0.98–0.995', '≥ 0.995']);
    const top = b[5]!;
    expect([top.cells, top.misread]).toEqual([19, 1]);
    expect([top.lower, top.upper]).toEqual(clopperPearsonInterval(1, 19));
    expect([b[1]!.cells, b[1]!.misread, b[1]!.charErrors]).toEqual([2, 1, 1]); // the comma is a separator, not an error
    expect([b[0]!.cells, b[0]!.misread, b[0]!.charErrors]).toEqual([1, 1, 2]);
    expect(misreadProbability(b, 0.999)).toBe(top.upper);
    expect(misreadProbability(b, 0.96)).toBe(1); // never measured
  });

  it('normalisation: NFKC, no spaces, one tag separator', () => {
    expect(normaliseCell('tags', ' 电影，互联网 、篮球;')).toBe('电影、互联网、篮球');
    expect(normaliseCell('employer', 'ＡＢＣ 科技')).toBe('ABC科技');
    const s = summariseAccuracy([[scoreCell('name', '王伟', '王伟'), scoreCell('tags', '电影', '电彩'), scoreCell('title', '', '')]]);
    expect(s.nameAccuracy).toBe(1);
    expect(s.fieldAccuracy).toBe(0.5);
    expect(s.charErrorRate).toBeCloseTo(1 / 5);
  });
});
