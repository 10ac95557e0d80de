/**
 * `profile-provenance capacity`: could the logged visits of the accounts have gathered the
 * volume of profiles the evidence implies (Weibo v. Maimai, inference 4)? The same steps as
 * notebook 05-capacity, through `src/capacity`: capacity bound and Monte Carlo distribution,
 * implied platform volume, required vs logged request rates, per-account rate analysis and
 * classification (when a request-level log is given), the classifier's measured error rates,
 * and break-even figures.
 */
import type { Command } from 'commander';
import { weiboMaimai as wm } from '../case';
import * as logs from '../capacity';
import { maskPhonesInText } from '../report/mask';
import { HEADINGS, type ReportDocument, type Section } from '../report/document';
import {
  cleanProvenance, commandProgress, commandRunInfo, datasetPath, execute, fileOption, parseIntegerIn, parseMonth, parseDate,
  rangeOption, rangeText, requireFile, usesDefaults, withCommonOptions, UsageError, type CommonOptions,
} from './common';

type Range = number | { min: number; max: number };

interface CapacityOptions extends CommonOptions {
  monthly: string;
  requests: string | false;
  asOf: string;
  from: string;
  to: string;
  pagesPerVisit: Range;
  profilesPerPage: Range;
  revisitShare: Range;
  users: Range;
  nonUsersPerUser: Range;
  distinctShare: Range;
  shareWithData: Range;
  draws: number;
  ksReplicates: number;
  classifierSeed: number;
  accountsPerScenario: number;
}

const DEFAULT_MONTHLY = datasetPath('capacity', 'monthly-visits.csv');
const DEFAULT_REQUESTS = datasetPath('capacity', 'requests-2014-07.csv');
const WEIBO_LOGIN_USERS = wm.registeredUsersAug2014.value * wm.shareViaWeiboLogin.value;

export function registerCapacity(program: Command, setCode: (c: number) => void): void {
  const cmd = program
    .command('capacity')
    .summary('could the logged visits have gathered the data? (crawl capacity, request rates, pace of each account)')
    .description(
      'Crawl capacity (Weibo v. Maimai, inference 4; notebook 05-capacity). Reads per-account monthly visit ' +
        'counts (and optionally a request-level log), bounds the distinct profiles the logged visits could have ' +
        'retrieved, draws the capacity under ranged assumptions (seeded Monte Carlo), sets it against the platform-' +
        'scale volume the evidence implies, compares the request rate a crawler would need with the logged rate, and ' +
        'classifies the pace of each account in the request log (human-paced / automated) with measured error rates. ' +
        'Ranges are written lo..hi (drawn uniformly) or as one fixed value.',
    )
    .addOption(fileOption('--monthly <file>', 'monthly counts: CSV/XLSX/JSON with columns account, month (YYYY-MM, CST), visits', DEFAULT_MONTHLY))
    .addOption(fileOption('--requests <file>', 'request-level log: columns timestamp (ISO, offset or CST), account', DEFAULT_REQUESTS))
    .option('--no-requests', 'no request-level log: skip the per-account pace analysis')
    .option('--as-of <date>', 'rows after this date are refused as future-dated (never the wall clock)', parseDate('--as-of'), '2015-12-31')
    .option('--from <month>', 'first month of the period examined (YYYY-MM)', parseMonth('--from'), '2014-07')
    .option('--to <month>', 'last month of the period examined (YYYY-MM)', parseMonth('--to'), '2014-08')
    .addOption(rangeOption('--pages-per-visit <range>', 'pages retrieved per logged visit', 0, Infinity, { min: 1, max: 3 }))
    .addOption(rangeOption('--profiles-per-page <range>', 'profiles with the data shown per page', 0, Infinity, { min: 1, max: 5 }))
    .addOption(rangeOption('--revisit-share <range>', 'share of retrieved profiles already seen (0-1)', 0, 1, { min: 0, max: 0.5 }))
    .addOption(rangeOption('--users <range>', 'users whose networks showed non-users (default: the ~20% of the 800,000 August-2014 users who logged in with Weibo)', 0, Infinity, WEIBO_LOGIN_USERS))
    .addOption(rangeOption('--non-users-per-user <range>', 'non-users shown per user (certificate 704: 300+ for 3 uploaders)', 0, Infinity, { min: 50, max: 150 }))
    .addOption(rangeOption('--distinct-share <range>', 'share of shown non-users distinct across users (0-1)', 0, 1, { min: 0.1, max: 0.5 }))
    .addOption(rangeOption('--share-with-data <range>', 'share of those profiles carrying occupation/education (0-1)', 0, 1, { min: 0.3, max: 0.7 }))
    .option('--draws <n>', 'Monte Carlo draws', parseIntegerIn('--draws', 100, 10_000_000), 10_000)
    .option('--ks-replicates <n>', 'Monte Carlo replicates of the KS test per account (0 skips the p-value)', parseIntegerIn('--ks-replicates', 0, 100_000), 199)
    .option('--classifier-seed <n>', 'seed of the classifier evaluation on simulated accounts', parseIntegerIn('--classifier-seed', 0), 2)
    .option('--accounts-per-scenario <n>', 'simulated accounts per scenario to measure the classifier (0 skips it)', parseIntegerIn('--accounts-per-scenario', 0, 100_000), 100);
  withCommonOptions(cmd, 7);
  cmd.addHelpText(
    'after',
    '\nOutput: <out>/capacity.json (inputs with SHA-256, parameters, capacity bound and quantiles, implied volume,\n' +
      'coverage, rates, per-account rate analysis and label, classifier error rates, break-even figures) and\n' +
      '<out>/capacity.html (the expert report). Phone numbers in account labels are masked unless --unmask.\n\n' +
      'Example:\n  npx profile-provenance capacity --monthly visits.csv --no-requests --as-of 2015-06-30 --from 2014-07 --to 2014-08 -o out\n',
  );
  cmd.action(async (o: CapacityOptions) => setCode(await execute(o, () => runCapacity(o))));
}

async function runCapacity(o: CapacityOptions) {
  if (o.from > o.to) throw new UsageError(`--from ${o.from} is after --to ${o.to}`);
  const monthlyPath = requireFile('--monthly', o.monthly);
  const requestsPath = o.requests === false ? null : requireFile('--requests', o.requests);
  const synthetic = usesDefaults([[o.monthly, DEFAULT_MONTHLY], ...(o.requests === false ? [] : [[o.requests, DEFAULT_REQUESTS] as [string, string]])]);
  const label = (s: string) => (o.unmask ? s : maskPhonesInText(s));

  const monthly = await logs.loadMonthlyCounts(monthlyPath, { asOf: o.asOf });
  const requests = requestsPath ? await logs.loadRequestLog(requestsPath, { asOf: o.asOf }) : null;
  const bar = commandProgress(o, 3 + (requests?.accounts.length ?? 0), 'capacity');

  // 1. capacity
  const assumptions = { pagesPerVisit: o.pagesPerVisit, profilesPerPage: o.profilesPerPage, revisitShare: o.revisitShare };
  const visits = logs.visitsInPeriod(monthly, o.from, o.to);
  if (visits === 0) throw new UsageError(`no visits in ${o.from} to ${o.to} in ${monthly.provenance?.fileName ?? o.monthly}: check --from/--to`);
  const visitsAll = logs.visitsInPeriod(monthly, '0000-00', '9999-99');
  const bound = logs.capacityBound(visits, assumptions);
  const boundAll = logs.capacityBound(visitsAll, assumptions);
  const cap = logs.capacityDistribution(visits, assumptions, { draws: o.draws, seed: o.seed });
  bar.tick();

  // 2. implied volume
  const volume = logs.impliedPlatformVolume(
    { users: o.users, nonUsersPerUser: o.nonUsersPerUser, distinctShare: o.distinctShare, shareWithData: o.shareWithData },
    { draws: o.draws, seed: o.seed + 1 },
  );
  const cert704 = wm.nonUsersInCertificate704.value;
  const volumes = [
    { volume: 'certificate 704 (3 uploaders)', profiles: cert704 },
    { volume: 'platform scale: low end', profiles: volume.lower },
    { volume: 'platform scale: median', profiles: Math.round(volume.p50) },
    { volume: 'platform scale: high end', profiles: volume.upper },
  ];
  const coverage = volumes.map((v) => ({
    ...v,
    capacityBoundCovers: bound.distinctProfiles >= v.profiles,
    shareOfDrawsCovering: logs.shareReaching(cap, v.profiles),
  }));
  const pCover = logs.shareCapacityCovers(cap, volume);

  // 3. rates
  const [p0] = logs.monthBounds(o.from);
  const [, p1] = logs.monthBounds(o.to);
  const periodSeconds = (p1 - p0) / 1000;
  const logged = logs.loggedRate(visits, periodSeconds);
  const rateRows = [
    { label: `logged: all accounts, ${o.from} to ${o.to}`, perSecond: logged },
    { label: 'needed: certificate 704 volume', perSecond: logs.requiredRequestRate({ profiles: cert704, periodSeconds }).perSecond },
    { label: 'needed: platform volume, low end', perSecond: logs.requiredRequestRate({ profiles: volume.lower, periodSeconds }).perSecond },
    { label: 'needed: platform volume, median', perSecond: logs.requiredRequestRate({ profiles: volume.p50, periodSeconds }).perSecond },
    { label: '"fetching pages by the second"', perSecond: 1 },
  ];
  const rates = rateRows.map((r) => ({ rate: r.label, perSecond: r.perSecond, perDay: r.perSecond * 86400, timesLogged: r.perSecond / logged }));
  bar.tick();

  // 4. pace per account
  const summaries: Array<{ label: string; summary: logs.InMemoryRateSummary }> = [];
  if (requests) {
    for (const a of requests.accounts) {
      summaries.push({ label: label(a), summary: logs.analyseRate(logs.accountTimestamps(requests, a), { ksReplicates: o.ksReplicates, seed: o.seed }) });
      bar.tick();
    }
  }
  const accounts = summaries.map(({ label: account, summary: s }) => {
    const c = logs.classifyAccess(logs.accessFeatures(s));
    return {
      account, requests: s.records, medianGapS: s.gaps.quantiles.p50, cv: s.gaps.cv, burstinessB: s.gaps.burstiness,
      withinSessionB: s.withinSession.burstiness, localVariation: s.localVariation, regularity: s.regularity, ksD: s.ksTest.d, ksP: s.ksTest.pValue,
      nightShare: s.nightShare, peakPerMinute: s.peaks.perMinute, requestsPerSession: s.sessions.meanRequests,
      label: c.label, indicators: c.fired.join(', ') || 'none', hourOfDay: s.hourOfDay,
    };
  });
  const ev = o.accountsPerScenario > 0 ? logs.evaluateClassifier({ seed: o.classifierSeed, accountsPerScenario: o.accountsPerScenario }) : null;
  bar.tick();
  bar.done();

  // 5. break-even
  const breakEven = volumes.map((v) => ({
    ...v, profilesPerPageNeeded: logs.breakEvenProfilesPerPage(v.profiles, visits), visitsNeededAt1PerPage: v.profiles, timesLoggedVisits: v.profiles / visits,
  }));

  const provenance = [monthly.provenance, ...(requests ? [requests.provenance] : [])].filter((p) => p !== null).map(cleanProvenance);
  const parameters = {
    monthly: provenance[0]!.path, requests: requests ? provenance[1]!.path : null, asOf: o.asOf, from: o.from, to: o.to,
    pagesPerVisit: o.pagesPerVisit, profilesPerPage: o.profilesPerPage, revisitShare: o.revisitShare,
    users: o.users, nonUsersPerUser: o.nonUsersPerUser, distinctShare: o.distinctShare, shareWithData: o.shareWithData,
    draws: o.draws, ksReplicates: o.ksReplicates, classifierSeed: o.classifierSeed, accountsPerScenario: o.accountsPerScenario,
  };
  const run = commandRunInfo('capacity', o, { synthetic });
  const capacityResult = {
    visits, visitsAllMonths: visitsAll, bound, boundAllMonths: boundAll,
    distribution: { draws: cap.draws, seed: cap.seed, mean: cap.mean, min: cap.min, max: cap.max, quantiles: cap.quantiles },
  };
  const volumeResult = { lower: volume.lower, upper: volume.upper, p05: volume.p05, p50: volume.p50, p95: volume.p95, draws: volume.draws, seed: volume.seed };
  const classifier = ev && {
    seed: ev.seed, days: ev.days, accountsPerScenario: ev.accountsPerScenario,
    falsePositiveRate: ev.falsePositiveRate, falseNegativeRate: ev.falseNegativeRate, scenarios: ev.scenarios,
  };
  const results = {
    run, inputs: provenance, parameters, capacity: capacityResult, volume: volumeResult, coverage,
    shareCapacityCoversVolume: pCover, periodSeconds, rates, accounts, classifier, breakEven,
  };

  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const sections: Section[] = [
    {
      heading: HEADINGS.method,
      blocks: [
        { kind: 'paragraph', text: 'Distinct profiles ≤ visits × pages per visit × profiles per page × (1 − revisit share). The bound takes the most favourable end of every assumption; the distribution draws each ranged assumption uniformly (seeded Monte Carlo). The platform-scale volume is users × non-users per user × share distinct across users × share carrying occupation/education (certificate 704: 300+ non-users for 3 uploaders).' },
        {
          kind: 'keyValues', caption: 'Assumptions (each a parameter of this command)',
          values: {
            period: `${o.from} to ${o.to}`, 'pages per visit': rangeText(o.pagesPerVisit), 'profiles per page': rangeText(o.profilesPerPage),
            'revisit share': rangeText(o.revisitShare), users: rangeText(o.users), 'non-users per user': rangeText(o.nonUsersPerUser),
            'distinct share': rangeText(o.distinctShare), 'share with data': rangeText(o.shareWithData), draws: o.draws, seed: o.seed,
          },
        },
        ...(requests ? [{ kind: 'paragraph' as const, text: 'Pace of each account: inter-arrival times, burstiness B (Goh & Barabási 2008), local variation LV (Shinomoto et al. 2003), Kolmogorov–Smirnov test against exponential gaps (Lilliefors 1969, Monte Carlo p), share of requests at night (Stevanovic et al. 2012), peaks per minute; a points rule over published indicators of automation (two of five fire → automated).' }] : []),
        ...(requests ? [{ kind: 'table' as const, rows: logs.AUTOMATION_INDICATORS.map((i) => ({ indicator: i.id, fires: `${i.feature} ${i.op} ${i.threshold}`, meaning: i.meaning, source: i.reference })), options: { caption: 'Indicators of automation' } }] : []),
      ],
    },
    {
      heading: HEADINGS.results,
      blocks: [
        { kind: 'figure', figure: logs.monthlyVisitsChart(relabel(monthly, label)) },
        {
          kind: 'table',
          rows: [
            { period: `${o.from} to ${o.to}`, visits, bound: Math.round(bound.distinctProfiles), formula: bound.formula, p05: Math.round(cap.quantiles.p05), median: Math.round(cap.quantiles.p50), p95: Math.round(cap.quantiles.p95) },
            { period: 'all logged months', visits: visitsAll, bound: Math.round(boundAll.distinctProfiles), formula: boundAll.formula, p05: null, median: null, p95: null },
          ],
          options: { caption: `Capacity: distinct profiles the logged visits could have retrieved (${o.draws} draws, seed ${o.seed}; 90% range p05–p95)` },
        },
        { kind: 'table', rows: coverage, options: { caption: 'Volumes against capacity', digits: 3 } },
        { kind: 'figure', figure: logs.capacityChart(cap, [{ label: 'cert. 704', value: cert704 }, { label: 'volume p05', value: volume.p05 }, { label: 'volume median', value: volume.p50 }]) },
        { kind: 'table', rows: rates, options: { caption: `Request rates over ${periodSeconds / 86400} days (one profile per request, no revisits)`, digits: 4 } },
        ...(accounts.length
          ? [
              { kind: 'table' as const, rows: accounts.map(({ hourOfDay: _h, ...r }) => r), options: { caption: 'Rate analysis and classification per account (CST)', digits: 3 } },
              { kind: 'figure' as const, figure: logs.interArrivalChart(summaries) },
              { kind: 'figure' as const, figure: logs.hourOfDayChart(summaries) },
            ]
          : [{ kind: 'paragraph' as const, text: 'No request-level log was given: the pace of the accounts is not examined.' }]),
      ],
    },
    {
      heading: HEADINGS.strength,
      blocks: [
        { kind: 'paragraph', text: `Over all pairs of draws of capacity and platform-scale volume, the logged visits cover the implied volume in ${pct(pCover)} of cases. This is a probability under the stated assumption ranges, not a likelihood ratio: the capacity argument bounds what the logged accounts could have done; it does not weigh two propositions against each other.` },
        ...(ev
          ? [
              { kind: 'table' as const, rows: ev.scenarios.map((s) => ({ scenario: s.scenario, truth: s.truth, accounts: s.accounts, errors: s.errors, errorRate: s.errorRate, ci95low: s.interval[0], ci95high: s.interval[1], description: s.description })), options: { caption: `Classifier error rates on simulated accounts with known labels (seed ${ev.seed}, ${ev.days} days each)`, digits: 3 } },
              { kind: 'paragraph' as const, text: `False-positive rate (human called automated): ${pct(ev.falsePositiveRate.rate)} (95% CI ${pct(ev.falsePositiveRate.interval[0])}–${pct(ev.falsePositiveRate.interval[1])}). False-negative rate (automated called human): ${pct(ev.falseNegativeRate.rate)} (95% CI ${pct(ev.falseNegativeRate.interval[0])}–${pct(ev.falseNegativeRate.interval[1])}).` },
              { kind: 'figure' as const, figure: logs.classifierErrorChart(ev) },
            ]
          : [{ kind: 'paragraph' as const, text: 'The classifier was not evaluated in this run (--accounts-per-scenario 0).' }]),
      ],
    },
    {
      heading: HEADINGS.sensitivity,
      blocks: [
        { kind: 'table', rows: breakEven, options: { caption: `Break-even: what the logged ${visits.toLocaleString('en-US')} visits in ${o.from} to ${o.to} would need (1 page per visit, no revisits)`, digits: 2 } },
        { kind: 'paragraph', text: 'The finding weakens if one logged visit retrieved many profiles with their occupation and education (e.g. a list endpoint), if the volume shown was far smaller, or if other, unlogged accounts read the same pages.' },
      ],
    },
  ];
  const document: ReportDocument = {
    title: { en: 'Crawl capacity: could the logged accounts have gathered the data?', zh: '爬取能力：日志帐号能否获取这些数据？' },
    question: `Could the logged visits of the accounts in ${o.from} to ${o.to} have retrieved the volume of profiles the evidence implies, and does the timing of each account's requests look human-paced or automated?`,
    ...(synthetic
      ? {
          synthetic: {
            dataset: 'datasets/capacity', generator: 'src/capacity/datasets.ts generateLogsDataset', seed: logs.LOGS_DATASET_SEED,
            imitates: 'peaks of 16,000 (脉脉) and 9,000 (淘友网) visits a month in Jul-Aug 2014, otherwise ~2,000 (FACTS inference 4)',
            files: provenance.map((p) => String(p.fileName)),
          },
        }
      : {}),
    provenance,
    sections,
    limitations: [
      'The capacity is an upper bound under the stated assumptions; the implied volume is only as good as its assumption ranges, which are parameters of this command.',
      'The classifier can say an account’s timing looks automated; it cannot say a human-paced account did not scrape (a patient crawler can imitate human timing). Its thresholds were set on simulations, not labelled logs.',
      'Logs show only the accounts logged; access through other accounts or channels is outside this analysis.',
    ],
    runInfo: { ...run, parameters: JSON.stringify(parameters) },
    lang: o.lang,
  };
  return { command: 'capacity', results, document };
}

/** The monthly counts with account labels masked for display (the chart shows account names). */
function relabel(c: logs.CountLog, label: (s: string) => string): logs.CountLog {
  return { ...c, accounts: c.accounts.map(label), rows: c.rows.map((r) => ({ ...r, account: label(r.account) })) };
}
