/**
 * OCR end to end on a few committed phone-resolution cards (PaddleOCR, the default engine),
 * through the same analyse function as the CLI and notebook 08: every name and field read as
 * the ground truth says, a review merged with its change recorded, and matching as read and
 * under OCR error. No timing.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseScreenshots, loadScreenshotEvidence, matchUnderOcrError, screenshotsTables } from '../src/screenshots';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { CardRead, ScreenshotRow } from '../src/screenshots';
import type { ProfileRow } from '../src/matching';

const D = (f: string) => join(__dirname, '..', 'datasets', 'screenshots', f);

describe('screenshots: OCR of committed phone-resolution cards', () => {
  it('reads names and fields exactly, merges a review, and compares with the source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-ocr-'));
    try {
      const review = join(dir, 'review.csv');
      writeFileSync(review, 'file,field,read,confidence,corrected\ncard-004.jpg,title,运维工程师,,运维工程师（高级）\n');
      const ev = await loadScreenshotEvidence({
        images: [D('images/card-001.jpg'), D('images/card-004.jpg')],
        template: D('maimai-card.yaml'), manifest: D('manifest.csv'), truth: D('truth.csv'), source: join(__dirname, '..', 'datasets', 'matching', 'source.csv'),
        calibration: D('calibration.json'), review,
      });
      const r = await analyseScreenshots(ev, { reviewer: 'test reviewer', reviewedAt: '2026-12-07T03:00Z' });
      expect(r.engine.name).toBe('paddle');
      expect(r.accuracy!.nameAccuracy).toBe(1);
      expect(r.accuracy!.fieldAccuracy).toBe(1);
      expect(r.rows.map((x) => x.id)).toEqual(['wb101602', 'wb100538']); // from manifest.csv
      expect(r.review.changes).toEqual([{ file: 'card-004.jpg', field: 'title', original: '运维工程师', corrected: '运维工程师（高级）', confidence: expect.any(Number), reviewer: 'test reviewer', reviewedAt: '2026-12-07T03:00Z' }]);
      expect(r.rows[1]!.title).toBe('运维工程师（高级）');
      for (const c of r.cards) for (const cell of c.cells) if (cell.text) expect(cell.box[2]).toBeGreaterThan(cell.box[0]);
      expect(r.cards[0]!.avatarBox).not.toBeNull();
      expect(r.matching!.pairs).toBe(2);
      expect(r.matching!.calibratedOn).toBe('calibration set');
      const ids = screenshotsTables(r).map((t) => t.id);
      expect(ids).toEqual(expect.arrayContaining(['extracted', 'corrections', 'accuracy', 'calibration', 'uncertainty']));
      expect(JSON.parse(JSON.stringify(r))).toEqual(JSON.parse(JSON.stringify(r)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('matching under OCR error', () => {
  const cell = (field: string, text: string, confidence: number | null) => ({ field: field as never, text, confidence, box: [0, 0, 1, 1] as [number, number, number, number], flagged: false });
  const cards: CardRead[] = [
    { file: 'a.jpg', width: 1, height: 1, rotation: 0, avatarBox: null, otherLines: 0, cells: [cell('name', '王伟', 0.99), cell('employer', '滴滴出竹', 0.97), cell('title', '产品经理', 0.999)] },
    { file: 'b.jpg', width: 1, height: 1, rotation: 0, avatarBox: null, otherLines: 0, cells: [cell('name', '李雷', 0.99), cell('employer', '华为', 0.999), cell('title', '律师', 0.999)] },
  ];
  const row = (file: string, id: string, name: string, employer: string, title: string): ScreenshotRow => ({ file, id, uploader: 'U1', name, employer, title, school: '', tags: '', minConfidence: 0.9, flagged: 0 });
  const rows = [row('a.jpg', 's1', '王伟', '滴滴出竹', '产品经理'), row('b.jpg', 's2', '李雷', '华为', '律师')];
  const source: ProfileRow[] = [
    { id: 's1', name: '王伟', avatar_hash: null, employer: '滴滴出行', title: '产品经理', school: null, tags: null },
    { id: 's2', name: '李雷', avatar_hash: null, employer: '阿里巴巴', title: '律师', school: null, tags: null },
  ];
  const bands = [
    { band: 'empty', from: null, to: null, cells: 10, misread: 0, errorRate: 0, lower: 0, upper: 0.3, chars: 10, charErrors: 0, charErrorRate: 0 },
    { band: '0–0.98', from: 0, to: 0.98, cells: 10, misread: 3, errorRate: 0.3, lower: 0.07, upper: 0.65, chars: 50, charErrors: 3, charErrorRate: 0.06 },
    { band: '≥ 0.98', from: 0.98, to: 1, cells: 100, misread: 1, errorRate: 0.01, lower: 0.0003, upper: 0.05, chars: 500, charErrors: 1, charErrorRate: 0.002 },
  ];
  const params = { bandEdges: [0, 0.98], maxEdits: 1, level: 0.95, strictness: 0.8 };

  it('a cell one misread away from the source counts as a level that could change, weighted by its band', () => {
    const m = matchUnderOcrError(cards, rows, source, bands, params, 'calibration set');
    const emp = m.perField.find((f) => f.field === 'employer')!;
    expect(emp.couldChange).toBe(1);
    expect(emp.asRead.k).toBeLessThan(emp.ifMisread.k);
    expect(emp.expectedChangesAtMost).toBeCloseTo(0.65);
    expect(m.cells).toEqual([expect.objectContaining({ file: 'a.jpg', field: 'employer', read: '滴滴出竹', source: '滴滴出行', levelIfMisread: 'same' })]);
    // 华为 vs 阿里巴巴: far beyond one misread: not counted
    expect(m.perField.find((f) => f.field === 'name')!.couldChange).toBe(0);
  });

  it('a reviewed cell is not uncertain any more; with maxEdits 0 nothing can change', () => {
    expect(matchUnderOcrError(cards, rows, source, bands, params, 'calibration set', new Set(['a.jpg\u0000employer'])).cells).toHaveLength(0);
    expect(matchUnderOcrError(cards, rows, source, bands, { ...params, maxEdits: 0 }, 'calibration set').cells).toHaveLength(0);
  });
});
