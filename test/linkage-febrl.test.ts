/**
 * FEBRL (Christen, Febrl; datasets/reference/febrl): loader rules from its README and a
 * real deduplication run of dataset1 with its F1 above a stated floor.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  comparisonsFromSql, febrlBlockingRules, febrlComparisons, febrlSqlComparisons, febrlTrueLinks, isCalendarDate, linkRecords, loadFebrl, parseFebrl,
  recordComparator, runFebrl,
} from '../src/linkage';
import type { FebrlRecord } from '../src/linkage';
import { EvidenceError } from '../src/io';
import { referenceDatasets } from './reference-data';

const dir = join(referenceDatasets, 'febrl');
const header = 'rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id';

/** Floor for dataset1 F1 (EM, threshold 0.5). Published Febrl/recordlinkage results on dataset1 are ~0.95-1.0. */
const F1_FLOOR = 0.97;

describe('FEBRL', () => {
  it('parses ", " separated values, empty = missing, invalid dates = missing, rec_id groups', () => {
    const text = `${header}\nrec-1-org, ann, lee, , x st, , y, 2000, nsw, 19560231, 123\nrec-1-dup-0, anne, lee, 5, x st, , y, 2000, nsw, 19560213, 123\n`;
    const { records, invalidDates } = parseFebrl(text, 't.csv');
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ recId: 'rec-1-org', entity: 1, original: true, street_number: null, date_of_birth: null, postcode: '2000' });
    expect(records[1]).toMatchObject({ entity: 1, original: false, given_name: 'anne', date_of_birth: '19560213' });
    expect(invalidDates).toBe(1);
    expect(isCalendarDate('20000229')).toBe(true);
    expect(isCalendarDate('19000229')).toBe(false);
  });

  it('a swapped given name and surname: blocked by names_sorted and compared at the given-name level "names swapped"', () => {
    const text = `${header}\nrec-1-org, sophie, snell, 4, x st, , y, 2372, tas, , 111\nrec-1-dup-0, snell, sophie, 47, z rd, , w, 2999, tas, , 222\n` +
      `rec-2-org, ann, lee, 1, a st, , b, 3000, vic, , 333\nrec-2-dup-0, anne, lee, 1, a st, , b, 3000, vic, , 333\n`;
    const { records } = parseFebrl(text, 't.csv');
    expect(records.map((r) => r.names_sorted)).toEqual(['snell sophie', 'snell sophie', 'ann lee', 'anne lee']);
    const res = linkRecords(records, null, febrlComparisons(), febrlBlockingRules(), { seed: 1, u: 'random-pairs', uPairs: 10 });
    const pairs = Array.from(res.pairs.left, (l, p) => `${l}-${res.pairs.right[p]}`);
    expect(pairs).toContain('0-1'); // only the names_sorted rule blocks this pair
    const p01 = pairs.indexOf('0-1'), p23 = pairs.indexOf('2-3');
    const F = res.comparator.fields.length;
    const given = res.comparator.fields.findIndex((f) => f.name === 'given_name');
    const levels = res.comparator.fields[given]!.levels.map((l) => l.label);
    expect(levels[res.gamma[p01 * F + given]!]).toBe('names swapped');
    expect(levels[res.gamma[p23 * F + given]!]).toBe('Jaro-Winkler >= 0.9');
  });

  it('bad files raise EvidenceError naming file, line and column', () => {
    expect(() => parseFebrl('a, b\n', 'x.csv')).toThrow(/x\.csv line 1.*not a FEBRL header/);
    const badId = `${header}\nrecord-1, a, b, , , , , , , , \n`;
    try {
      parseFebrl(badId, 'y.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EvidenceError);
      expect((e as Error).message).toMatch(/y\.csv line 2, column 'rec_id', value "record-1"/);
    }
    expect(() => parseFebrl(`${header}\nrec-1-org, a\n`, 'z.csv')).toThrow(/z\.csv line 2.*2 fields, expected 11/);
    expect(() => loadFebrl(join(dir, 'no-such-file.csv'))).toThrow(/cannot read/);
  });

  it('true links: 500, 1,934 and 6,538 pairs in datasets 1-3 (datasets/reference/febrl/README.md)', () => {
    expect(febrlTrueLinks(loadFebrl(join(dir, 'dataset1.csv')).records).left.length).toBe(500);
    expect(febrlTrueLinks(loadFebrl(join(dir, 'dataset2.csv')).records).left.length).toBe(1934);
    expect(febrlTrueLinks(loadFebrl(join(dir, 'dataset3.csv')).records).left.length).toBe(6538);
  });

  it(`dataset1, unsupervised EM: F1 >= ${F1_FLOOR} from a real run`, () => {
    const data = loadFebrl(join(dir, 'dataset1.csv'));
    expect(data.provenance.rows).toBe(1000);
    const run = runFebrl(data.records, { seed: 7, uPairs: 100_000 });
    expect(run.quality.f1).toBeGreaterThanOrEqual(F1_FLOOR);
    expect(run.result.model.method.m).toBe('em');
    expect(run.result.model.method.u).toBe('frequencies');
    // the model's own FDR estimate is small when precision is high
    expect(run.errorRates.estimatedFdr).toBeLessThan(0.05);
  });
});

describe('FEBRL comparisons compiled to value-id kernels (sqlLevels.ts)', () => {
  it('give the same comparison vectors as the SQL predicates on every candidate pair of dataset3', () => {
    const recs = loadFebrl(join(dir, 'dataset3.csv')).records;
    const fast = linkRecords(recs, null, febrlComparisons(), febrlBlockingRules(), { seed: 7 });
    expect(febrlComparisons().every((c) => typeof c.compileLevels === 'function')).toBe(true);
    const plain = recordComparator(recs, null, comparisonsFromSql<FebrlRecord>(febrlSqlComparisons()));
    const g = plain.compare(fast.pairs.left, fast.pairs.right);
    expect(fast.pairs.left.length).toBeGreaterThan(70_000);
    expect(Buffer.from(fast.gamma).equals(Buffer.from(g))).toBe(true);
    // every non-null level occurs, so the check covers the fuzzy levels
    const F = fast.comparator.fields.length;
    fast.comparator.fields.forEach((f, fi) => f.levels.forEach((l, li) => {
      if (l.isNull) return;
      let seen = false;
      for (let p = 0; p < g.length / F && !seen; p++) seen = g[p * F + fi] === li;
      expect(seen, `${f.name} / ${l.label}`).toBe(true);
    }));
  });

  it('a kernel that disagrees with its predicates is refused', () => {
    const recs = loadFebrl(join(dir, 'dataset1.csv')).records;
    const wrong = febrlComparisons().map((c) => (c.name === 'surname' ? { ...c, compileLevels: () => () => c.levels.length - 1 } : c));
    expect(() => linkRecords(recs, null, wrong, febrlBlockingRules(), { seed: 7 })).toThrow(/surname.*compiled levels and the predicates disagree/);
  });
});
