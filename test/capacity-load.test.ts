import { describe, expect, it } from 'vitest';
import { accountTimestamps, aggregateRequests, asOfInstant, loadDailyCounts, loadMonthlyCounts, loadRequestLog, visitsInPeriod } from '../src/capacity/load';
import { evidenceFolder, issuesOf } from './evidence-helpers';

const { file } = evidenceFolder('logs-load-');

describe('asOf', () => {
  it('is required and is a CST day end or an instant', () => {
    expect(() => asOfInstant('')).toThrow(/required/);
    expect(asOfInstant('2015-06-30')).toBe(Date.UTC(2015, 5, 30, 16));
    expect(asOfInstant('2015-06-30T12:00:00Z')).toBe(Date.UTC(2015, 5, 30, 12) + 1);
  });
});

describe('loadRequestLog', () => {
  it('reads timestamps without an offset as CST, with offsets as given', async () => {
    const p = file('r1.csv', 'timestamp,account\n2014-07-31 23:59:59,a\n2014-07-31T16:00:00Z,a\n2014-08-01T00:00:01+08:00,b\n');
    const log = await loadRequestLog(p, { asOf: '2015-12-31' });
    expect(Array.from(log.timeMs)).toEqual([Date.UTC(2014, 6, 31, 15, 59, 59), Date.UTC(2014, 6, 31, 16), Date.UTC(2014, 6, 31, 16, 0, 1)]);
    expect(log.accounts).toEqual(['a', 'b']);
    const months = aggregateRequests(log, 'month').rows.map((r) => `${r.account} ${r.period} ${r.visits}`);
    expect(months).toEqual(['a 2014-07 1', 'a 2014-08 1', 'b 2014-08 1']);
    expect(log.provenance.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it('SORTS unsorted rows by default and reports how many were out of order', async () => {
    const p = file('r2.csv', 'timestamp,account\n2014-07-01 10:00:20,a\n2014-07-01 10:00:00,a\n2014-07-01 10:00:10,a\n');
    const log = await loadRequestLog(p, { asOf: '2015-12-31' });
    expect(log.diagnostics.outOfOrder).toBe(1);
    expect(log.diagnostics.sorted).toBe(true);
    expect(Array.from(accountTimestamps(log, 'a'), (t) => t - accountTimestamps(log, 'a')[0]!)).toEqual([0, 10, 20]);
  });
  it("REFUSES unsorted rows with order: 'refuse', naming the line", async () => {
    const p = file('r3.csv', 'timestamp,account\n2014-07-01 10:00:20,a\n2014-07-01 10:00:00,a\n');
    const issues = await issuesOf(loadRequestLog(p, { asOf: '2015-12-31', order: 'refuse' }));
    expect(issues[0]).toMatchObject({ file: 'r3.csv', row: 3, rowKind: 'line', column: 'timestamp' });
  });
  it('REFUSES duplicate rows by default; keeps or drops them on request', async () => {
    const text = 'timestamp,account\n2014-07-01 10:00:00,a\n2014-07-01T02:00:00Z,a\n2014-07-01 10:00:00,b\n';
    const p = file('r4.csv', text);
    const issues = await issuesOf(loadRequestLog(p, { asOf: '2015-12-31' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 3, column: 'timestamp' });
    expect(issues[0]!.message).toMatch(/duplicate of line 2/);
    const kept = await loadRequestLog(p, { asOf: '2015-12-31', duplicates: 'keep' });
    expect(kept.timeMs.length).toBe(3);
    expect(kept.diagnostics.duplicates).toBe(1);
    const dropped = await loadRequestLog(p, { asOf: '2015-12-31', duplicates: 'drop' });
    expect(dropped.timeMs.length).toBe(2);
  });
  it('REFUSES future-dated rows relative to asOf (never the wall clock)', async () => {
    const p = file('r5.csv', 'timestamp,account\n2014-07-01 10:00:00,a\n2015-01-01 00:00:00,a\n');
    const issues = await issuesOf(loadRequestLog(p, { asOf: '2014-12-31' }));
    expect(issues[0]).toMatchObject({ row: 3, column: 'timestamp' });
    expect(issues[0]!.message).toMatch(/future-dated/);
    // the last instant of the as-of day is accepted
    const ok = file('r5b.csv', 'timestamp,account\n2014-12-31 23:59:59,a\n');
    await expect(loadRequestLog(ok, { asOf: '2014-12-31' })).resolves.toBeTruthy();
  });
  it('REFUSES unparseable timestamps', async () => {
    const p = file('r6.csv', 'timestamp,account\n2014-07-01 10:00:00,a\n2014-02-30 10:00:00,a\n');
    const issues = await issuesOf(loadRequestLog(p, { asOf: '2015-12-31' }));
    expect(issues[0]).toMatchObject({ row: 3, column: 'timestamp' });
  });
});

describe('loadMonthlyCounts / loadDailyCounts', () => {
  it('loads, sorts by account and month, lists gaps and partial months', async () => {
    const p = file('m1.csv', 'account,month,visits\nb,2014-07,16000\na,2014-08,9000\na,2014-06,2000\nb,2014-05,2000\n');
    const m = await loadMonthlyCounts(p, { asOf: '2014-08-15' });
    expect(m.rows.map((r) => `${r.account} ${r.period}`)).toEqual(['a 2014-06', 'a 2014-08', 'b 2014-05', 'b 2014-07']);
    expect(m.diagnostics.partialPeriods).toEqual(['2014-08']);
    expect(m.diagnostics.missingPeriods).toEqual([{ account: 'a', period: '2014-07' }, { account: 'b', period: '2014-06' }]);
    expect(visitsInPeriod(m, '2014-07', '2014-08')).toBe(25000);
    expect(visitsInPeriod(m, '2014-07', '2014-08', ['a'])).toBe(9000);
  });
  it('REFUSES negative and fractional counts (schema)', async () => {
    const p = file('m2.csv', 'account,month,visits\na,2014-07,-5\na,2014-08,1.5\n');
    const issues = await issuesOf(loadMonthlyCounts(p, { asOf: '2015-12-31' }));
    expect(issues.map((i) => i.row)).toEqual([2, 3]);
    expect(issues.every((i) => i.column === 'visits')).toBe(true);
  });
  it('REFUSES a repeated (account, month)', async () => {
    const p = file('m3.csv', 'account,month,visits\na,2014-07,100\na,2014-07,200\n');
    const issues = await issuesOf(loadMonthlyCounts(p, { asOf: '2015-12-31' }));
    expect(issues[0]).toMatchObject({ row: 3, column: 'month' });
    expect(issues[0]!.message).toMatch(/line 2/);
  });
  it('REFUSES a month that starts after asOf', async () => {
    const p = file('m4.csv', 'account,month,visits\na,2014-07,100\na,2015-01,200\n');
    const issues = await issuesOf(loadMonthlyCounts(p, { asOf: '2014-12-31' }));
    expect(issues[0]).toMatchObject({ row: 3, column: 'month' });
  });
  it('reads daily counts as CST days and refuses impossible dates', async () => {
    const p = file('d1.csv', 'account,date,visits\na,2014-07-31,3\na,2014-08-01,4\n');
    const d = await loadDailyCounts(p, { asOf: '2015-12-31' });
    expect(d.rows.map((r) => r.visits)).toEqual([3, 4]);
    const bad = file('d2.csv', 'account,date,visits\na,2014-02-29,3\n');
    const issues = await issuesOf(loadDailyCounts(bad, { asOf: '2015-12-31' }));
    expect(issues[0]).toMatchObject({ row: 2, column: 'date' });
  });
});
