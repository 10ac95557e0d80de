/**
 * Each command end to end on the committed synthetic datasets: exit 0, <command>.json and
 * <command>.html written, the report carries the expert-report sections, the provenance manifest
 * (SHA-256 of each evidence file as committed), the synthetic label, and results that follow
 * from the data (not hard-coded): checked against independent facts of each dataset.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HEADINGS } from '../src/report/document';
import { ROOT, cleanup, readOut, runCommand, tempDir } from './cli-helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

const sha = (rel: string) => createHash('sha256').update(readFileSync(join(ROOT, rel))).digest('hex');

async function run(command: string, extra: string[] = []) {
  const dir = tempDir(`cli-${command}`);
  dirs.push(dir);
  const r = await runCommand(command, extra, dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const { json, html } = readOut(dir, command);
  return { results: JSON.parse(json) as Record<string, any>, html };
}

function expectReport(html: string, files: string[]) {
  for (const h of Object.values(HEADINGS)) expect(html).toContain(`${h.zh} / ${h.en}`);
  expect(html).toContain('SYNTHETIC DATA');
  for (const f of files) expect(html).toContain(sha(f));
}

describe('profile-provenance <command> on the committed datasets', () => {
  it('match: every displayed profile compared; rates far above the within-network baseline; one LR per alternative', async () => {
    const { results, html } = await run('match');
    expectReport(html, ['datasets/matching/displayed.csv', 'datasets/matching/source.csv', 'datasets/matching/truth.csv']);
    const shown = readFileSync(join(ROOT, 'datasets/matching/displayed.csv'), 'utf8').trim().split('\n').length - 1;
    expect(results.profiles).toHaveLength(shown);
    expect(results.rates.overall.profiles).toBe(shown);
    const all = results.baseline.statistics.find((s: { name: string }) => s.name === 'allShownAgree');
    expect(all.observed).toBe(results.rates.overall.k);
    expect(all.expected).toBeLessThan(all.observed / 10);
    expect(results.propositions.map((p: { id: string }) => p.id)).toEqual(['unrelated', 'self-entry', 'address-book', 'avatar-app', 'cf']);
    for (const p of results.propositions) {
      expect(p.perUploader.map((g: { group: string }) => g.group).sort()).toEqual(['U1', 'U2', 'U3']);
      expect(p.log10Lr).toBe(Math.min(...p.perUploader.map((g: { log10Lr: number }) => g.log10Lr))); // median-min
    }
    expect(Object.keys(results.profiles[0].log10LrVs).sort()).toEqual(['address-book', 'avatar-app', 'cf', 'self-entry', 'unrelated']);
    expect(results.rates.byFieldsShown.reduce((a: number, r: { profiles: number }) => a + r.profiles, 0)).toBeLessThanOrEqual(shown);
    const un = results.truth.rows.find((r: { alternative: string }) => r.alternative === 'unrelated');
    expect(un.tp + un.fn).toBe(320); // the dataset README: 320 of 336 copied
    expect(results.truth.missingFromKey).toBe(0);
  });

  it('capacity: monthly visits of the period, bound = visits x max pages x max profiles, one automated account', async () => {
    const { results, html } = await run('capacity');
    expectReport(html, ['datasets/capacity/monthly-visits.csv', 'datasets/capacity/requests-2014-07.csv']);
    // visits in 2014-07..2014-08 recomputed from the CSV itself
    const rows = readFileSync(join(ROOT, 'datasets/capacity/monthly-visits.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const visits = rows.filter((r) => r[1]! >= '2014-07' && r[1]! <= '2014-08').reduce((s, r) => s + Number(r[2]), 0);
    expect(results.capacity.visits).toBe(visits);
    expect(results.capacity.bound.distinctProfiles).toBe(visits * 3 * 5);
    expect(results.inputs.map((p: { sha256: string }) => p.sha256)).toEqual([sha('datasets/capacity/monthly-visits.csv'), sha('datasets/capacity/requests-2014-07.csv')]);
    expect(results.inputs[0].loadedAt).toBeUndefined();
    const labels = Object.fromEntries(results.accounts.map((a: { account: string; label: string }) => [a.account, a.label]));
    expect(labels).toEqual({ 脉脉: 'automated', 淘友网: 'human-paced' }); // the dataset README: 脉脉 simulated as a crawler
    expect(results.classifier.accountsPerScenario).toBe(5);
  });

  it('capacity --no-requests: monthly counts only, no pace analysis', async () => {
    const { results, html } = await run('capacity', ['--no-requests', '--accounts-per-scenario', '0', '--lang', 'en']);
    expect(results.accounts).toEqual([]);
    expect(results.classifier).toBeNull();
    expect(results.inputs).toHaveLength(1);
    expect(html).toContain('<h2>Results</h2>');
    expect(html).not.toContain('结果');
  });

  it('retention: each capture against the claim; the captures after the claimed completion contradict it', async () => {
    const { results, html } = await run('retention');
    expectReport(html, ['datasets/retention/claim.json', 'datasets/retention/observations.csv']);
    expect(results.comparison).toHaveLength(7);
    expect(results.claimCompletion).toBe('2015-03-31');
    const late = results.comparison.filter((r: { date: string }) => r.date > '2015-03-31');
    expect(late.length).toBeGreaterThan(0);
    for (const r of late) expect(r.contradicts).toBe(r.sourceOrigin > 0);
    expect(results.fit.halfLifeDays).toBeGreaterThan(100); // generated with a 180-day half-life
    expect(results.fit.halfLifeDays).toBeLessThan(300);
  });

  it('shadow: the planted non-user has 36 friends waiting and 119 recommended contacts at theta 0.5 (the SMS figures)', async () => {
    const { results, html } = await run('shadow');
    expectReport(html, ['datasets/shadow/address_books.csv', 'datasets/shadow/users.csv', 'datasets/shadow/persons.csv', 'datasets/shadow/ties.csv']);
    expect(results.profile.friendsWaiting).toBe(36);
    expect(results.profile.recommended.count).toBe(119);
    expect(results.profile.token).toMatch(/^ph:[a-p]{16}$/);
    expect(results.truth.labelEvaluation.nonUsers).toBeGreaterThan(0);
    expect(results.run.keyFingerprint).toMatch(/^kf:[a-p]{8}$/);
  });

  it('avatars: every displayed avatar attributed; the summary counts add up', async () => {
    const { results, html } = await run('avatars');
    expectReport(html, ['datasets/avatars/manifest.csv']);
    const s = results.summary;
    expect(s.displayed).toBe(80);
    expect(results.attribution).toHaveLength(80);
    expect(s.onlyReference + s.severalWithReference + s.none + Object.values(s.onlyClaimed as Record<string, number>).reduce((a, b) => a + b, 0) + s.severalClaimedOnly).toBe(80);
    expect(results.images).toHaveLength(301);
    expect(results.groundTruth.length).toBeGreaterThan(0);
  });

  it('plausibility: p* far below the accuracy 300 of 300 needs; the LR favours copying', async () => {
    const { results, html } = await run('plausibility');
    expectReport(html, ['datasets/collaborative-filtering/graph-5k.edges', 'datasets/collaborative-filtering/attributes-5k.csv']);
    expect(results.simulation.targets).toBe(150);
    expect(results.pStarUpper).toBeLessThan(results.test.requiredAccuracy);
    expect(results.test.binomial.reject).toBe(true);
    expect(results.test.lr.log10).toBeGreaterThan(6);
    expect(results.test.lr.verbal.band).toBe('extremely-strong');
    expect(results.sensitivityGrid.cells).toHaveLength(1);
    // Output contract (issue 14).
    for (const f of results.simulation.perField) expect(f.targetsWithKnownValue).toBeGreaterThan(0);
    expect(results.selective.length).toBeGreaterThan(0);
    for (const c of results.selective) expect(c.precision).toHaveLength(c.coverage.length);
    expect(results.holders.perHolderCount.map((h: { holders: number }) => h.holders)).toEqual([1, 2, 3, 5, 10, 20, 36, 50]);
    expect(results.holders.distribution.scenarios[0].pmf.length).toBeGreaterThan(0);
    expect(results.test.units).toHaveLength(3);
    expect(results.test.pValueByRho.at(-1)[0]).toBe(1);
    expect(results.test.pValueByRho.at(-1)[1]).toBeGreaterThan(results.test.pValueByRho[0][1]);
  });

  it('link: links checked against the answer key, model-estimated error rates stated', async () => {
    const { results, html } = await run('link');
    expectReport(html, ['datasets/linkage/displayed.csv', 'datasets/linkage/source.csv', 'datasets/linkage/truth.csv']);
    expect(results.counts.displayed).toBe(320);
    expect(results.links).toHaveLength(320);
    const q = results.truth.quality[0];
    expect(q.trueLinks).toBe(256);
    expect(q.precision).toBeGreaterThan(0.9);
    expect(results.errorRates[0].estimatedFdr).toBeLessThan(0.1);
    expect(results.strengthBands.length).toBeGreaterThan(0);
  });
});
