/**
 * The layout of a capacity result: every table, figure and sentence that notebook 05-capacity
 * and `profile-provenance capacity` show, built once from the result. Block ids let the notebook
 * show them one at a time (`pp.report.showBlock(report, 'capacity')`).
 */
import { caseFiguresBlock, weiboMaimai as wm } from '../case';
import { maskPhonesInText } from '../report/mask';
import { HEADINGS, type Block } from '../report/document';
import type { InferenceReport } from '../report/inference';
import type { Assumption } from './capacity';
import { AUTOMATION_INDICATORS } from './classify';
import { capacityChart, classifierErrorChart, frontierChart, hourOfDayChart, interArrivalChart, monthlyVisitsChart, rateComparisonChart, type PaceSeries } from './charts';
import type { CapacityResult } from './analysis';

export interface CapacityReportOptions {
  /** Mask phone numbers in account labels (default true). */
  mask?: boolean;
}

/** An assumption as written on the command line: `lo..hi` or one value. */
export function assumptionText(a: Assumption): string {
  return typeof a === 'number' ? String(a) : `${a.min}..${a.max}`;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const lo = (a: Assumption) => (typeof a === 'number' ? a : a.min);
const hi = (a: Assumption) => (typeof a === 'number' ? a : a.max);

export function capacityReport(result: CapacityResult, options: CapacityReportOptions = {}): InferenceReport {
  const mask = options.mask ?? true;
  const text = (s: string) => (mask ? maskPhonesInText(s) : s);
  const { parameters: p, capacity: c, volume } = result;
  const period = `${p.from} to ${p.to}`;
  const cert704 = wm.nonUsersInCertificate704.value;
  const series: PaceSeries = result.accounts.map((a) => ({
    label: text(a.account),
    summary: { records: a.requests, hourOfDay: a.hourOfDay, nightHours: a.nightHours, offsetMinutes: a.offsetMinutes, gaps: { n: a.gapHistogram.n }, histogram: a.gapHistogram },
  }));
  const ev = result.classifier;
  const pace: Block[] = result.accounts.length
    ? [
        {
          id: 'accounts', kind: 'table',
          rows: result.accounts.map(({ hourOfDay: _h, gapHistogram: _g, nightHours: _n, offsetMinutes: _o, ...r }) => ({ ...r, account: text(r.account) })),
          options: { caption: 'Rate analysis and classification per account (CST)', digits: 3 },
        },
        { id: 'paceReading', kind: 'paragraph', text: paceReading(result, text) },
        { id: 'interArrival', kind: 'figure', figure: interArrivalChart(series) },
        { id: 'hourOfDay', kind: 'figure', figure: hourOfDayChart(series) },
      ]
    : [
        { id: 'accounts', kind: 'paragraph', text: 'No request-level log was given: the pace of the accounts is not examined.' },
        { id: 'paceReading', kind: 'paragraph', text: 'No request-level log was given.' },
      ];
  const classifier: Block[] = ev
    ? [
        {
          id: 'classifierErrors', kind: 'table',
          rows: [...ev.outOfSample, ...ev.tuning].map((s) => ({ family: s.family, role: s.role, truth: s.truth, accounts: s.accounts, errors: s.errors, errorRate: s.errorRate, ci95low: s.interval[0], ci95high: s.interval[1], description: s.description })),
          options: { caption: `Classifier error rates per behaviour family: thresholds tuned on ${ev.tuningFamilies.join(' and ')} (seed ${ev.tuningSeed}), held-out families evaluated on fresh accounts (seed ${ev.seed}, ${ev.accountsPerScenario} accounts of ${ev.days} days each; Wilson 95% intervals)`, digits: 3 },
        },
        { id: 'classifierRates', kind: 'paragraph', text: classifierReading(ev) },
        { id: 'classifierChart', kind: 'figure', figure: classifierErrorChart([...ev.outOfSample, ...ev.tuning], { title: `Classifier error rate by behaviour family (held out first; tuned on ${ev.tuningFamilies.join(', ')})` }) },
      ]
    : [
        { id: 'classifierErrors', kind: 'paragraph', text: 'The classifier was not evaluated in this run (accounts per family 0).' },
        { id: 'classifierRates', kind: 'paragraph', text: 'No error rates: the classifier was not evaluated.' },
      ];
  const monthlyRows = result.monthly.rows.map((r) => ({ ...r, account: text(r.account) }));
  return {
    title: { en: 'Crawl capacity: could the logged accounts have gathered the data?', zh: '爬取能力：日志帐号能否获取这些数据？' },
    question: `Could the logged visits of the accounts in ${period} have retrieved the volume of profiles the evidence implies, and does the timing of each account's requests look human-paced or automated?`,
    sections: [
      {
        heading: HEADINGS.method,
        blocks: [
          caseFiguresBlock([
            ['peak visits/month, 脉脉', wm.peakMonthlyVisitsMaimaiAccount],
            ['peak visits/month, 淘友网', wm.peakMonthlyVisitsTaoyouAccount],
            ['usual visits/month', wm.usualMonthlyVisits],
            ['registered users, Aug 2014', wm.registeredUsersAug2014],
            ['share via Weibo login', wm.shareViaWeiboLogin],
            ['non-users in certificate 704', wm.nonUsersInCertificate704],
            ['uploaders in certificate 704', wm.uploadersInCertificate704],
          ]),
          { id: 'caseQuote', kind: 'paragraph', text: wm.peakMonthlyVisitsMaimaiAccount.quote },
          {
            id: 'method', kind: 'paragraph',
            text: 'Distinct profiles ≤ visits × pages per visit × profiles per page × (1 − revisit share). The bound takes the most favourable end of every assumption; the distribution draws each ranged assumption uniformly (seeded Monte Carlo). The platform-scale volume is users × non-users per user × share distinct across users × share carrying occupation/education (certificate 704: 300+ non-users for 3 uploaders).',
          },
          {
            id: 'assumptions', kind: 'keyValues', caption: 'Assumptions (each a parameter of the analysis)',
            values: {
              period, 'pages per visit': assumptionText(p.pagesPerVisit), 'profiles per page': assumptionText(p.profilesPerPage),
              'revisit share': assumptionText(p.revisitShare), users: assumptionText(p.users), 'non-users per user': assumptionText(p.nonUsersPerUser),
              'distinct share': assumptionText(p.distinctShare), 'share with data': assumptionText(p.shareWithData), draws: p.draws, seed: p.seed,
              'prior of the Monte Carlo (a stated choice, not evidence)': 'each ranged assumption independent and uniform on its range',
            },
          },
          {
            id: 'validation', kind: 'table',
            rows: [
              { file: 'monthly', partialPeriods: result.monthly.partialPeriods.join(', ') || 'none', missingPeriods: result.monthly.missingPeriods },
              ...(result.requestDiagnostics ? [{ file: 'requests', outOfOrder: result.requestDiagnostics.outOfOrder, duplicates: result.requestDiagnostics.duplicates, sorted: result.requestDiagnostics.sorted }] : []),
            ],
            options: { caption: 'Validation: what the loaders found (bad rows would have stopped the load)' },
          },
          {
            id: 'indicators', kind: 'table',
            rows: (ev?.indicators ?? AUTOMATION_INDICATORS).map((i) => ({ indicator: i.id, fires: `${i.feature} ${i.op} ${i.threshold}`, meaning: i.meaning, source: i.reference })),
            options: { caption: `Indicators of automation (two of five fire → automated)${ev ? `; thresholds tuned on ${ev.tuningFamilies.join(' and ')} only` : '; published thresholds (not tuned in this run)'}` },
          },
        ],
      },
      {
        heading: HEADINGS.results,
        blocks: [
          { id: 'monthlyChart', kind: 'figure', figure: monthlyVisitsChart({ grain: result.monthly.grain, accounts: result.monthly.accounts.map(text), rows: monthlyRows }) },
          {
            id: 'capacity', kind: 'table',
            rows: [
              { period, visits: c.visits, bound: Math.round(c.bound.distinctProfiles), formula: c.bound.formula, p05: Math.round(c.distribution.quantiles.p05), median: Math.round(c.distribution.quantiles.p50), p95: Math.round(c.distribution.quantiles.p95) },
              { period: 'all logged months', visits: c.visitsAllMonths, bound: Math.round(c.boundAllMonths.distinctProfiles), formula: c.boundAllMonths.formula, p05: null, median: null, p95: null },
            ],
            options: { caption: `Capacity: distinct profiles the logged visits could have retrieved (${p.draws} draws, seed ${p.seed}; 90% range p05–p95)` },
          },
          {
            id: 'frontier', kind: 'table',
            rows: result.frontier.map((r) => ({ pagesPerVisit: r.pagesPerVisit, revisitShare: r.revisitShare, ...Object.fromEntries(Object.entries(r.needed).map(([k, v]) => [`profiles/page needed: ${k}`, v])) })),
            options: { caption: `Frontier over the assumptions: profiles per page the ${c.visits.toLocaleString('en-US')} logged visits would need (combinations with more profiles per page suffice)`, digits: 3 },
          },
          {
            id: 'frontierChart', kind: 'figure',
            figure: frontierChart(result.frontier, {
              assumed: { pagesPerVisit: [lo(p.pagesPerVisit), hi(p.pagesPerVisit)], profilesPerPage: [lo(p.profilesPerPage), hi(p.profilesPerPage)] },
              casePoint: { pagesPerVisit: 1, profilesPerPage: 1, label: 'case reading: 1 page per visit, 1 profile per page' },
            }),
          },
          { id: 'frontierReading', kind: 'paragraph', text: frontierReading(result) },
          { id: 'coverage', kind: 'table', rows: result.coverage, options: { caption: `Volumes against capacity (users counted: ${assumptionText(p.users)})`, digits: 3 } },
          { id: 'coverageReading', kind: 'paragraph', text: coverageReading(result) },
          { id: 'capacityChart', kind: 'figure', figure: capacityChart(c.distribution, [{ label: 'cert. 704', value: cert704 }, { label: 'volume p05', value: volume.p05 }, { label: 'volume median', value: volume.p50 }]) },
          { id: 'rates', kind: 'table', rows: result.rates, options: { caption: `Request rates over ${result.periodSeconds / 86400} days (one profile per request, no revisits)`, digits: 4 } },
          { id: 'rateChart', kind: 'figure', figure: rateComparisonChart(result.rates.map((r) => ({ label: r.rate, perSecond: r.perSecond }))) },
          ...pace,
        ],
      },
      {
        heading: HEADINGS.strength,
        blocks: [
          {
            id: 'coverageShare', kind: 'paragraph',
            text: `Only under a stated prior — each ranged assumption independent and uniform on the range printed in the assumptions table, a choice of the analyst and not evidence — is there a probability: P(capacity ≥ platform-scale volume | that prior) = ${pct(result.shareCapacityCoversVolume)}. Another prior on the same ranges gives another number; the frontier above carries the finding without one. It is not a likelihood ratio: the capacity argument bounds what the logged accounts could have done; it does not weigh two propositions against each other.`,
          },
          ...classifier,
        ],
      },
      {
        heading: HEADINGS.sensitivity,
        blocks: [
          { id: 'breakEven', kind: 'table', rows: result.breakEven, options: { caption: `Break-even: what the logged ${c.visits.toLocaleString('en-US')} visits in ${period} would need (1 page per visit, no revisits)`, digits: 2 } },
          { id: 'weakens', kind: 'paragraph', text: 'The finding weakens if one logged visit retrieved many profiles with their occupation and education (e.g. a list endpoint), if the volume shown was far smaller, or if other, unlogged accounts read the same pages.' },
        ],
      },
    ],
    limitations: [
      'The capacity is an upper bound under the stated assumptions; the implied volume is only as good as its assumption ranges, which are parameters of the analysis.',
      'The classifier can say an account’s timing looks automated; it cannot say a human-paced account did not scrape: a crawler that imitates human pacing passes as human (see its held-out row). Its thresholds were tuned on simulations and its error rates measured on other simulated families; no public request log with labelled robots was available to test it on real traffic.',
      'Logs show only the accounts logged; access through other accounts or channels is outside this analysis.',
    ],
  };
}

/** The coverage table in words (computed from the result, never typed). */
function coverageReading(result: CapacityResult): string {
  return result.coverage
    .map((r) => `${r.volume} (${Math.round(r.profiles).toLocaleString('en-US')} profiles): the capacity bound (${Math.round(result.capacity.bound.distinctProfiles).toLocaleString('en-US')}) ${r.capacityBoundCovers ? 'covers it' : 'falls short of it'}${r.capacityBoundCovers ? '' : ` by a factor of ${(r.profiles / result.capacity.bound.distinctProfiles).toPrecision(2)}`}.`)
    .join(' ');
}

/** The per-account figures in words: B over all gaps, LV, KS p, label. */
function paceReading(result: CapacityResult, text: (s: string) => string): string {
  return result.accounts
    .map((a) => `${text(a.account)}: B over all gaps ${a.burstinessB.toFixed(2)}, local variation LV ${a.localVariation.toFixed(2)} (0 regular, 1 Poisson), KS p ${Number.isNaN(a.ksP) ? 'not computed' : a.ksP.toPrecision(2)}; called ${a.label}${a.indicators === 'none' ? '' : ` (${a.indicators})`}.`)
    .join(' ');
}

/** The frontier in words: for each volume, whether any combination inside the assumed ranges suffices. */
function frontierReading(result: CapacityResult): string {
  return result.frontierInsideAssumptions
    .map((r) => `${r.volume}: at the most favourable end of the assumed pages per visit and revisits, ${r.leastProfilesPerPageNeeded.toPrecision(3)} profiles per page would be needed (${r.sufficientSomewhere ? 'within' : 'beyond'} the assumed maximum of ${r.assumedProfilesPerPageMax}).`)
    .join(' ');
}

/** The held-out error rates in words, and what the rule cannot detect (computed from the rows). */
function classifierReading(ev: NonNullable<CapacityResult['classifier']>): string {
  const rate = (x: { rate: number; interval: [number, number] }) => `${pct(x.rate)} (95% CI ${pct(x.interval[0])}–${pct(x.interval[1])})`;
  const missed = ev.outOfSample.filter((r) => ev.undetectable.includes(r.family));
  return [
    `Out of sample (families never used for tuning): human accounts called automated ${rate(ev.falsePositiveRate)}; automated accounts called human ${rate(ev.falseNegativeRate)}.`,
    missed.length
      ? `What it cannot detect: ${missed.map((r) => `${r.family} (${r.description}; missed in ${pct(r.errorRate)})`).join('; ')}. A "human-paced" label is therefore no evidence that an account did not scrape.`
      : 'No held-out automated family was missed in half or more of its accounts; that says nothing about behaviours not simulated.',
  ].join(' ');
}
