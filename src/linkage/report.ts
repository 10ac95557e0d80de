/**
 * The layout of a linkage result: every table, figure and sentence that notebook 02-linkage and
 * `profile-provenance link` show, built once from the result (block ids for the notebook).
 */
import { caseFiguresBlock, weiboMaimai as wm } from '../case';
import { HEADINGS, type Block } from '../report/document';
import type { InferenceReport } from '../report/inference';
import type { LinkageAnalysis } from './analysis';
import { matchWeightHistogram, mUChart, thresholdSweepChart, waterfallChart } from './charts';
import type { FellegiSunterModel } from './types';
import { emDegeneracyWarning } from './estimate';

/** The comparison of the two m estimates in words, every figure computed. */
export function mCheckStatement(result: LinkageAnalysis): string {
  const k = result.mCheck;
  const f = (x: number) => x.toFixed(3);
  const notConverged = k.perRule.filter((r) => !r.converged).map((r) => r.rule);
  const exactRules = k.perRule.filter((r) => r.rule === 'name').map((r) => r.rule);
  const coarse = k.perRule.filter((r) => r.rule !== 'name').map((r) => r.rule);
  const c = k.check;
  return `m was estimated two ways on the same candidate pairs, u fixed from random pairs. (1) EM over all candidates, u divided by the candidate share: this estimates m among the candidates, and equals m among all true pairs only when every rule is a function of the compared levels` +
    `${exactRules.length ? `; the ${exactRules.join(', ')} rule is (its key is the name's "same" level)` : ''}${coarse.length ? `, the ${coarse.join(', ')} rule${coarse.length > 1 ? 's are' : ' is'} not (pinyin initials, a first character, a hash prefix)` : ''}. ` +
    `(2) Per blocking rule: EM over the pairs the rule blocks, on the fields it leaves free, assuming those fields are independent of the rule's key among non-matches; each field's m is the unweighted mean over the rules that leave it free (${k.perField.map((p) => `${p.field}: ${p.rules || 'none'}`).join('; ')}). ` +
    `The scores use ${k.used === 'em' ? '(1)' : '(2)'}. The two differ by at most ${f(k.maxDifference)} in m and ${k.maxWeightDifferenceBits.toFixed(2)} bits in a level's weight` +
    (k.atFloor.length ? `; ${k.atFloor.length} level${k.atFloor.length > 1 ? 's sit' : ' sits'} at the probability floor (1e-6) in at least one estimate (${k.atFloor.join(', ')}), so ${k.atFloor.length > 1 ? 'their weights rest' : 'its weight rests'} on the floor, not on data.` : '.') +
    (c
      ? ` Against the answer key (synthetic data): among the true pairs that are candidates, (1) is off by at most ${f(c.maxErrorEmVsCandidates)} and (2) by ${f(c.maxErrorPerRuleVsCandidates)}; among all true pairs (${c.trueNotCandidates} of them not candidates), (1) by ${f(c.maxErrorEmVsAll)} and (2) by ${f(c.maxErrorPerRuleVsAll)}. The first yardstick is what (1) estimates and the second what (2) aims at, so neither alone ranks the methods; the links score F1 ${f(c.f1Em)} under (1) and ${f(c.f1PerRule)} under (2).`
      : ' Without an answer key neither can be checked against true pairs.') +
    (notConverged.length ? ` Per-rule EM did not converge for: ${notConverged.join(', ')}.` : '');
}

export function linkageReport(result: LinkageAnalysis, options: { mask?: boolean } = {}): InferenceReport {
  const masked = options.mask ?? !result.parameters.unmasked;
  const p = result.parameters;
  const c = result.counts;
  const m = result.model;
  const method = m.method as FellegiSunterModel['method'];
  const model = { ...m, fields: m.fields as FellegiSunterModel['fields'], method, m: m.m.map((x) => Float64Array.from(x)), u: m.u.map((x) => Float64Array.from(x)) } as FellegiSunterModel;
  const cut = result.linkWeight;
  const degenerate = emDegeneracyWarning(model);
  const weights = Float64Array.from(result.matchWeights);
  const s = result.strongest, r = result.rival, t = result.truth;
  const explained = (e: NonNullable<typeof s>, id: string, what: string): Block[] => [
    { id: `${id}Waterfall`, kind: 'figure', figure: waterfallChart(e.waterfall, `${what}: ${e.displayed} → ${e.source}`) },
    { id: `${id}Table`, kind: 'table', rows: e.explanation, options: { caption: `${what} ${e.displayed} → ${e.source}: log10 LR ${e.log10Lr.toFixed(2)}, ${e.verbal.verbal} (${e.verbal.verbalZh})`, digits: 4 } },
  ];
  return {
    title: { en: 'Finding the source accounts of displayed profiles', zh: '查找展示档案的来源帐号' },
    question: `For each of the ${c.displayed} displayed profiles, is there an account in the source extract (${c.source} accounts) it was taken from, and with what error rate can the links be stated?`,
    sections: [
      {
        heading: HEADINGS.method,
        blocks: [
          caseFiguresBlock([
            ['notarial certificate', wm.certificateNumber],
            ['users who uploaded address books', wm.uploadersInCertificate704],
            ['non-users shown', wm.nonUsersInCertificate704],
            ['fields compared', wm.fieldsInCertificate704],
            ["court's standard", wm.matchStandardCourt],
          ]),
          { id: 'counts', kind: 'paragraph', text: `${c.displayed} displayed profiles; ${c.source} source accounts in the extract (${c.possiblePairs.toLocaleString('en-US')} possible pairs).` },
          { id: 'method', kind: 'paragraph', text: `Candidate pairs come from blocking rules (a pair is compared only if it shares a block under some rule), capped at ${p.maxPairs.toLocaleString('en-US')} pairs. Each pair is compared field by field on the declared levels below. m (probability of a level among true matches) is estimated ${p.mEstimate === 'per-rule' ? 'per blocking rule, leaving out the fields each rule blocks on, and averaged (Splink), the share of true pairs then by EM' : 'by EM over the comparison patterns of all candidate pairs (Winkler 1988; fastLink), u divided by the candidate share'}; the other estimate is shown beside it; u (among non-matches) from ${p.uPairs.toLocaleString('en-US')} random pairs (Splink), seed ${p.seed}. A pair's match weight is the sum of log2(m/u) over fields${p.termFrequency ? ', with the name term-frequency adjusted (a common name weighs less)' : ''}, plus the prior; profiles are linked one-to-one from probability ${p.linkThreshold}.` },
          { id: 'blocking', kind: 'table', rows: result.blocking, options: { caption: `Candidate pairs per blocking rule (of ${c.possiblePairs.toLocaleString('en-US')} possible pairs)` } },
          { id: 'comparisons', kind: 'table', rows: result.comparisons, options: { caption: 'Declared comparison levels', maxRows: 100 } },
        ],
      },
      {
        heading: HEADINGS.results,
        blocks: [
          { id: 'model', kind: 'table', rows: m.table, options: { caption: `Estimated m and u (EM: ${method.em?.iterations} iterations, converged: ${method.em?.converged}; u from ${method.uSamplePairs} random pairs, seed ${p.seed})`, maxRows: 100 } },
          { id: 'mu', kind: 'figure', figure: mUChart(model) },
          { id: 'mCheckStatement', kind: 'paragraph', text: mCheckStatement(result) },
          { id: 'mCheck', kind: 'table', rows: result.mCheck.rows.map((row) => (row['m, true candidate pairs'] === null ? Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'm, true candidate pairs' && k !== 'm, all true pairs')) : row)), options: { caption: `m by the two estimates on the same ${c.candidatePairs} candidate pairs (the scores use ${result.mCheck.used === 'em' ? 'EM over all candidates' : 'the per-rule estimate'})`, digits: 4, maxRows: 100 } },
          { id: 'mPerRule', kind: 'table', rows: result.mCheck.perRule, options: { caption: 'The per-rule estimate: EM over the pairs each rule blocks, on the fields it does not block on (u fixed)', digits: 4 } },
          { id: 'weights', kind: 'figure', figure: matchWeightHistogram(weights, { threshold: cut, title: `Match weights of ${c.candidatePairs} candidate pairs (dashed: probability ${p.linkThreshold})` }) },
          { id: 'nameFrequency', kind: 'table', rows: result.nameFrequency, options: { caption: 'Name agreement: common names weigh less (term-frequency adjustment)', digits: 3 } },
          { id: 'errorRates', kind: 'table', rows: result.errorRates.map(({ label, threshold, ...e }) => ({ label, probability: threshold, ...e })), options: { caption: 'Model-estimated error rates among candidate pairs (fastLink)', digits: 4 } },
          { id: 'linkedShare', kind: 'paragraph', text: `${c.confident} of ${c.displayed} displayed profiles (${(100 * c.confident / Math.max(1, c.displayed)).toFixed(1)}%) have a source account with probability ≥ ${p.confidentThreshold}; ${c.probable} more a probable one (≥ ${p.linkThreshold}); ${c.none} none.` },
          { id: 'links', kind: 'table', rows: result.links, options: { caption: `Linked accounts${masked ? ' (names masked)' : ''}`, maxRows: 100_000, digits: 4 } },
          { id: 'sweep', kind: 'figure', figure: thresholdSweepChart(result.sweep, { threshold: cut, title: 'Estimated error rates by threshold (model only)' }) },
          ...(t
            ? [
                { id: 'truthQuality', kind: 'table' as const, rows: t.quality.map((q) => ({ threshold: q.threshold, declared: q.declared, 'true pairs': q.trueLinks, precision: q.precision, recall: q.recall, F1: q.f1, 'real FDR': 1 - q.precision, 'estimated FDR': q.estimatedFdr })), options: { caption: `Linkage against the answer key (synthetic): ${t.truePairs} true pairs, ${t.noSource} profiles with no source account${t.unknownSourceIds ? `, ${t.unknownSourceIds} source ids not in the extract` : ''}`, digits: 4 } },
                { id: 'truthSweep', kind: 'figure' as const, figure: thresholdSweepChart(t.sweep, { threshold: cut, title: 'Threshold sweep against the answer key' }) },
              ]
            : []),
        ],
      },
      {
        heading: HEADINGS.strength,
        blocks: [
          { id: 'lrMeaning', kind: 'paragraph', text: "Each link's likelihood ratio is 2^(sum of field weights): P(the comparison pattern | same person) / P(pattern | different people), before the prior. Its ENFSI (2015) verbal equivalent is given for every linked profile, and the strongest link is explained field by field. It weighs 'same person' against 'different people'; that a same-person profile was taken from this platform is a further step (notebooks 01 and 03)." },
          ...(result.strengthBands.length ? [{ id: 'strengthBands', kind: 'table' as const, rows: result.strengthBands.map((b) => ({ 'ENFSI band of the likelihood ratio': b.band, 'linked profiles': b.linked })), options: { caption: 'Linked profiles by strength of evidence (ENFSI verbal scale)' } }] : []),
          ...(s ? explained(s, 'strongest', 'Strongest link') : [{ id: 'strongestTable', kind: 'paragraph' as const, text: 'No profile was linked.' }]),
          ...(r ? explained(r, 'rival', 'A rejected rival') : []),
        ],
      },
      {
        heading: HEADINGS.sensitivity,
        blocks: [
          { id: 'standard', kind: 'paragraph', text: `The court's standard was "the same or basically the same" (${wm.matchStandardCourt.inQuote}); the sweep shows how the number of links and the estimated false discovery rate move with the threshold.` },
        ],
      },
    ],
    limitations: [
      ...(degenerate ? [degenerate] : []),
      'The model-estimated error rates assume the Fellegi-Sunter model (fields independent given match status); dependent fields (employer and title) make weights too strong, which the answer key, when there is one, shows.',
      'A profile with no account in the extract can still have one on the platform: the extract bounds what can be found; a true account that no blocking rule proposed is missed silently.',
      `Names in this report are ${masked ? 'masked' : 'NOT masked'}.`,
    ],
  };
}
