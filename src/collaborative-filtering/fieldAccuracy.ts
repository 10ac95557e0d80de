/**
 * How often a value that collaborative filtering SHOWS is the person's own employer, school or job
 * title, measured on a REAL graph with those attributes (SNAP ego-Facebook, McAuley & Leskovec
 * 2012), for every share of people a system might show the field for (selective display: the
 * most confident inferences are right more often than the average):
 * - splits: for each known share the collaborative-filtering analysis calibrates, `repeats`
 *   random splits (`hideShare`; repeat 0 is `calibrateOnSnap`'s split); each hidden person is
 *   inferred from friends with majority vote, kNN and label propagation;
 * - "right" = the inferred value is THE person's source value: SNAP lists several values for many
 *   people (e.g. a school and a university), a source profile shows one, so one listed value per
 *   person is drawn once (seeded) and stands for the source's;
 * - per coverage c (share of hidden people with a known value that are shown, the most confident
 *   first, `coveragePrecision`): the method and known share are CHOSEN on the first half of the
 *   repeats (largest pooled precision, the choice most favourable to "inferred from contacts") and
 *   the precision is ESTIMATED on the other half (pooled), so the figure is not the maximum of the
 *   cells it was chosen from; the 95% interval (Clopper-Pearson) uses the shown count of ONE split
 *   (the repeats re-use the same people, so pooling them is not more information).
 * SNAP's "work;position" is the title. The matching inference's `cf` alternative reads its r (the
 * chance a shown value is the person's own) from the committed measurement at the share of
 * profiles the evidence shows the field for (src/matching/cfRates.ts;
 * src/matching/cfFieldAccuracyMeasured.ts is written by scripts/datasets/cf-field-accuracy.ts).
 *
 * Caveat, stated with the figures: ego networks are dense friend circles (high homophily), so the
 * figures are likely higher than for a contact book.
 *
 * @example
 * const m = await measureCfFieldAccuracy('datasets/reference/snap-ego-facebook', CF_FIELD_ACCURACY_OPTIONS);
 * m.fields.find((f) => f.field === 'school')!.rows.find((r) => r.coverage === 0.5)!.precision;
 */
import { basename } from 'node:path';
import { clopperPearsonInterval } from '../stats/clopperPearsonInterval';
import { deriveSeed, seededRandom } from '../stats/random';
import { COLLABORATIVE_FILTERING_DEFAULTS } from './analysis';
import { hideShare, SNAP_GRAPH_ID } from './calibration';
import { hasLabel, valuesOf, type MultiLabels } from './labels';
import { runMethods, type MethodName } from './methods';
import { coveragePrecision } from './selective';
import { loadSnapEgoFacebook, type SnapAttribute } from './snap';
import { predictionConfidence } from './vote';

export type CfField = 'employer' | 'school' | 'title';

export interface CfFieldAccuracyOptions {
  /** Known shares (share of labelled users whose values stay visible). */
  shares: number[];
  seed: number;
  /** Profile field -> SNAP attribute. */
  fields: Record<CfField, SnapAttribute>;
  /** Coverages at which precision is measured (share of people the field is shown for). */
  coverages: number[];
  methods: MethodName[];
  /** Splits per known share (even): the first half chooses, the second half estimates. */
  repeats: number;
}

/** The collaborative-filtering analysis's own known shares and seed; coverages 0.1 to 1. */
export const CF_FIELD_ACCURACY_OPTIONS: Readonly<CfFieldAccuracyOptions> = Object.freeze({
  shares: [...COLLABORATIVE_FILTERING_DEFAULTS.snapShares],
  seed: COLLABORATIVE_FILTERING_DEFAULTS.seed,
  fields: { employer: 'employer', school: 'school', title: 'position' } as Record<CfField, SnapAttribute>,
  coverages: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
  methods: ['vote', 'knn', 'labelPropagation'] as MethodName[],
  repeats: 6,
});

export interface CfPrecisionRow {
  coverage: number;
  /** Chosen on the first half of the repeats. */
  method: MethodName;
  knownShare: number;
  /** Pooled precision over the second half of the repeats. */
  precision: number;
  /** Mean shown per split (second half), the n of the interval. */
  shownPerSplit: number;
  low: number;
  high: number;
}

export interface CfFieldAccuracy {
  graph: string;
  citation: string;
  /** The graph file read, with its SHA-256 (the attribute files are listed in the data set's README). */
  graphFile: { file: string; sha256: string };
  shares: number[];
  seed: number;
  repeats: number;
  fields: Array<{ field: CfField; attribute: string; rows: CfPrecisionRow[] }>;
}

/** Measure (see module comment). `dir` holds SNAP's `facebook/` folder. */
export async function measureCfFieldAccuracy(dir: string, options: CfFieldAccuracyOptions): Promise<CfFieldAccuracy> {
  if (options.repeats < 2 || options.repeats % 2) throw new RangeError(`repeats must be even and at least 2, got ${options.repeats}`);
  const fb = await loadSnapEgoFacebook(dir);
  const half = options.repeats / 2;
  const fields = (Object.entries(options.fields) as Array<[CfField, SnapAttribute]>).map(([field, attribute]) => {
    const labels = fb.attributes[attribute] as MultiLabels;
    // the source's value: one listed value per person, drawn once
    const rng = seededRandom(deriveSeed(options.seed, `source value:${attribute}`));
    const sourceValue = new Int32Array(labels.offsets.length - 1).fill(-1);
    for (let u = 0; u < sourceValue.length; u++) {
      const vs = valuesOf(labels, u);
      const pick = vs.length ? vs[Math.floor(rng() * vs.length)]! : -1;
      sourceValue[u] = pick;
    }
    // counts[c][method|share][0 choose, 1 estimate] = [right, shown, splits]
    const key = (m: MethodName, share: number) => `${m}|${share}`;
    const counts = options.coverages.map(() => new Map<string, [number, number, number][]>());
    for (const share of options.shares) {
      for (let rep = 0; rep < options.repeats; rep++) {
        const { known, hidden } = hideShare(labels, share, deriveSeed(options.seed, `${SNAP_GRAPH_ID.key}:${attribute}:${share}:${rep}`));
        const r = runMethods(fb.graph, known, labels, hidden, { methods: options.methods });
        const knownTruth = Uint8Array.from(hidden, (t) => (hasLabel(labels, t) ? 1 : 0));
        for (const m of options.methods) {
          const p = r.predictions[m];
          if (!p) continue;
          const confidence = predictionConfidence(p);
          const correct = Uint8Array.from(p.predicted, (v, i) => (v >= 0 && v === sourceValue[hidden[i]!] ? 1 : 0));
          const cp = coveragePrecision(confidence, correct, knownTruth, options.coverages);
          cp.coverage.forEach((_, c) => {
            const shown = cp.shown[c]!;
            const prec = cp.precision[c]!;
            const cell = counts[c]!.get(key(m, share)) ?? [[0, 0, 0], [0, 0, 0]];
            const slot = cell[rep < half ? 0 : 1]!;
            if (shown > 0 && Number.isFinite(prec)) { slot[0] += prec * shown; slot[1] += shown; }
            slot[2]++;
            counts[c]!.set(key(m, share), cell);
          });
        }
      }
    }
    const rows: CfPrecisionRow[] = options.coverages.map((coverage, c) => {
      let bestKey = '';
      let bestPrec = -1;
      let bestN = -1;
      for (const [k, cell] of counts[c]!) {
        const [right, shown] = cell[0]!;
        if (!shown) continue;
        const prec = right / shown;
        if (prec > bestPrec || (prec === bestPrec && shown > bestN)) { bestKey = k; bestPrec = prec; bestN = shown; }
      }
      if (!bestKey) throw new RangeError(`no inference of SNAP attribute '${attribute}' at coverage ${coverage}`);
      const [right, shown, splits] = counts[c]!.get(bestKey)![1]!;
      const [m, share] = bestKey.split('|');
      const precision = shown ? right / shown : NaN;
      const shownPerSplit = splits ? shown / splits : 0;
      const n = Math.max(1, Math.round(shownPerSplit));
      const [low, high] = clopperPearsonInterval(Math.round(precision * n), n, 0.95);
      return { coverage, method: m as MethodName, knownShare: Number(share), precision, shownPerSplit, low: low!, high: high! };
    });
    return { field, attribute, rows };
  });
  return {
    graph: SNAP_GRAPH_ID.name,
    citation: 'J. McAuley and J. Leskovec, Learning to Discover Social Circles in Ego Networks, NIPS 2012 (SNAP egonets-Facebook)',
    graphFile: { file: `facebook/${basename(fb.provenance[0]!.path)}`, sha256: fb.provenance[0]!.sha256! },
    shares: [...options.shares], seed: options.seed, repeats: options.repeats, fields,
  };
}
