/**
 * The layout of a matching result: every table, figure and sentence that notebook 01-matching
 * and `profile-provenance match` show, built once from the result. Block ids let the notebook
 * show them one at a time (`pp.report.showBlock(report, 'propositions')`). Sentences with
 * numbers are computed here from the figures, never typed in a notebook.
 */
import type { Comparison } from '../compare/comparison';
import { describeComparison } from '../compare/comparison';
import { caseFiguresBlock, weiboMaimai as wm } from '../case';
import { HEADINGS } from '../report/document';
import type { InferenceReport } from '../report/inference';
import { maskPhonesInText } from '../report/mask';
import { formatRange } from '../report/number';
import { enfsiVerbalScale } from '../stats/enfsiVerbalScale';
import { formatPowerOfTen } from '../stats/formatPowerOfTen';
import { NATIONAL_NAME_REPORT } from '../text/nameFrequency';
import type { MatchingResult } from './analysis';
import { fieldRatesChart, nullDistributionChart, propositionLrChart, sensitivityChart, simulationChart } from './charts';
import { ALTERNATIVE_IDS, modelValuesText } from './propositions';
import type { FieldRate, OverallRate } from './rates';

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '–');
/** A likelihood ratio given by its log10, for a reader: 3.2 × 10^5, 12.0, 0.031. */
export const lrText = (log10: number) => (!Number.isFinite(log10) ? '–' : Math.abs(log10) < 3 ? (10 ** log10).toPrecision(3) : formatPowerOfTen(log10));
const pText = (p: number) => (p <= 0 ? '0' : p < 1e-4 ? formatPowerOfTen(Math.log10(p)) : p.toPrecision(2));

/** The level definitions of every comparison (what "basically the same" meant in this run). */
export function definitionRows(comparisons: readonly Comparison[]): Array<Record<string, string>> {
  return comparisons.flatMap((c) => describeComparison(c).map((r) => ({
    field: r.field, level: r.labelZh ? `${r.label} ${r.labelZh}` : r.label, definition: r.definition,
  })));
}

/** Per-field rates with both intervals. */
export function fieldRateRows(rates: readonly FieldRate[], expected?: readonly number[]): Array<Record<string, unknown>> {
  return rates.map((r, f) => ({
    field: r.field, 'same 相同': r.same, 'basically 基本相同': r.basically, 'different 不同': r.different, 'missing 缺失': r.missing,
    'agree / compared': `${r.k} / ${r.n}`, rate: pct(r.rate),
    'Wilson 95%': `${pct(r.wilsonLow)} – ${pct(r.wilsonHigh)}`,
    'Clopper-Pearson 95%': `${pct(r.clopperPearsonLow)} – ${pct(r.clopperPearsonHigh)}`,
    ...(expected ? { 'expected if unrelated (same network)': pct(expected[f]!) } : {}),
  }));
}

/** Overall / per-uploader rates. */
export function overallRateRows(rows: readonly OverallRate[]): Array<Record<string, unknown>> {
  return rows.map((r) => ({
    group: r.group, profiles: r.profiles, 'showing no field': r.nothingShown,
    'all shown fields agree': `${r.k} / ${r.n}`, rate: pct(r.rate),
    'Wilson 95%': `${pct(r.wilsonLow)} – ${pct(r.wilsonHigh)}`,
    'Clopper-Pearson 95%': `${pct(r.clopperPearsonLow)} – ${pct(r.clopperPearsonHigh)}`,
  }));
}

/**
 * How each field agrees, per uploader network (share of the profiles showing it): a copying
 * process applies the same transformation everywhere (e.g. every name converted to simplified
 * characters), people vary idiosyncratically; a network whose mix differs stands out.
 */
export function transformationRows(r: MatchingResult): Array<Record<string, unknown>> {
  const groups = [...new Set(r.profiles.map((p) => p.uploader))];
  const fields = Object.keys(r.profiles[0]?.provenance ?? {});
  const rows: Array<Record<string, unknown>> = [];
  for (const field of fields) {
    const levels = [...new Set(r.profiles.map((p) => p.provenance[field]!))].filter((l) => !l.startsWith('missing'));
    for (const level of levels) {
      const row: Record<string, unknown> = { field, level };
      for (const g of groups) {
        const shown = r.profiles.filter((p) => p.uploader === g && !p.provenance[field]!.startsWith('missing'));
        row[`network ${g}`] = shown.length ? pct(shown.filter((p) => p.provenance[field] === level).length / shown.length) : '–';
      }
      rows.push(row);
    }
  }
  return rows;
}

/** The sentence of the simulation study, computed from its cells. */
export function validationStatement(r: MatchingResult): string {
  const cell = (under: string, vs: string) => r.validation.cells.find((c) => c.generatedUnder === under && c.vs === vs)!;
  const selfUnderSelf = cell('self-entry', 'self-entry');
  const parts = ALTERNATIVE_IDS.map((id) => {
    const c = cell('copied', id);
    return `vs ${id}: ${pct(c.shareAtLeast10k)} of profiles reach 10^4 and ${pct(c.shareAtLeast100)} reach 100 (median ${lrText(c.median)})`;
  });
  const falseSupport = ALTERNATIVE_IDS.filter((id) => id !== 'unrelated').map((id) => `${id} ${pct(cell(id, id).shareAtLeast100)}`);
  return `Simulation study (${r.validation.options.profiles} synthetic people per data set, seed ${r.validation.options.seed}; the alternatives' displays are drawn from the same stated models the LR divides by, so the false-support shares below are a self-consistency check, not an error rate under other behaviour; the misspecified cells say what happens when people or the copying process behave otherwise): when the displays were copied, ${parts.join('; ')}. ` +
    `When the displays were generated by an alternative, the share of profiles whose LR of copied vs that same alternative reached 100 was: ${falseSupport.join(', ')} ` +
    `(self-entry: ${pct(selfUnderSelf.shareAtLeast100)}; this report requires at most 5%, ${selfUnderSelf.shareAtLeast100 <= 0.05 ? 'which holds' : 'which FAILS: the figures against self-entry below must not be relied on'}). ` +
    `${misspecifiedStatement(r)} ${offDiagonalStatement(r)} ` +
    (cell('copied', 'self-entry').shareAtLeast10k > 0.5
      ? 'The features separate copying from the person\'s own entry for most profiles (LR ≥ 10^4 for more than half of them).'
      : `Against self-entry the separation is weaker: under copying the LR of copied vs self-entry reached 10^4 for ${pct(cell('copied', 'self-entry').shareAtLeast10k)} of profiles only (median ${lrText(cell('copied', 'self-entry').median)}), not for most of them. ${contributionStatement(r, 'self-entry')} ` +
        `${attainableStatement(r)} ` +
        `The typical copied profile's LR against self-entry, ${lrText(cell('copied', 'self-entry').median)}, falls in the ENFSI band ${enfsiVerbalScale(10 ** cell('copied', 'self-entry').median).band} (${enfsiVerbalScale(10 ** cell('copied', 'self-entry').median).range}) for one typical profile, and it depends on the stated self-entry model (see its sensitivity, one at a time and joint); a reference sample of the same people on a third platform would settle it.`);
}

/** What the LRs against the other alternatives do when self-entry generated the displays: they do not tell copying from self-entry. */
export function offDiagonalStatement(r: MatchingResult): string {
  const others = r.validation.cells.filter((c) => c.generatedUnder === 'self-entry' && c.vs !== 'self-entry');
  const copied = (vs: string) => r.validation.cells.find((c) => c.generatedUnder === 'copied' && c.vs === vs)!;
  const blind = others.filter((c) => c.shareAtLeast100 >= 0.2).map((c) => c.vs);
  return `When the people entered their own profiles (self-entry generated the displays), the LR of copied vs each OTHER alternative reached 100 for ${others.map((c) => `${pct(c.shareAtLeast100)} (vs ${c.vs}; ${pct(copied(c.vs).shareAtLeast100)} under copying)`).join(', ')} of profiles. ` +
    (blind.length ? `Where that share is 20% or more (${blind.join(', ')}), the figure does not tell copying from self-entry; only the LR against self-entry does.` : 'No other alternative\'s figure reaches 100 for as many as 20% of self-entered profiles.');
}

/** The misspecified processes in words: false support against the proposition each is a version of, and for a copying process the shares reaching 10^4. */
export function misspecifiedStatement(r: MatchingResult): string {
  const procs = [...new Set(r.validation.misspecified.map((c) => c.process))];
  const parts = procs.map((process) => {
    const cells = r.validation.misspecified.filter((c) => c.process === process);
    const of = cells[0]!.generatedUnder;
    if (of === 'copied') return `${process}: ${cells.map((c) => `vs ${c.vs} ${pct(c.shareAtLeast10k)} reach 10^4 and ${pct(c.shareAtLeast100)} reach 100`).join(', ')}`;
    const own = cells.find((c) => c.vs === of)!;
    const coupled = own.coupledShareAtLeast100 === null ? '' : `; among the ${own.coupledProfiles} people whose fields move together, ${pct(own.coupledShareAtLeast100)} (${own.coupledShareAtLeast100 <= 0.05 ? 'within' : 'ABOVE'} 5%)`;
    return `${process}: ${pct(own.shareAtLeast100)} of profiles get LR ≥ 100 for copied vs ${of} (${own.shareAtLeast100 <= 0.05 ? 'within' : 'ABOVE'} the 5% this report requires)${coupled}`;
  });
  return `Under processes the stated models do not describe, scored with the stated models: ${parts.join('; ')}.`;
}

/** What the shown fields allow against self-entry, and what would have to be assumed for most copied profiles to reach 10^4 (from the simulation). */
export function attainableStatement(r: MatchingResult): string {
  const c = r.validation.cells.find((x) => x.generatedUnder === 'copied' && x.vs === 'self-entry')!;
  const req = r.validation.requiredCoincidence;
  const at = req.rows.find((x) => x.factor === req.factor);
  const moved = at ? Object.entries(at.assumed).map(([field, v]) => `${field} ${v.toPrecision(2)}`).join(', ') : '';
  const before = at ? req.rows[req.rows.indexOf(at) - 1] : undefined;
  const ub = c.ceilingShareAtLeast10k ?? NaN;
  return `Under the stated models, at most ${pct(ub)} of the copied profiles could reach 10^4 against self-entry, even if every shown field sat at the most copy-favouring level its source allows (an upper bound: tag levels the source list rules out are excluded, other fields take their best level); for the rest, the fields shown and the stated self-entry model cap the LR below 10^4. ` +
    (ub <= 0.5 ? 'So no display of these fields could bring most profiles to 10^4 against the stated self-entry model: the limit lies in the model and the fields shown, not in the comparison. ' : '') +
    (at
      ? `Among the factors tried (${req.rows.map((x) => x.factor).join(', ')}), most copied profiles reach 10^4 first when people are taken to reproduce the source's exact form themselves ${req.factor} times less often than stated (${moved}: ${pct(at.copiedShareAtLeast10k)} reach it${before ? `; at ${before.factor} times, ${pct(before.copiedShareAtLeast10k)}` : ''}). That assumption has a cost if it is wrong: when people in fact reproduce the source as often as stated, scoring their displays with the ${req.factor}-times model gives LR ≥ 100 for copying to ${pct(at.statedSelfEntryShareAtLeast100)} of them and LR ≥ 10 to ${pct(at.statedSelfEntryShareAtLeast10)} (under the stated model: ${pct(req.rows[0]!.statedSelfEntryShareAtLeast100)} and ${pct(req.rows[0]!.statedSelfEntryShareAtLeast10)}). Whether people reproduce the source that rarely is an empirical question the stated defaults do not answer.`
      : `Even with the stated self-entry coincidence divided by ${req.rows[req.rows.length - 1]!.factor}, most copied profiles would not reach 10^4.`);
}

/** Why the LR against one alternative is as large as it is: per field, from the simulation's copied displays. */
export function contributionStatement(r: MatchingResult, vs: string): string {
  const rows = r.validation.fieldContributions.filter((c) => c.vs === vs && Number.isFinite(c.mean)).sort((a, b) => b.mean - a.mean);
  if (!rows.length) return '';
  const all = rows.reduce((a, c) => a + c.mean, 0);
  const each = rows.map((c) => `${c.field} ×${(10 ** c.mean).toPrecision(2)} (shown for ${pct(c.shown)})`).join(', ');
  return `Per field, a copied profile showing the field gains on average (geometric mean of the per-field LR vs ${vs}): ${each}; a profile showing all of them gains about ${lrText(all)} in total, ` +
    `${all >= 4 ? 'above' : 'below'} 10^4, and fewer shown fields give less.`;
}

/** The joint sensitivity in words: the smallest combined LR per alternative when everything moves. */
export function jointStatement(r: MatchingResult): string {
  const rows = r.sensitivity.joint.rows.filter((x) => x.design === 'both');
  const parts = rows.map((x) => `vs ${x.alternative} from ${lrText(x.min)} to ${lrText(x.max)} (90% of draws ${lrText(x.q05)}–${lrText(x.q95)}; at the defaults ${lrText(x.atDefaults)}${x.atDefaults > x.max ? ', above every draw' : x.atDefaults < x.min ? ', below every draw' : ''})`);
  const below = rows.filter((x) => x.shareAtLeast100 < 1).map((x) => `${x.alternative} (${pct(1 - x.shareAtLeast100)} of draws)`);
  return `With the alternative's and the copying model's stated parameters all moved at once (${r.sensitivity.joint.draws} draws, the odds of each r and of each most copy-like share multiplied by a factor within [1/${r.sensitivity.joint.factor}, ${r.sensitivity.joint.factor}]), the combined LR ranges ${parts.join('; ')}. ` +
    (below.length ? `Draws where the combined LR falls below 100: ${below.join(', ')}.` : 'In every draw the combined LR stays at or above 100 against every alternative.');
}

/** The combined statements of the propositions, computed from the figures. */
const COMBINED_FIGURE: Record<string, string> = {
  'median-min': 'for the typical (median) profile of the weakest network',
  'q25-min': 'for the lower-quartile profile of the weakest network',
  'median-sum': 'summed over networks, one typical profile each (networks taken as independent)',
};

/** The combined statements of the propositions, computed from the figures; the ENFSI wording only where the figure is one profile's LR. */
export function propositionStatement(r: MatchingResult): string {
  const model = r.dependence.model;
  const what = COMBINED_FIGURE[model] ?? 'a product-like heuristic over each network\'s effective number of profiles, not a likelihood ratio';
  const oneProfile = model === 'median-min' || model === 'q25-min';
  const weakest = r.propositions.reduce((a, b) => (b.log10Lr < a.log10Lr ? b : a));
  return `The alternatives are reported separately and their figures must not be combined; the smallest of the ${r.propositions.length} separately computed figures is against ${weakest.id} (${lrText(weakest.log10Lr)}). ` + r.propositions.map((p) => {
    const lows = p.perUploader.map((g) => `${g.group} ${lrText(g.log10Lr)}`).join(', ');
    return `Copied vs ${p.id}: ${what} (dependence model ${model}) the figure is ${lrText(p.log10Lr)}${oneProfile ? `; on the ENFSI scale, for that profile: ${p.verbal.replace(/\.$/, '')}` : ''}. Per uploader network ${lows}; ${pct(p.shareAtLeast100)} of profiles have LR ≥ 100 and ${pct(p.shareBelow1)} have LR < 1.`;
  }).join(' ');
}

export interface MatchingReportOptions {
  /** Mask phone numbers in free text (default true). Names never appear: ids and levels only. */
  mask?: boolean;
}

export function matchingReport(result: MatchingResult, options: MatchingReportOptions = {}): InferenceReport {
  const mask = options.mask ?? true;
  const text = (s: string) => (mask ? maskPhonesInText(s) : s);
  const p = result.parameters;
  const all = result.baseline.statistics[0]!;
  const o = result.rates.overall;
  const perm = result.baseline.permutations.toLocaleString('en-US');
  const depText: Record<string, string> = {
    'median-min': 'each uploader network counts as one typical profile (its median per-profile LR); the combined figure is the smallest over networks (the networks may share one source)',
    'q25-min': 'each network counts as its lower-quartile profile; the smallest over networks',
    'median-sum': 'networks independent, one typical profile each (sum of the medians)',
  };
  const dep = depText[p.dependence] ?? `each network: mean log10 LR x its effective number of profiles n / (1 + (n - 1) rho), ${p.dependence}; smallest over networks`;
  return {
    title: { en: 'Source of the displayed non-user profiles', zh: '展示的非用户档案的来源' },
    question: `Were the ${o.profiles} displayed profiles copied from the source platform's profiles of the same people, rather than entered by the people themselves, taken from the uploaders' address books, imported by an avatar app or inferred from contacts, or unrelated?`,
    sections: [
      {
        heading: HEADINGS.method,
        blocks: [
          caseFiguresBlock([
            ['uploaders (address books)', wm.uploadersInCertificate704],
            ['non-users shown', wm.nonUsersInCertificate704],
            ['fields compared', wm.fieldsInCertificate704],
            ["court's standard", wm.matchStandardCourt],
          ]),
          {
            id: 'method', kind: 'paragraph',
            text: `Each displayed profile is paired by id with the source profile of the same person and compared field by field. ${p.pairedBy.length ? `The source accounts were found through ${p.pairedBy.join(', ')}: ${p.pairedBy.length > 1 ? 'these fields agree' : 'this field agrees'} by selection, so ${p.pairedBy.length > 1 ? 'they carry' : 'it carries'} weight 1 in every likelihood ratio (the court-standard rates still count ${p.pairedBy.length > 1 ? 'them' : 'it'}, and are raised by the selection).` : 'The pairing is taken as independent of the compared fields; if the source accounts were found by searching a field (e.g. the displayed name), name it with --paired-by (pairedBy) and it carries weight 1 in every likelihood ratio.'} The court's standard (相同或基本相同) is measured on the levels same / basically the same / different / missing (strictness ${p.strictness}; avatars: the avatars' measured same-picture rule, ${p.samePictureBits} bits at strictness 0.8). The coincidence baseline re-pairs each displayed profile with the source profiles of other people of the same uploader's network (${perm} permutations, seed ${p.seed}). The source-level propositions use finer levels that separate copying from the person's own entry, printed below; chance agreement comes from the joint agreement patterns of ${result.em.unrelatedPairs.toLocaleString('en-US')} unrelated pairs of the same networks and, for names, from national surname shares (${NATIONAL_NAME_REPORT}).`,
          },
          { id: 'levels', kind: 'table', rows: result.comparisons, options: { caption: `Court-standard levels at strictness ${p.strictness}`, maxRows: 100 } },
          { id: 'provenanceLevels', kind: 'table', rows: result.provenanceLevels, options: { caption: 'Levels that separate copying from the alternatives (exact wording before normalisation, near-identical avatar, tag list in order, rare tags, displayed only)', maxRows: 100 } },
          {
            id: 'propositionModels', kind: 'table',
            rows: [
              { alternative: 'H_source (copied)', proposition: p.copying.description, assumptions: p.copying.assumptions.join(' · '), 'values used (r; form given r)': modelValuesText(p.copying), 'where the defaults come from': p.copying.why },
              ...ALTERNATIVE_IDS.map((id) => ({ alternative: id, proposition: p.alternatives[id].description, assumptions: p.alternatives[id].assumptions.join(' · '), 'values used (r; form given r)': modelValuesText(p.alternatives[id]), 'where the defaults come from': p.alternatives[id].why })),
            ],
            options: { caption: 'H_source: the displayed fields were copied from the source platform\'s profile (a copying model fixed in advance); against each alternative, reported separately' },
          },
          ...(p.cfRatesUsed
            ? [{
                id: 'cfRates', kind: 'table' as const,
                rows: p.cfRatesUsed.map((c) => ({
                  field: c.field, [`share of profiles showing it${p.cfCoverage === null ? ' (this evidence)' : ' (given)'}`]: c.coverage, 'share read': c.coverageRead,
                  'r: a shown inferred value is the person\'s own': c.precision, '95% (nearest measured share)': `${c.low.toFixed(3)}–${c.high.toFixed(3)}`, 'method, known share (chosen on half the splits)': `${c.method}, ${c.knownShare}`,
                })),
                options: { caption: 'The cf alternative\'s r, measured: collaborative filtering on SNAP ego-Facebook (real data), precision of the most confident inferences at the share of profiles showing the field (selective display), estimated on the splits not used to choose the method', digits: 3 },
              }]
            : []),
        ],
      },
      {
        heading: HEADINGS.results,
        blocks: [
          { id: 'fieldRates', kind: 'table', rows: fieldRateRows(result.rates.fields, result.baseline.expectedFieldRate), options: { caption: 'Per field: the same or basically the same (95% intervals), beside the rate among unrelated pairs of the same network' } },
          { id: 'fieldRatesChart', kind: 'figure', figure: fieldRatesChart(result.rates.fields, { expected: result.baseline.expectedFieldRate }) },
          { id: 'overallRates', kind: 'table', rows: overallRateRows([o, ...result.rates.byUploader]), options: { caption: 'Overall and per uploader network: all shown fields the same or basically the same' } },
          {
            id: 'byFieldsShown', kind: 'table',
            rows: result.rates.byFieldsShown.map((r) => ({
              'fields shown': r.fieldsShown, profiles: r.profiles, 'all shown agree': `${r.k} / ${r.n}`, rate: pct(r.rate), 'Wilson 95%': `${pct(r.wilsonLow)} – ${pct(r.wilsonHigh)}`,
              ...Object.fromEntries(ALTERNATIVE_IDS.map((id) => [`median LR vs ${id}`, lrText(r.medianLog10LrVs[id])])),
            })),
            options: { caption: 'By the number of fields the app shows: a profile showing only a name is evidence about the name only' },
          },
          {
            id: 'baseline', kind: 'table',
            rows: result.baseline.statistics.map((s) => ({
              statistic: s.name, observed: s.observed, 'expected if unrelated': s.expected.toPrecision(3), 'null 2.5% – 97.5%': formatRange(s.q025, s.q975),
              'P(≥ observed | unrelated)': s.pValue <= 1 / (result.baseline.permutations + 1) ? `≤ ${pText(s.pValue)} (no re-pairing reached it)` : pText(s.pValue),
            })),
            options: { caption: `Observed vs re-pairing within each uploader's network (${perm} permutations, seed ${p.seed})` },
          },
          { id: 'baselineChart', kind: 'figure', figure: nullDistributionChart({ histogram: result.baseline.allShownAgreeHistogram, observed: all.observed, pValue: all.pValue, permutations: result.baseline.permutations }) },
          {
            id: 'analytic', kind: 'table',
            rows: [
              ...result.baseline.analytic.fields.map((f) => ({ item: `${f.field}: chance an unrelated profile carries the same value`, value: pct(f.expectedRate), note: `${f.shown} displayed profiles show it` })),
              { item: 'expected profiles agreeing on all shown fields', value: result.baseline.analytic.expectedAllShownAgree.toPrecision(3), note: `observed ${result.baseline.analytic.observedAllShownAgree}` },
              { item: `P(≥ ${result.baseline.analytic.observedAllShownAgree} | unrelated), fields independent`, value: Number.isFinite(result.baseline.analytic.log10PValue) ? pText(10 ** result.baseline.analytic.log10PValue) : '0', note: result.baseline.analytic.method },
            ],
            options: { caption: 'Analytic estimate from value frequencies (exact values, fields taken as independent: a cross-check of the permutation figure)' },
          },
          {
            id: 'ratesStatement', kind: 'paragraph',
            text: `${o.k} of ${o.n} displayed profiles (${pct(o.rate)}, Wilson 95% ${pct(o.wilsonLow)}–${pct(o.wilsonHigh)}) showed every field the same or basically the same as the source profile; re-paired with other people of the same network, ${all.expected.toPrecision(2)} would be expected, and P(≥ ${all.observed} | unrelated) ${all.pValue <= 1 / (result.baseline.permutations + 1) ? '≤' : '='} ${pText(all.pValue)}.${p.pairedBy.length ? ` These rates and this re-pairing count ${p.pairedBy.join(', ')}, the field${p.pairedBy.length > 1 ? 's' : ''} the source accounts were found through, which agree${p.pairedBy.length > 1 ? '' : 's'} by selection: the re-pairing does not reproduce that selection, so for ${p.pairedBy.length > 1 ? 'these fields' : 'this field'} the figure overstates the evidence; the likelihood ratios below give ${p.pairedBy.length > 1 ? 'them' : 'it'} weight 1.` : ''}${(() => { const none = result.profiles.filter((x) => x.fieldsShown === 0).length; return none ? ` ${none} profile${none > 1 ? 's show' : ' shows'} no field the likelihood ratios weigh and ${none > 1 ? 'are' : 'is'} left out of their shares.` : ''; })()}${(() => { const one = result.profiles.filter((x) => x.fieldsShown === 1 && x.allShownAgree).length; return one ? ` ${one} of the ${o.k} show${one > 1 ? '' : 's'} one field only: ${one > 1 ? 'their' : 'its'} agreement speaks to that field alone (see the rates by number of fields shown).` : ''; })()}`,
          },
        ],
      },
      {
        heading: HEADINGS.strength,
        blocks: [
          { id: 'transformations', kind: 'table', rows: transformationRows(result), options: { caption: 'How each field agrees, per uploader network (share of the profiles showing it): one systematic transformation (a copying process) looks the same in every network', maxRows: 100 } },
          {
            id: 'levelProbabilities', kind: 'table',
            rows: result.levelProbabilities.map((r) => ({ field: r.field, level: r.level, 'P(level | copied)': r.copied, ...Object.fromEntries(ALTERNATIVE_IDS.map((id) => [`P(level | ${id})`, r.vs[id]])), 'EM on these displays (diagnostic)': r.copiedEm })),
            options: { caption: `Level probabilities under each proposition, given the field is shown (copied: the stated copying model, fixed in advance; unrelated: marginal shares, the joint patterns are used in the LR). Last column: what EM with u fixed fits to these displays (λ = ${result.em.lambda.toFixed(3)}, ${result.em.converged ? 'converged' : 'not converged'} after ${result.em.iterations} iterations), a diagnostic not used in any LR: far from the stated copying model means these displays do not look like that copying process`, digits: 3, maxRows: 100 },
          },
          {
            id: 'propositions', kind: 'table',
            rows: result.propositions.map((pr) => ({
              'copied vs': pr.id, 'combined LR': lrText(pr.log10Lr), 'ENFSI (2015)': pr.verbal, 中文: pr.verbalZh,
              ...Object.fromEntries(pr.perUploader.map((g) => [`network ${g.group} (${g.profiles})`, lrText(g.log10Lr)])),
              'profiles with LR ≥ 100': pct(pr.shareAtLeast100), 'profiles with LR < 1': pct(pr.shareBelow1),
              'at most this share could reach 10^4 (upper bound)': pr.ceilingShareAtLeast10k === null ? '–' : pct(pr.ceilingShareAtLeast10k),
              'if reused photos were not cropped': lrText(result.sensitivity.avatarProcessing.find((a) => a.condition === 'uncropped')?.log10Lr[pr.id] ?? NaN),
            })),
            options: { caption: `Copied vs each alternative, combined under the stated dependence model: ${dep}. No product of per-profile LRs. Under 'median-min' and 'q25-min' the combined figure is the likelihood ratio of one typical (or weak) profile of the weakest network, a summary rather than a likelihood ratio for all profiles together (not conservative for the proposition that ALL displays were copied); its ENFSI band describes that one profile, not all profiles together, and it says nothing about the profiles below the median: the share of profiles with LR < 1 is printed beside it. The column 'at most this share could reach 10^4' is an upper bound under the stated models: each profile's shown fields all at the most copy-favouring levels its source allows.` },
          },
          { id: 'propositionChart', kind: 'figure', figure: propositionLrChart(result.profiles, ALTERNATIVE_IDS) },
          { id: 'propositionStatement', kind: 'paragraph', text: propositionStatement(result) },
          {
            id: 'profiles', kind: 'table',
            rows: result.profiles.map((pr) => ({ id: text(pr.id), uploader: text(pr.uploader), 'fields shown': pr.fieldsShown, ...pr.provenance, ...Object.fromEntries(ALTERNATIVE_IDS.map((id) => [`log10 LR vs ${id}`, pr.log10LrVs[id]])) })),
            options: { caption: 'Every displayed profile: provenance level per field and log10 LR of copied vs each alternative (ids only, no names)', maxRows: 100_000, digits: 2 },
          },
          ...(result.truth
            ? [{
                id: 'truth', kind: 'table' as const,
                rows: result.truth.rows.map((r) => ({ 'copied vs': r.alternative, 'copied, called': r.tp, 'copied, not called': r.fn, 'not copied, called': r.fp, 'not copied, not called': r.tn, 'not in the answer key': r.unknown })),
                options: { caption: `Against the generator's answer key (synthetic data only; ${result.truth.rule}; ${result.truth.missingFromKey} displayed id(s) missing from the key, counted, not assumed)` },
              }]
            : []),
        ],
      },
      {
        heading: HEADINGS.sensitivity,
        blocks: [
          {
            id: 'dependence', kind: 'table',
            rows: result.dependence.sensitivity.map((d) => ({ 'dependence model': d.model + (d.model === p.dependence ? ' (used)' : ''), ...Object.fromEntries(ALTERNATIVE_IDS.map((id) => [`copied vs ${id}`, lrText(d[id])])) })),
            options: { caption: 'Combined figure under other dependence models. effective-n (a heuristic, not a likelihood ratio): each network\'s mean log10 LR times its Kish effective number of profiles for an assumed, not estimated, intra-network correlation ρ; it scales the variance of a mean, not a log-LR, and is shown only to say how far a product-like figure would go' },
          },
          {
            id: 'reproduction', kind: 'table',
            rows: result.sensitivity.reproduction.map((r) => ({ alternative: r.alternative, field: r.field, 'default r': r.r, 'r used': r.rUsed, 'combined LR': lrText(r.log10Lr), default: lrText(result.propositions.find((x) => x.id === r.alternative)!.log10Lr) })),
            options: { caption: `Sensitivity to every stated reproduction chance r (its odds multiplied by each of the factors ${p.rFactors.join(', ')}, the others at their defaults)`, maxRows: 200 },
          },
          {
            id: 'wording', kind: 'table',
            rows: result.sensitivity.wording.map((r) => ({ alternative: r.alternative, field: r.field, form: r.form, 'default share': r.share, 'share used': r.shareUsed, 'combined LR': lrText(r.log10Lr), default: lrText(result.propositions.find((x) => x.id === r.alternative)!.log10Lr) })),
            options: { caption: `Sensitivity to every stated wording share (the share of a reproduction in the field's most copy-like form, its odds multiplied by the factors ${p.rFactors.join(', ')}; the other forms rescaled; for tags the chance of a 3+ list in order is shown and both in-order chances, 3+ and 1-2 tags, are moved)`, maxRows: 200 },
          },
          {
            id: 'copyingSensitivity', kind: 'table',
            rows: result.sensitivity.copying.map((r) => ({ field: r.field, parameter: r.parameter === 'r' ? 'r' : `share "${r.parameter}"`, default: r.value, used: r.valueUsed, ...Object.fromEntries(ALTERNATIVE_IDS.map((id) => [`copied vs ${id}`, lrText(r.log10Lr[id])])) })),
            options: { caption: `Sensitivity to the stated copying model (the odds of each r and of each most copy-like share multiplied by the factors ${p.rFactors.join(', ')}, the others at their defaults): combined LR`, digits: 3, maxRows: 200 },
          },
          {
            id: 'jointSensitivity', kind: 'table',
            rows: result.sensitivity.joint.rows.map((r) => ({
              'copied vs': r.alternative, moved: r.design === 'both' ? 'alternative and copying models' : 'alternative model', draws: r.draws, 'at the defaults': lrText(r.atDefaults),
              smallest: lrText(r.min), '5%': lrText(r.q05), median: lrText(r.median), '95%': lrText(r.q95), largest: lrText(r.max), 'draws with LR ≥ 100': pct(r.shareAtLeast100),
            })),
            options: { caption: `Joint sensitivity: every r and every most copy-like share of the models moved at once, their odds each multiplied by an independent factor drawn log-uniformly in [1/${result.sensitivity.joint.factor}, ${result.sensitivity.joint.factor}], ${result.sensitivity.joint.draws} draws, seed ${result.sensitivity.joint.seed}: range of the combined LR` },
          },
          { id: 'jointStatement', kind: 'paragraph', text: jointStatement(result) },
          {
            id: 'levelSettings', kind: 'table',
            rows: [
              { setting: `defaults (near-identical ≤ ${p.nearBits} bits, rare tag ≤ ${p.rareTagShare * 100}% of source profiles, "similar" text at edit similarity ≥ ${p.similarity}, short tag lists ${p.shortTagListShareUsed.toFixed(3)} of lists${p.shortTagListShare === null ? ', this evidence\'s own' : ''})`, ...Object.fromEntries(result.propositions.map((x) => [`copied vs ${x.id}`, lrText(x.log10Lr)])) },
              ...result.sensitivity.levels.map((r) => ({ setting: `${r.parameter} = ${r.value}`, ...Object.fromEntries(ALTERNATIVE_IDS.map((id) => [`copied vs ${id}`, lrText(r.log10Lr[id])])) })),
            ],
            options: { caption: 'Sensitivity to the level settings (each moved alone; the measured avatar forms re-derived for each near-identical setting): combined LR' },
          },
          {
            id: 'avatarProcessing', kind: 'table',
            rows: result.sensitivity.avatarProcessing.map((r) => ({
              'a reused photo is processed by the two platforms': r.condition === 'independent' ? 'independently, each cropping 0-20% (default)' : 'independently, neither cropping (the defence\'s extreme)',
              measurement: r.statement, ...Object.fromEntries(ALTERNATIVE_IDS.map((id) => [`copied vs ${id}`, lrText(r.log10Lr[id])])),
            })),
            options: { caption: 'Sensitivity to how a reused photo is processed: where it lands among the avatar levels is measured under each condition (src/avatars/reprocessing.ts; SYNTHETIC pictures); combined LR' },
          },
          ...(result.sensitivity.cfInterval
            ? [{
                id: 'cfInterval', kind: 'table' as const,
                rows: result.sensitivity.cfInterval.map((x) => ({ 'cf r (employer, school, title)': x.end === 'measured' ? 'as measured (default)' : `all at the ${x.end} end of their 95% intervals`, employer: x.r.employer, school: x.r.school, title: x.r.title, 'copied vs cf': lrText(x.log10Lr) })),
                options: { caption: 'Sensitivity to the cf alternative\'s measured r: a higher r favours cf where a field agrees and copying where it does not, so both ends are shown; combined LR', digits: 3 },
              }]
            : []),
          {
            id: 'strictness', kind: 'table',
            rows: result.sensitivity.strictness.map((r) => ({ strictness: r.value, thresholds: r.thresholds, 'overall rate': pct(r.overallRate), 'expected if unrelated': pct(r.expectedOverallRate), 'log10 P(≥ N | unrelated)': r.log10PValue.toFixed(1) })),
            options: { caption: 'Sensitivity of the court-standard rates to the thresholds' },
          },
          { id: 'strictnessChart', kind: 'figure', figure: sensitivityChart(result.sensitivity.strictness) },
          {
            id: 'simulation', kind: 'table',
            rows: result.validation.cells.map((c) => ({
              'generated under': c.generatedUnder, 'LR: copied vs': c.vs, profiles: c.profiles, '5%': c.q05.toFixed(1), '25%': c.q25.toFixed(1), median: c.median.toFixed(1), '75%': c.q75.toFixed(1), '95%': c.q95.toFixed(1),
              'LR ≥ 100': pct(c.shareAtLeast100), 'LR ≥ 10^4': pct(c.shareAtLeast10k),
              'at most ≥ 10^4 (upper bound)': c.ceilingShareAtLeast10k === null ? '–' : pct(c.ceilingShareAtLeast10k),
            })),
            options: { caption: `Simulation study (SYNTHETIC; ${result.validation.generator}; seed ${result.validation.options.seed}; ${result.validation.reusedPhotos}): log10 LR quantiles under data generated by each proposition. The alternatives' cells are a self-consistency check (data drawn from the models the LR divides by); 'at most ≥ 10^4' is an upper bound under the stated models (every shown field at the most copy-favouring level its source allows)`, maxRows: 100 },
          },
          { id: 'simulationChart', kind: 'figure', figure: simulationChart(result.validation.cells) },
          {
            id: 'fieldContributions', kind: 'table',
            rows: result.validation.fieldContributions.map((c) => ({ 'copied vs': c.vs, field: c.field, 'shown in': pct(c.shown), 'mean log10 LR': c.mean.toFixed(2), 'median log10 LR': c.median.toFixed(2), 'geometric-mean LR': Number.isFinite(c.mean) ? (10 ** c.mean).toPrecision(3) : '–' })),
            options: { caption: 'Simulation, copied displays: what each field adds to log10 LR(copied vs the alternative) among the profiles showing it (unrelated uses joint patterns, not per-field terms)', maxRows: 100 },
          },
          {
            id: 'misspecified', kind: 'table',
            rows: result.validation.misspecified.map((c) => ({
              process: c.process, 'LR: copied vs': c.vs, profiles: c.profiles, '5%': c.q05.toFixed(1), median: c.median.toFixed(1), '95%': c.q95.toFixed(1),
              'LR ≥ 100': pct(c.shareAtLeast100), 'LR ≥ 10^4': pct(c.shareAtLeast10k),
              'coupled people: LR ≥ 100': c.coupledShareAtLeast100 === null ? '–' : `${pct(c.coupledShareAtLeast100)} of ${c.coupledProfiles}`,
            })),
            options: { caption: `Simulation (SYNTHETIC, seed ${result.validation.options.seed}): data from processes the stated models do not describe, scored with the stated models. ${[...new Map(result.validation.misspecified.map((c) => [c.process, c.description])).entries()].map(([k, d]) => `${k}: ${d}`).join('. ')}`, maxRows: 100 },
          },
          {
            id: 'requiredCoincidence', kind: 'table',
            rows: result.validation.requiredCoincidence.rows.map((r) => ({
              'assumed coincidence divided by': r.factor,
              ...Object.fromEntries(Object.entries(r.assumed).map(([field, v]) => [field === 'avatar' ? 'avatar: photo reused' : field === 'tags' ? 'tags: list of 3+ in order' : field === 'tags (1-2)' ? 'tags: list of 1-2 in order' : `${field}: as written`, v.toPrecision(2)])),
              'copied: LR ≥ 10^4': pct(r.copiedShareAtLeast10k), 'copied: at most ≥ 10^4 (upper bound)': pct(r.copiedCeilingShareAtLeast10k),
              'stated self-entry scored with this row: LR ≥ 100': pct(r.statedSelfEntryShareAtLeast100), 'LR ≥ 10': pct(r.statedSelfEntryShareAtLeast10),
              'this row\'s own self-entry (self-consistency): LR ≥ 100': pct(r.ownSelfEntryShareAtLeast100),
            })),
            options: { caption: `Simulation (SYNTHETIC, seed ${result.validation.options.seed}): what would have to be assumed about self-entry for ${result.validation.requiredCoincidence.target}. Each row divides the stated self-entry coincidence with the source (photo reuse; a field written exactly as the source writes it; the source's tag list in order) by a factor; the name is left as stated. 'Stated self-entry scored with this row': displays generated by people who behave as the STATED model says, scored with the row's model (the cost of the row's assumption if it is wrong); last column: displays generated under the row's own model and scored with it, a self-consistency check that is small by construction`, maxRows: 100 },
          },
          { id: 'validationStatement', kind: 'paragraph', text: validationStatement(result) },
        ],
      },
    ],
    limitations: [
      'The alternatives\' level probabilities are stated assumptions (printed with their reasons and moved in the sensitivity table); a reference sample of the same people\'s profiles on a third platform replaces the self-entry model with a measurement (--reference); the cf alternative\'s employer, school and title rates are measured on a real graph (SNAP ego-Facebook); the other alternatives\' rates stay stated.',
      'P(level | copied) is a stated copying model fixed in advance (printed with its reasons, moved in the sensitivity tables), not fitted to these displays; its text defaults follow the same account of copying as the synthetic generator, so on the committed synthetic set they fit by construction (the avatar\'s re-encoding is measured instead and does not follow the generator\'s stated bit flips). On real evidence compare it with the EM diagnostic column; level frequencies measured on displays known to be copied would replace it.',
      'The joint sensitivity moves the odds of every r and of every most copy-like share at once, within a factor of the stated defaults (the one-at-a-time tables move the odds too, by the listed factors); it does not move the other form shares separately, nor the level settings and the dependence model together with them.',
      'Fields are taken as independent given each alternative; chance agreement (unrelated) uses joint patterns instead. The simulation\'s misspecified cells show what coupled fields do to false support.',
      'A reference sample (the same people on a third platform) must come from a platform that does not import profiles from the source (e.g. by an OAuth login that copies the avatar and name); otherwise the reference itself looks copied and the self-entry model it gives is too close to copying.',
      'Where a reused photo lands among the avatar levels is measured on SYNTHETIC pictures through the crop table\'s platform pipelines (crop 0-20%, 100-180 px, JPEG 60-95), not on the real platforms\' processing; if both platforms kept the picture whole, a reused photo is as close as a copied file (see the avatar-processing sensitivity table). The same person\'s uploads on two real platforms would replace it.',
      'Shared errors and stale values (a display matching an earlier state of the source) need an earlier capture of the source and are not measured here.',
      'The per-network transformations table is descriptive. Under the stated models each profile\'s form is drawn on its own, so the per-profile form terms already carry what the forms say; a copying process that applied one transformation to every profile of a network would make those forms dependent and could add weight where one form dominates a network, which these figures do not claim.',
      'Name frequencies: only partial national figures are citable (top-10 surname shares, compound-surname counts); unlisted surnames get an upper bound and given names their share among the source profiles.',
      'No probability of copying is reported: that needs a prior, which is for the court.',
    ],
  };
}
