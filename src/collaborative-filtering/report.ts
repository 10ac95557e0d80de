/**
 * The layout of a collaborative-filtering result: every table, figure and sentence that notebook
 * 04-collaborative-filtering and `profile-provenance collaborative-filtering` show, built once from
 * the result. Block ids let the notebook show them one at a time
 * (`pp.report.showBlock(report, 'holdersByCount')`). Every sentence with a number is computed here.
 *
 * @example
 * const report = collaborativeFilteringReport(result, { mask: true });
 * reportBlocks(report).map((b) => b.id); // ['propositions', 'method', 'perField', …]
 */
import { HEADINGS, type Block, type Section } from '../report/document';
import type { InferenceReport } from '../report/inference';
import { maskPhonesInText } from '../report/mask';
import { pivot } from '../report/pivot';
import { meanBy } from '../stats/meanBy';
import { logBinomialPmf } from '../stats/logBinomialPmf';
import { caseFigureRows, wangMiao, weiboMaimai as wm } from '../case';
import type { CollaborativeFilteringResult } from './analysis';
import {
  accuracyVsShareChart, calibrationChart, fanoByShareChart, fanoCeilingChart, holdersChart, likelihoodChart, methodComparisonChart,
  pValueByRhoChart, selectiveChart, sensitivityHeatmap,
} from './charts';
import { METHOD_LABELS, type MethodName } from './methods';

export interface CollaborativeFilteringReportOptions {
  /** Mask phone numbers in free text (default true). */
  mask?: boolean;
}

const label = (m: string) => METHOD_LABELS[m as MethodName | 'copyCeiling'] ?? m;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pow10 = (l: number) => (l === -Infinity ? '0' : l > -4 ? (10 ** l).toPrecision(2) : `10^${l.toFixed(1)}`);

/** The conclusion of notebook 04, worded from the figures (each sentence reads a number of the result). */
export function collaborativeFilteringConclusions(r: CollaborativeFilteringResult): string[] {
  const p = r.parameters;
  const t = r.test;
  const out: string[] = [];
  const jointBest = r.simulation.best;
  out.push(
    `On the evidence graph, the best joint accuracy (all of ${p.fields.join(', ')} right at once) over ${r.simulation.jointTargetsWithKnownValue} simulated non-users, each seen through every registered contact (mean ${r.simulation.holdersSeen.mean.toFixed(1)} holders), is ${pct(jointBest.accuracy)} (${label(jointBest.method)}); its upper 95% bound p* = ${r.pStarUpper.toFixed(4)} is ${r.pStarUpper < t.requiredAccuracy ? 'below' : 'at or above'} the ${t.requiredAccuracy.toFixed(4)} per profile that ${p.k} of ${p.n} independent profiles need, and ${r.pStarUpper < t.clusterRequiredAccuracy ? 'below' : 'at or above'} the ${t.clusterRequiredAccuracy.toFixed(4)} needed when profiles cluster by uploader (rho = ${p.rho}).`,
  );
  const rho1 = t.pValueByRho.find(([rho]) => rho === 1);
  const l1 = t.log10PValueByRho.find(([rho]) => rho === 1);
  if (rho1 && l1) {
    out.push(
      `With the ${t.units.length} notarised uploaders as the unit, the p-value of ${p.k} of ${p.n} under H_cf runs from ${pow10(t.log10PValueByRho[0]![1])} (independent profiles) to ${pow10(l1[1])} at rho = 1 (each uploader's profiles all right or all wrong); ${rho1[1] < p.alpha ? `even at rho = 1 it stays below α = ${p.alpha}` : `at rho = 1 it is above α = ${p.alpha}, so the rejection rests on profiles being at least partly independent`}.`,
    );
  }
  const rows = r.holders.perHolderCount;
  const maxH = rows.at(-1);
  if (maxH) {
    const plausibleAt = rows.find((x) => x.pStar >= t.requiredAccuracy);
    out.push(
      `More holders help the fields they share: in the model, with ${maxH.holders} holders, ${maxH.model.perField.map((f) => `${f.field} ${pct(f.vote)} by vote (copy ceiling ${pct(f.copyCeiling)})`).join(', ')}; the joint accuracy ${plausibleAt ? `reaches the required ${t.requiredAccuracy.toFixed(3)} from ${plausibleAt.holders} holders on` : `stays at or below ${pct(Math.max(...rows.map((x) => x.pStar)))} at every holder count from ${rows[0]!.holders} to ${maxH.holders}`}.`,
    );
  }
  for (const m of r.holders.mixture) {
    out.push(`Averaged over the holder-count distribution "${m.label}", p* = ${m.pStar.toPrecision(3)} and the uploader-cluster p-value is ${m.clusterPValue.toPrecision(2)}.`);
  }
  const bj = r.display.bestJoint;
  const rate = r.display.rows.map((x) => x.displayRate);
  out.push(
    `Selective display: ${p.n} shown profiles imply a display rate of ${pct(Math.min(...rate))} to ${pct(Math.max(...rate))} of the non-users in ${t.units.length} address books (book sizes ${r.display.rows.map((x) => x.addressBookSize).join(', ')}); ${bj?.plausibleCoverage ? `${label(bj.method)} reaches the needed precision on its most confident ${pct(bj.plausibleCoverage)}` : `no method's most confident predictions reach the needed joint precision ${r.display.requiredPrecision.toFixed(3)} at any coverage computed (down to ${pct(Math.min(...p.coverages))})`}.`,
  );
  const cfOnly = r.direct[0];
  const all = r.direct.find((d) => d.kinds.includes('copying') && d.kinds.includes('inference') && d.fieldsCopied.length === Math.max(...r.direct.map((x) => x.fieldsCopied.length)));
  if (cfOnly && all) {
    out.push(
      `Direct information is copying from the source, not inference: adding the sources the defendant named (${all.fieldsCopied.join(', ') || 'no compared field'} copied) raises the share of profiles explained from ${pct(cfOnly.explained)} (CF alone) to ${pct(all.explained)}; ${all.fieldsInferred.length ? `${all.fieldsInferred.join(' and ')} must still be inferred` : 'no field is left to inference'}.`,
    );
  }
  const e = r.expertRatio;
  out.push(
    `The court's comparison: an observed agreement of ${pct(e.observedAgreement)} against a stated ratio of ${pct(e.stated)} (a parameter: the write-up does not give it) ${e.exceeds ? 'exceeds it' : 'does not exceed it'}; the simulation-based p* is ${e.simulationPStar.toFixed(4)}.`,
  );
  if (r.validation) {
    for (const s of r.validation.byGraph) {
      out.push(`Known error rate of a CF-accuracy estimate on a real graph (${s.graph}, split halves): the held-out accuracy fell outside the estimate's 95% interval in ${s.misses} of ${s.cells} cells (${pct(s.missRate)}); mean absolute error ${s.meanAbsError.toFixed(3)}.`);
    }
  }
  if (r.calibration) out.push(realGraphsSentence(r.calibration, r.parameters.snapShares));
  return out;
}

type Calibration = NonNullable<CollaborativeFilteringResult['calibration']>;
const BASELINES = new Set(['copyCeiling', 'mostFrequent']);

/** Best method per real graph and attribute at one known share, with its denominator, the baseline and the copy ceiling. */
function bestPerColumn(cal: Calibration, share: number): Array<{ graph: string; attribute: string; method: string; accuracy: number; targets: number; mostFrequent: number; copyCeiling: number }> {
  const at = cal.rows.filter((x) => x.knownShare === share);
  const cols = [...new Map(at.map((x) => [`${x.graph}\u0000${x.attribute}`, { graph: x.graph, attribute: x.attribute }])).values()];
  return cols.map(({ graph, attribute }) => {
    const of = at.filter((x) => x.graph === graph && x.attribute === attribute);
    const best = of.filter((x) => !BASELINES.has(x.method)).reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
    return {
      graph, attribute, method: best.method, accuracy: best.accuracy, targets: best.targetsWithKnownValue,
      mostFrequent: of.find((x) => x.method === 'mostFrequent')?.accuracy ?? NaN,
      copyCeiling: of.find((x) => x.method === 'copyCeiling')?.accuracy ?? NaN,
    };
  });
}

/** The real graphs side by side in one sentence (middle known share), beside the published figures. */
function realGraphsSentence(cal: Calibration, shares: number[]): string {
  const sorted = [...shares].sort((a, b) => a - b);
  const share = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const best = bestPerColumn(cal, share);
  const quoted = cal.published.filter((x) => x.accuracy !== null);
  const unverified = cal.published.filter((x) => !x.verified);
  return `On the real graphs (${cal.graphs.map((g) => `${g.graph}: ${g.nodes.toLocaleString('en-US')} users`).join('; ')}), with ${pct(share)} of the labelled users known, the best method infers ${best
    .map((b) => `${b.graph} ${b.attribute} for ${pct(b.accuracy)} of ${b.targets.toLocaleString('en-US')} hidden users (${label(b.method)}; commonest value ${pct(b.mostFrequent)})`)
    .join(', ')}. ${quoted.length ? `Published, on other data: ${quoted.map((q) => `${q.source.split(',')[0]} ${pct(q.accuracy!)}`).join('; ')}.` : ''}${unverified.length ? ` No accuracy is quoted from ${unverified.map((q) => `${q.source.split(',')[0]} (${q.graph})`).join('; ')}: not verified here.` : ''} Each is the accuracy of one field; the claim needs every compared field right at once for a non-user seen only through holders.`;
}

export function collaborativeFilteringReport(result: CollaborativeFilteringResult, options: CollaborativeFilteringReportOptions = {}): InferenceReport {
  const mask = options.mask ?? true;
  const text = (s: string) => (mask ? maskPhonesInText(s) : s);
  const r = result;
  const p = r.parameters;
  const t = r.test;
  const T = r.simulation.targets;
  const perField = r.simulation.perField.map((f) => ({
    field: f.field, targetsWithKnownValue: f.targetsWithKnownValue,
    ...Object.fromEntries(Object.entries(f.accuracy).map(([m, a]) => [label(m), a])),
    [label('copyCeiling')]: f.copyCeiling, coverage: f.coverage,
  }));
  const joint = Object.fromEntries(Object.entries(r.simulation.joint).map(([m, a]) => [label(m), a]));
  const supports = (s: string) => (s === 'first' ? 'copied from the source' : s === 'second' ? 'inferred by CF' : 'neither');

  const method: Block[] = [
    { id: 'caseFacts', kind: 'table', rows: [
      ...caseFigureRows([
        ...[wm.registeredUsersAug2014, wm.shareViaWeiboLogin, wm.usersLater, wm.uploadersInCertificate704, wm.nonUsersInCertificate704, wm.personalisedHardToCompute].map((f) => [f.description, f] as const),
        ["Case 2: registered users holding one non-user's number", wangMiao.friendsWaiting],
      ]),
      { figure: 'ASSUMPTION: population reachable through address books', value: p.holderModel.population.toLocaleString('en-US'), 'as written': '(not in the case)', source: 'assumption (parameter holderModel.population)' },
    ], options: { caption: 'Case figures (src/case: each value, its bound, the words it is quoted from) and the assumption that turns them into a registered share' } },
    { id: 'propositions', kind: 'table', rows: [
      { proposition: 'H_src', statement: r.propositions.hSource },
      { proposition: 'H_cf', statement: r.propositions.hCf },
      { proposition: 'evidence', statement: r.propositions.evidence },
    ], options: { caption: 'Propositions compared and the evidence (P(E | H) is computed under each)' } },
    {
      id: 'method', kind: 'paragraph',
      text: `On the evidence graph (${r.evidenceGraph.nodes.toLocaleString('en-US')} people, ${r.evidenceGraph.edges.toLocaleString('en-US')} contacts, ${r.evidenceGraph.registered.toLocaleString('en-US')} registered), ${T} non-users with at least ${p.holders.min} registered contact(s) are seen through their holders (registered contacts whose books the platform has; ${r.simulation.holdersSeen.min}–${r.simulation.holdersSeen.max}, mean ${r.simulation.holdersSeen.mean.toFixed(2)}). The ${r.holders.notarisedUploaders} uploaders of certificate 704 are the notarised sample, kept apart from the holders: they are the units of the cluster test. Each CF method predicts ${p.fields.join(', ')} from what the platform knows of registered users; accuracies are over targets whose own value is known (the denominator is shown). p* is the best joint accuracy over the methods and the copy ceiling, raised to its upper 95% Clopper–Pearson bound (generous to the defence).`,
    },
    { id: 'ceilings', kind: 'table', rows: r.ceilings.map((c) => ({ ceiling: c.name, value: c.value ?? '(per field, section Fano)', bounds: c.bounds, 'does not bound': c.doesNotBound })), options: { caption: 'Each ceiling and the class of methods it bounds', digits: 3 } },
  ];

  const results: Block[] = [
    { id: 'perField', kind: 'table', rows: perField, options: { caption: `Accuracy per field on ${T} simulated non-users (seed ${p.seed}); targets with an unknown own value are left out (targetsWithKnownValue)`, digits: 3 } },
    { id: 'joint', kind: 'keyValues', values: { ...joint, 'targets with every field known': r.simulation.jointTargetsWithKnownValue, 'best (p*)': `${r.simulation.best.accuracy} (${label(r.simulation.best.method)})`, 'p* used (upper 95% bound)': r.pStarUpper }, caption: `Joint accuracy: ${p.fields.join(', ')} all right at once` },
    { id: 'holdersDistribution', kind: 'table', rows: r.holders.distribution.scenarios.map((d) => ({
      scenario: d.label, registeredShare: d.registeredShare, 'mean holders (before truncation)': d.untruncatedMean, 'mean holders of a shown non-user': d.mean,
      ...Object.fromEntries(d.atLeast.map(([h, q]) => [`P(≥ ${h} holders)`, q])),
    })), options: { caption: `How many registered users hold a non-user's number: negative binomial, mean ${p.holderModel.contactsMean} address books per number (Dunbar 1993; Hill & Dunbar 2003: 153.5), size ${p.holderModel.contactsDispersion}, population ${p.holderModel.population.toLocaleString('en-US')} (ASSUMPTIONS); zero-truncated. Case 2: one non-user had ${r.holders.wangMiaoHolders} holders.`, digits: 4 } },
    { id: 'holdersAgreement', kind: 'table', rows: r.holders.agreement.map((a) => ({ field: a.field, 'non-user–holder pairs': a.pairs, 'holder known to the platform': a.knows, 'holder holds the non-user\'s value': a.agrees })), options: { caption: 'What one holder tells about a non-user, measured on the evidence graph (inputs of the holder model)', digits: 4 } },
    { id: 'holdersByCount', kind: 'table', rows: r.holders.perHolderCount.map((h) => ({
      holders: h.holders, 'graph targets': h.graph?.targets ?? 'too few', 'graph: best joint': h.graph ? h.graph.best.accuracy : '', 'graph: method': h.graph ? label(h.graph.best.method) : '',
      ...Object.fromEntries(h.model.perField.map((f) => [`model vote: ${f.field}`, f.vote])),
      'model joint (vote)': h.model.jointVote, 'model joint copy ceiling': h.model.jointCopyCeiling, 'p* used': h.pStar,
      'log10 p (binomial)': h.log10PValue, [`p (uploader clusters, rho ${p.rho})`]: h.clusterPValue,
    })), options: { caption: `Results as a function of the number of holders (graph: measured on targets with that many registered contacts; model: independent holders, ${p.holderModel.replicates} replicates, seed ${p.seed})`, digits: 4 } },
    { id: 'holdersChart', kind: 'figure', figure: holdersChart(r.holders.perHolderCount) },
    { id: 'holdersMixture', kind: 'table', rows: r.holders.mixture.map((m) => ({ scenario: m.label, 'p* averaged over the holder distribution': m.pStar, 'log10 p (binomial)': m.log10PValue, 'p (uploader clusters)': m.clusterPValue })), options: { caption: 'The test with the holder count drawn from its distribution', digits: 4 } },
    { id: 'selectiveJoint', kind: 'figure', figure: selectiveChart(r.selective, 'joint', r.display.requiredPrecision) },
    ...p.fields.map((f): Block => ({ id: `selective-${f}`, kind: 'figure', figure: selectiveChart(r.selective, f, r.display.requiredPrecision) })),
    { id: 'selectiveTable', kind: 'table', rows: r.selective.map((c) => ({
      method: label(c.method), field: c.field, 'max coverage': c.maxCoverage,
      ...Object.fromEntries(c.coverage.map((cov, i) => [`precision @${cov}`, c.precision[i] ?? ''])),
      'coverage making the claim plausible': c.plausibleCoverage ?? 'none',
    })), options: { caption: 'Coverage–precision (El-Yaniv & Wiener 2010; Geifman & El-Yaniv 2017): precision of the most confident predictions at each coverage', digits: 3 } },
    { id: 'displayRate', kind: 'table', rows: r.display.rows.map((d) => ({ 'address-book size (ASSUMPTION)': d.addressBookSize, [`non-users in ${t.units.length} books`]: d.nonUsersInBooks, [`display rate implied by ${r.display.shown} shown`]: d.displayRate })), options: { caption: `The display rate the ${r.display.shown} shown profiles imply (registered share Aug 2014 = 800,000 / population)`, digits: 3 } },
    { id: 'direct', kind: 'table', rows: r.direct.map((d) => ({ sources: d.sources, kind: d.kinds, 'fields copied': d.fieldsCopied.join(', ') || '—', 'fields inferred': d.fieldsInferred.join(', ') || '—', 'share of profiles explained': d.explained })), options: { caption: `How much each input source can explain (direct sources cover ${pct(p.directCoverage)} of targets for a field they supply; CF = ${label('vote')} etc., best method's per-target outcomes)`, digits: 3 } },
    {
      id: 'test', kind: 'table',
      rows: [
        { quantity: `exact binomial log10 P(X ≥ ${p.k} | p*) (independent profiles)`, value: t.binomial.log10PValue, note: t.binomial.reject ? 'reject H_cf' : 'do not reject' },
        { quantity: `uploader clusters (${t.units.map((u) => u.profiles).join(' + ')} profiles), rho = ${p.rho}: log10 p`, value: t.clusterLog10PValue, note: t.clusterReject ? 'reject H_cf' : 'do not reject' },
        { quantity: 'Kish design effect / effective number of profiles', value: `${t.designEffect.toFixed(2)} / ${t.effectiveN.toFixed(1)}`, note: '1 + (m̄ − 1) rho' },
        { quantity: 'per-profile accuracy CF would need (independent)', value: t.requiredAccuracy, note: `α = ${p.alpha}` },
        { quantity: `per-profile accuracy CF would need (uploader clusters, rho = ${p.rho})`, value: t.clusterRequiredAccuracy, note: 'profiles of one uploader succeed or fail together' },
      ],
      options: { caption: `${p.k} of ${p.n} against the best CF accuracy measured (p* = ${r.pStarUpper.toFixed(4)})`, digits: 4 },
    },
    { id: 'pValueByRho', kind: 'figure', figure: pValueByRhoChart(t.log10PValueByRho, p.alpha) },
    { id: 'likelihood', kind: 'figure', figure: likelihoodChart(p.k, p.n, [{ label: 'p* (CF, generous)', p: r.pStarUpper }, { label: 'pSource', p: p.pSource }], (x) => logBinomialPmf(p.k, p.n, x)) },
    { id: 'countsFrontier', kind: 'table', rows: pivot(r.countsFrontier.map((c) => ({ n: c.n, k: c.k, rho: `rho ${c.rho}`, need: c.plausible ? `${c.requiredAccuracy.toFixed(3)} ✓` : c.requiredAccuracy.toFixed(3) })), ['n', 'k'], 'rho', 'need'), options: { caption: `Counts as unknowns: per-profile accuracy CF would need for k of n, by clustering (✓ = reached by p* = ${r.pStarUpper.toFixed(4)})` } },
    { id: 'expertRatio', kind: 'table', rows: r.expertRatio.rows.map((e) => ({ 'stated ratio (ASSUMPTION)': e.statedRatio, 'observed agreement k/n': e.observedAgreement, 'court: exceeds?': e.exceeds ? 'yes' : 'no', 'log10 P(X ≥ k | ratio), independent': e.log10PValue, [`p, uploader clusters (rho ${p.rho})`]: e.clusterPValue })), options: { caption: `The court's comparison as the court made it (observed agreement against the ratio both experts stated, not given in the write-up), beside the simulation-based p* = ${r.pStarUpper.toFixed(4)}`, digits: 4 } },
  ];

  const strength: Block[] = [
    { id: 'lr', kind: 'table', rows: [
      { model: 'binomial', log10LR: t.lr.log10, verbal: t.lr.verbal.verbal, verbalZh: t.lr.verbal.verbalZh, supports: supports(t.lr.verbal.supports) },
      { model: `beta-binomial (ρ = ${p.rho})`, log10LR: t.lrBetaBinomial.log10, verbal: t.lrBetaBinomial.verbal.verbal, verbalZh: t.lrBetaBinomial.verbal.verbalZh, supports: supports(t.lrBetaBinomial.verbal.supports) },
    ], options: { caption: 'Likelihood ratio P(E | H_src) / P(E | H_cf) with the ENFSI (2015) verbal equivalent; the binomial row assumes independent profiles, the beta-binomial row lets them cluster', digits: 4 } },
    { id: 'testSize', kind: 'paragraph', text: `Size of the test under its own model: when profiles are independent with accuracy ${r.testSize.pNull}, the binomial test rejects in ${pct(r.testSize.rate)} of ${r.testSize.replicates} simulated data sets at α = ${r.testSize.alpha} (seed ${p.seed}). This says nothing about a wrong model; the error rate of the accuracy estimates themselves is measured out of model on a real graph (validation).` },
    { id: 'conclusions', kind: 'paragraph', text: text(collaborativeFilteringConclusions(r).join(' ')) },
  ];

  const realGraph: Block[] = [];
  if (r.calibration) {
    const cal = r.calibration;
    const col = (x: { graph: string; attribute: string }) => `${x.graph}: ${x.attribute}`;
    const denominators = [...new Map(cal.rows.map((x) => [`${col(x)}|${x.knownShare}`, { knownShare: x.knownShare, method: 'hidden users with known value (denominator)', column: col(x), value: x.targetsWithKnownValue }])).values()];
    const sideBySide = pivot(
      [...cal.rows.map((x) => ({ knownShare: x.knownShare, method: label(x.method), column: col(x), value: x.accuracy as number | string })), ...denominators],
      ['knownShare', 'method'], 'column', 'value',
    );
    realGraph.push(
      { id: 'realGraphs', kind: 'table', rows: cal.graphs.map((g) => ({ graph: g.graph, nodes: g.nodes, edges: g.edges, attributes: g.attributes.join(', '), 'data set': g.dataset, source: g.citation })), options: { caption: 'Real public social graphs with attributes, shipped in datasets/reference/ (README there: origin, licence, SHA-256)' } },
      { id: 'snapAttributes', kind: 'table', rows: cal.attributes, options: { caption: `Attributes of the real graphs (${cal.graphs.map((g) => g.graph).join(', ')}): labelled users, distinct values, share of edges whose ends share a value`, digits: 3 } },
      { id: 'realGraphsSideBySide', kind: 'table', rows: sideBySide, options: { caption: `Accuracy of every CF method on hidden users, the real graphs side by side (one column per graph and attribute; accuracy over hidden users whose own value is known, denominator in its own row; seed ${p.seed})`, digits: 3 } },
      { id: 'snapAccuracy', kind: 'table', rows: pivot(cal.rows.map((x) => ({ graph: x.graph, attribute: x.attribute, knownShare: x.knownShare, targetsWithKnownValue: x.targetsWithKnownValue, method: label(String(x.method)), accuracy: x.accuracy })), ['graph', 'attribute', 'knownShare', 'targetsWithKnownValue'], 'method', 'accuracy'), options: { caption: `Accuracy of every CF method that runs on a real graph (the Bayes predictor needs a generator model; closeness-weighted vote needs closeness) on hidden users, seed ${p.seed}; mostFrequent = always guess the commonest value`, digits: 3 } },
      { id: 'snapChart', kind: 'figure', figure: calibrationChart(cal.rows, cal.published.filter((x) => x.accuracy !== null).map((x) => ({ label: `${x.source.split(',')[0]}: ${x.accuracy}`, accuracy: x.accuracy! }))) },
      { id: 'realGraphsSummary', kind: 'paragraph', text: realGraphsSentence(cal, p.snapShares) },
      { id: 'published', kind: 'table', rows: cal.published.map((x) => ({ graph: x.graph, source: x.source, finding: x.finding, accuracy: x.accuracy ?? (x.verified ? '(stated in words)' : 'not verified') })), options: { caption: 'Published figures beside which the accuracies above are read (graph = the real graph whose rows they are shown with)' } },
    );
  }
  if (r.validation) {
    const v = r.validation;
    realGraph.push(
      { id: 'validation', kind: 'table', rows: v.rows.map((x) => ({ graph: x.graph, attribute: x.attribute, knownShare: x.knownShare, method: label(x.method), 'estimate (half A)': x.estimate, '95% low': x.estimateLow, '95% high': x.estimateHigh, 'targets A': x.targetsA, 'held out (half B)': x.heldOut, 'targets B': x.targetsB, inside: x.inside ? 'yes' : 'NO' })), options: { caption: `Out-of-sample check of CF-accuracy estimates on ${v.byGraph.map((g) => g.graph).join(' and ')}: estimated on one half of the hidden users, reported on the other`, digits: 3 } },
      { id: 'validationSummary', kind: 'paragraph', text: `Known error rate of a CF-accuracy estimate on these real graphs: ${v.byGraph.map((g) => `${g.graph}, ${g.misses} of ${g.cells} held-out accuracies outside the 95% interval (${pct(g.missRate)}), mean absolute error ${g.meanAbsError.toFixed(3)}, largest ${g.maxAbsError.toFixed(3)}`).join('; ')}. The held-out half carries its own sampling error, so even an unbiased estimate misses its interval more often than 5% of the time; this is the rate a court should expect for an accuracy figure of this kind.` },
    );
  }

  const sensitivity: Block[] = [];
  if (r.sensitivityGrid) {
    const g = r.sensitivityGrid;
    sensitivity.push(
      { id: 'gridHeatmap', kind: 'figure', figure: sensitivityHeatmap({ ...g, options: { homophily: [], knownShare: [], cardinality: [], seed: p.seed } }) },
      {
        id: 'gridSummary', kind: 'paragraph',
        text: g.minimalPlausible.length
          ? `Least generous assumption sets under which the claim is plausible: ${g.minimalPlausible.map((c) => `h = ${c.homophily}, share = ${c.knownShare}, |X| = ${c.cardinality}`).join('; ')}.`
          : `No cell of the grid makes the claim plausible: the best joint accuracy anywhere is ${Math.max(...g.cells.map((c) => c.pStar)).toFixed(3)}, against the ${g.requiredAccuracy.toFixed(4)} needed.`,
      },
      { id: 'gridTable', kind: 'table', rows: g.cells.map((c) => ({ homophily: c.homophily, registeredShare: c.knownShare, cardinality: c.cardinality, pStar: c.pStar, bestMethod: c.bestMethod, pStarUpper: c.pStarUpper, pValue: c.pValue, log10LR: c.log10Lr, plausible: c.plausible })), options: { caption: `Sensitivity grid (simulated worlds, SYNTHETIC, generator generateSocialGraph, seed ${p.seed})`, digits: 3, maxRows: 500 } },
    );
  }
  sensitivity.push({ id: 'copyFrontier', kind: 'table', rows: r.frontier.map((f) => ({ holders: f.uploaders, 'values per field': f.cardinality, 'per-holder agreement needed per field': f.requiredAgreement, 'homophily α needed per field': f.requiredAlpha ?? 'unreachable (> 1)' })), options: { caption: 'What every field would need for the claim (analytic, a copying oracle that always picks the right holder; bounds one-hop copying only)', digits: 3 } });

  const world: Block[] = [];
  if (r.world) {
    const w = r.world;
    const pw = p.world!;
    world.push(
      { id: 'worldNotice', kind: 'paragraph', text: `SYNTHETIC: simulated contact graph of ${pw.nodes.toLocaleString('en-US')} people and ${pw.edges.toLocaleString('en-US')} contacts, generator generateSocialGraph (focus-theory communities, Pareto activity, Zipf attributes), homophily ${pw.homophily}, seed ${p.seed}.` },
      { id: 'worldAttributes', kind: 'table', rows: w.attributes, options: { caption: 'Simulated attributes (assumptions): cardinality, Zipf exponent, entropy, homophily, personalised share', digits: 3 } },
      { id: 'worldFull', kind: 'figure', figure: accuracyVsShareChart(w.full, { title: 'Full friend list: accuracy vs registered share' }) },
      { id: 'worldNonUser', kind: 'figure', figure: accuracyVsShareChart(w.nonUser, { title: 'A non-user seen through 1-3 holders: accuracy vs registered share' }) },
      { id: 'worldMethods', kind: 'figure', figure: methodComparisonChart(w.nonUser, 'employer') },
      { id: 'worldJoint', kind: 'table', rows: pivot(w.joint.map((x) => ({ ...x, method: label(x.method) })), ['fields', 'share'], 'method', 'accuracy'), options: { caption: `Joint accuracy, a non-user seen through 1-3 holders (${pw.targetsPerShare} simulated non-users per share, seed ${p.seed})`, digits: 3 } },
      { id: 'fanoCurve', kind: 'figure', figure: fanoCeilingChart(w.fanoCurve) },
      { id: 'fanoTable', kind: 'table', rows: w.fano.map((x) => ({
        share: x.share, field: x.field, '|X|': x.alphabet, 'H plug-in': x.hPlugin, 'H 95% (bootstrap)': `${x.hPluginLower.toFixed(2)}–${x.hPluginUpper.toFixed(2)}`,
        'H Miller-Madow': x.hMillerMadow, 'H model': x.hModel, 'ceiling plug-in': x.ceilingPlugin, 'ceiling M-M': x.ceilingMillerMadow, 'ceiling model': x.ceilingModel, 'best method': x.bestObserved,
      })), options: { caption: `Fano ceilings for methods that see only the holders' known values (${pw.fanoTargets} simulated non-users per share, seed ${p.seed})`, digits: 3 } },
      { id: 'fanoChart', kind: 'figure', figure: fanoByShareChart(w.fano, 'employer') },
    );
  }

  const sections: Section[] = [
    { heading: HEADINGS.method, blocks: method },
    { heading: HEADINGS.results, blocks: [...results, ...realGraph] },
    { heading: HEADINGS.strength, blocks: strength },
    { heading: HEADINGS.sensitivity, blocks: [...sensitivity, ...world] },
  ];
  return {
    title: { en: 'Collaborative-filtering defence: could the profiles have been inferred?', zh: '协同过滤抗辩：这些档案能否由算法推断得出？' },
    question: `The defendant says the non-users' ${p.fields.join(', ')} it displayed were computed by collaborative filtering from its users' data, not copied from the source platform. ${p.k} of ${p.n} displayed profiles matched the source (k and n are parameters: the record gives "300+" and no denominator). How probable is that under H_cf, as a function of how many registered users held each number, of selective display and of clustering by uploader, and how strongly does it support copying over inference?`,
    sections,
    limitations: [
      'p* is the best accuracy of the methods implemented here (and the copy ceiling) on this graph; a method outside these classes (two-hop, behavioural, or fed direct information about the person) is not bounded by it.',
      `The holder distribution rests on assumptions (mean ${p.holderModel.contactsMean} address books per number, population ${p.holderModel.population.toLocaleString('en-US')}); results are therefore given per holder count, up to ${r.holders.perHolderCount.at(-1)?.holders ?? p.holders.max}.`,
      'The holder model treats holders as independent given the target; real holders of one person share employers and schools, which helps shared fields and not personalised ones.',
      `The likelihood ratio depends on pSource = ${p.pSource} and the cluster test on rho; both are parameters, and the p-value is shown for rho from 0 to 1.`,
      `The evidence graph and the sensitivity grid are synthetic; ${r.calibration ? `the real-graph figures come from ${r.calibration.graphs.map((g) => g.graph).join(' and ')} (single attributes of other platforms and populations, not the platform in the case)` : 'no real graph was given to this run'}.`,
    ],
  };
}
