import { describe, expect, it } from 'vitest';
import { EvidenceError } from '../src/io/errors';
import { mergeReview, parseReviewCsv, reviewCsv } from '../src/screenshots/review';
import type { CardRead } from '../src/screenshots/extract';

function card(file: string, cells: Array<[string, string, number | null, boolean]>): CardRead {
  return {
    file, width: 1080, height: 2340, rotation: 0, avatarBox: null, otherLines: 0,
    cells: cells.map(([field, text, confidence, flagged]) => ({ field: field as never, text, confidence, box: [0, 0, 10, 10], flagged })),
  };
}

const cards = [
  card('a.jpg', [['name', '王小明', 0.99, false], ['employer', '滴滴出竹', 0.8, true], ['tags', '电影、篮球', 0.93, true]]),
  card('b.jpg', [['name', '李雷', 0.7, true], ['employer', '', null, false], ['tags', '旅行', 0.999, false]]),
];
const who = { reviewer: 'expert A', reviewedAt: '2026-12-07', file: 'review.csv' };

describe('review sheet', () => {
  it('lists exactly the flagged cells, with an empty corrected column', () => {
    const rows = parseReviewCsv(reviewCsv(cards), 'r.csv');
    expect(rows.map((r) => `${r.file}/${r.field}/${r.read}/${r.corrected}`)).toEqual(['a.jpg/employer/滴滴出竹/', 'a.jpg/tags/电影、篮球/', 'b.jpg/name/李雷/']);
  });

  it('merges corrections and confirmations, records who and when, and leaves the input untouched', () => {
    const sheet = 'file,field,read,confidence,corrected\na.jpg,employer,滴滴出竹,0.8,滴滴出行\na.jpg,tags,电影、篮球,0.93,\nb.jpg,name,李*,0.7,李雷\n';
    const m = mergeReview(cards, parseReviewCsv(sheet, 'review.csv'), who);
    expect(m.changes).toEqual([{ file: 'a.jpg', field: 'employer', original: '滴滴出竹', corrected: '滴滴出行', confidence: 0.8, reviewer: 'expert A', reviewedAt: '2026-12-07' }]);
    expect(m.confirmed).toBe(2); // tags confirmed; the name was listed masked and "corrected" to what was read
    const a = m.cards[0]!.cells.find((c) => c.field === 'employer')!;
    expect(a).toMatchObject({ text: '滴滴出行', confidence: 1, flagged: false });
    expect(m.cards.flatMap((c) => c.cells).filter((c) => c.flagged)).toHaveLength(0);
    expect(cards[0]!.cells[1]!.text).toBe('滴滴出竹');
    expect(cards[0]!.cells[1]!.flagged).toBe(true);
  });

  it('a sheet from another run, an unknown file or field, a duplicate, a missing column: EvidenceError naming the line', () => {
    const stale = 'file,field,read,confidence,corrected\na.jpg,employer,别的,0.8,x\nz.jpg,tags,电影,0.9,\n';
    try {
      mergeReview(cards, parseReviewCsv(stale, 'review.csv'), who);
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(EvidenceError);
      const issues = (e as EvidenceError).issues;
      expect(issues.map((i) => [i.row, i.column])).toEqual([[2, 'read'], [3, 'file']]);
      expect(issues[0]!.message).toMatch(/another run/);
    }
    expect(() => parseReviewCsv('file,field,read,corrected\na.jpg,colour,x,\n', 'r.csv')).toThrow(/line 2, column 'field'.*not a card field/);
    expect(() => parseReviewCsv('file,field,read,corrected\na.jpg,name,x,\na.jpg,name,x,\n', 'r.csv')).toThrow(/reviewed twice/);
    expect(() => parseReviewCsv('file,field,read\n', 'r.csv')).toThrow(/missing column 'corrected'/);
  });
});
