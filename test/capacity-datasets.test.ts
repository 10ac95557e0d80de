import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { weiboMaimai } from '../src/case/weiboMaimai';
import { accessFeatures, classifyAccess } from '../src/capacity/classify';
import { generateLogsDataset, LOGS_DATASET_SEED } from '../src/capacity/datasets';
import { accountTimestamps, aggregateRequests, loadDailyCounts, loadMonthlyCounts, loadRequestLog } from '../src/capacity/load';
import { analyseRate } from '../src/capacity/rate';
import { committedDataset, expectReadmeDeclaresDataset, expectScriptRegeneratesDataset } from './evidence-helpers';

const committed = committedDataset('capacity');

describe('datasets/capacity (SYNTHETIC)', () => {
  it('the script regenerates every committed file byte for byte', () => {
    expectScriptRegeneratesDataset('capacity', 'capacity-ds-');
  });
  it('the README lists the SHA-256 of each data file and says SYNTHETIC', () => {
    expectReadmeDeclaresDataset(generateLogsDataset(LOGS_DATASET_SEED), LOGS_DATASET_SEED);
  });
  it("monthly totals match the judgment's figures (src/case)", async () => {
    const m = await loadMonthlyCounts(join(committed, 'monthly-visits.csv'), { asOf: '2015-12-31' });
    const get = (a: string, p: string) => m.rows.find((r) => r.account === a && r.period === p)!.visits;
    expect(get('脉脉', '2014-07')).toBe(weiboMaimai.peakMonthlyVisitsMaimaiAccount.value);
    expect(get('淘友网', '2014-08')).toBe(weiboMaimai.peakMonthlyVisitsTaoyouAccount.value);
    const usual = m.rows.filter((r) => r.visits < 5000).map((r) => r.visits);
    expect(usual).toHaveLength(14);
    for (const v of usual) expect(Math.abs(v / weiboMaimai.usualMonthlyVisits.value - 1)).toBeLessThan(0.2);
  });
  it('the request-level, daily and monthly files agree', async () => {
    const log = await loadRequestLog(join(committed, 'requests-2014-07.csv'), { asOf: '2015-12-31', order: 'refuse' });
    const monthly = await loadMonthlyCounts(join(committed, 'monthly-visits.csv'), { asOf: '2015-12-31' });
    for (const r of aggregateRequests(log, 'month').rows) {
      expect(r.period).toBe('2014-07');
      expect(r.visits).toBe(monthly.rows.find((x) => x.account === r.account && x.period === '2014-07')!.visits);
    }
    const daily = await loadDailyCounts(join(committed, 'daily-visits-2014-07.csv'), { asOf: '2015-12-31' });
    expect(aggregateRequests(log, 'day').rows.map((r) => [r.account, r.period, r.visits])).toEqual(daily.rows.map((r) => [r.account, r.period, r.visits]));
  });
  it('脉脉 is automated and 淘友网 human-paced at request level, as generated', async () => {
    const log = await loadRequestLog(join(committed, 'requests-2014-07.csv'), { asOf: '2015-12-31' });
    expect(classifyAccess(accessFeatures(analyseRate(accountTimestamps(log, '脉脉'), { ksReplicates: 0 }))).label).toBe('automated');
    expect(classifyAccess(accessFeatures(analyseRate(accountTimestamps(log, '淘友网'), { ksReplicates: 0 }))).label).toBe('human-paced');
  });
  it('stays small (a few MB at most)', () => {
    let total = 0;
    for (const n of readdirSync(committed)) total += readFileSync(join(committed, n)).length;
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });
});
