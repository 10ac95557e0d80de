/**
 * Invariance of the default rule (pHash, DEFAULT_THRESHOLDS) to each distortion, on the
 * committed fixture files (datasets/avatars/robustness: real PNG/JPEG/WebP/GIF files made by
 * sharp), and the robustness measurement API.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../src/io';
import {
  DEFAULT_DISTORTIONS, DEFAULT_MAX_FALSE_MATCH_RATE, DEFAULT_RULE, DEFAULT_THRESHOLDS, type HashedAvatar,
  distortionTable, errorRateTable, hashAvatar, hashDistances, isMatch, measureRobustness,
} from '../src/avatars';

const root = join(__dirname, '..', 'datasets', 'avatars');
interface Row { base_id: string; distortion: string; kind: string; file: string; sha256: string }
const schema = { name: 'robustness', columns: [
  { name: 'base_id', type: 'string' as const }, { name: 'distortion', type: 'string' as const }, { name: 'kind', type: 'string' as const },
  { name: 'parameter', type: 'string' as const, nullable: true }, { name: 'file', type: 'string' as const }, { name: 'sha256', type: 'string' as const },
] };

let rows: Row[] = [];
const hashes = new Map<string, HashedAvatar>();
// Bases r03, r04, r05 are the periodic patterns (stripes, rings, checker): a crop shifts their
// phase, which the DCT hash sees; the others are faces, a landscape, blobs and an initial tile.
const PERIODIC = new Set(['r03', 'r04', 'r05']);

beforeAll(async () => {
  rows = (await readTable<Row>(join(root, 'robustness', 'manifest.csv'), schema)).rows;
  await Promise.all(rows.map(async (r) => hashes.set(r.file, await hashAvatar(join(root, r.file)))));
});

function distances(distortion: string): Array<{ base: string; d: ReturnType<typeof hashDistances> }> {
  return rows.filter((r) => r.distortion === distortion).map((r) => {
    const base = rows.find((b) => b.base_id === r.base_id && b.distortion === 'original')!;
    return { base: r.base_id, d: hashDistances(hashes.get(base.file)!, hashes.get(r.file)!) };
  });
}

describe('committed distortion fixtures', () => {
  it('cover every default distortion for 8 base pictures', () => {
    expect(new Set(rows.map((r) => r.base_id)).size).toBe(8);
    for (const d of DEFAULT_DISTORTIONS) expect(distances(d.name)).toHaveLength(8);
  });

  for (const kind of ['resize', 'jpeg', 'format', 'colour'] as const) {
    it(`the default rule matches every picture after each ${kind} distortion`, () => {
      for (const d of DEFAULT_DISTORTIONS.filter((x) => x.kind === kind)) {
        for (const { base, d: dist } of distances(d.name)) {
          expect({ distortion: d.name, base, match: isMatch(dist, DEFAULT_THRESHOLDS, DEFAULT_RULE) })
            .toEqual({ distortion: d.name, base, match: true });
        }
      }
    });
  }

  it('the default rule matches non-periodic pictures after a crop of at most 2.5% per edge', () => {
    for (const name of ['crop-2pct-corner', 'crop-5pct-centre']) {
      for (const { base, d } of distances(name).filter((x) => !PERIODIC.has(x.base))) {
        expect({ name, base, pHash: d.pHash <= DEFAULT_THRESHOLDS.pHash }).toEqual({ name, base, pHash: true });
      }
    }
  });

  it('distance grows with the crop: 5% from one corner moves pictures more than 2%', () => {
    const mean = (name: string): number => distances(name).reduce((s, x) => s + x.d.pHash, 0) / 8;
    expect(mean('crop-5pct-corner')).toBeGreaterThan(mean('crop-2pct-corner'));
  });
});

describe('thresholds.json (the measurement behind DEFAULT_THRESHOLDS)', () => {
  const json = JSON.parse(readFileSync(join(root, 'thresholds.json'), 'utf8'));

  it('DEFAULT_THRESHOLDS are the thresholds chosen there, under the stated false-match limit', () => {
    expect(json.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(json.maxFalseMatchRate).toBe(DEFAULT_MAX_FALSE_MATCH_RATE);
    for (const k of ['aHash', 'dHash', 'pHash']) {
      expect(json.choice[k].threshold).toBe(DEFAULT_THRESHOLDS[k as 'pHash']);
      expect(json.choice[k].falseMatchRate).toBeLessThanOrEqual(DEFAULT_MAX_FALSE_MATCH_RATE);
    }
  });

  it('its error table agrees with its threshold choice', () => {
    const fm = json.errorRates.find((r: { rule: string; pairs: string }) => r.rule === 'pHash' && r.pairs === 'different images');
    expect(fm.errors).toBe(json.choice.pHash.falseMatches);
    const fnm = json.errorRates.find((r: { rule: string; pairs: string }) => r.rule === 'pHash' && r.pairs === 'same image: all distortions');
    expect(fnm.errors).toBe(json.choice.pHash.falseNonMatches);
    expect(fnm.upper95).toBeGreaterThan(fnm.rate);
  });
});

describe('measureRobustness and its tables', () => {
  it('measures same and different pairs and tabulates error rates consistently', async () => {
    const files = ['images/p001-weibo.jpg', 'images/p002-weibo.jpg', 'images/p003-weibo.jpg', 'images/p004-weibo.jpg'].map((f) => join(root, f));
    const distortions = DEFAULT_DISTORTIONS.filter((d) => ['resize-40', 'jpeg-q30', 'colour-hue'].includes(d.name));
    const m = await measureRobustness(files, { distortions });
    expect(m.same).toHaveLength(12);
    expect(m.different.pairA).toEqual([0, 0, 0, 1, 1, 2]);
    expect(m.different.pairB).toEqual([1, 2, 3, 2, 3, 3]);
    const t = { aHash: 4, dHash: 8, pHash: 10 };
    const table = errorRateTable(m, t, ['pHash']);
    const all = table.find((r) => r.pairs === 'same image: all distortions')!;
    expect(all.errors).toBe(m.same.filter((p) => p.distances.pHash > 10).length);
    const diff = table.find((r) => r.pairs === 'different images')!;
    expect(diff.n).toBe(6);
    expect(diff.errors).toBe(m.different.distances.pHash.filter((d) => d <= 10).length);
    expect(diff.lower95).toBeLessThanOrEqual(diff.rate);
    const perDistortion = distortionTable(m, t, 'pHash');
    expect(perDistortion.map((r) => r.distortion)).toEqual(['resize-40', 'jpeg-q30', 'colour-hue']);
    expect(perDistortion[0]!.maxP).toBe(Math.max(...m.same.filter((p) => p.distortion === 'resize-40').map((p) => p.distances.pHash)));
  });
});
