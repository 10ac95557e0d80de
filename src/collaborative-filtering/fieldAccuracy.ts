/**
 * How often collaborative filtering recovers a person's own employer, school and job title from
 * their friends, measured on a REAL graph with those attributes (SNAP ego-Facebook, McAuley &
 * Leskovec 2012), as a system that SHOWS a field only for some people would show it: for every
 * known share the collaborative-filtering analysis calibrates, hide the other labelled users
 * (`hideShare`, the seeds of `calibrateOnSnap`), infer them with every method (majority vote, kNN,
 * label propagation), and take the precision of the most confident inferences at the coverage the
 * field is shown with (`coveragePrecision`, selective display: a confident subset is right more
 * often than the average). Per field, the LARGEST precision over methods and known shares: the
 * figure most favourable to "the values were inferred from contacts". SNAP's "work;position" is
 * the title. The matching inference's `cf` alternative takes its r (the chance a shown value is
 * the person's own) from the committed measurement (src/matching/cfFieldAccuracyMeasured.ts,
 * written by scripts/datasets/cf-field-accuracy.ts); the coverages are that model's shown rates.
 *
 * Caveats, stated with the figures: ego networks are dense friend circles (high homophily, so the
 * figures are high for a contact book); "right" means one of the person's listed values; the
 * largest of several estimates is biased upward (all three favour the defence).
 *
 * @example
 * const m = await measureCfFieldAccuracy('datasets/reference/snap-ego-facebook', CF_FIELD_ACCURACY_OPTIONS);
 * m.fields.find((f) => f.field === 'school')!.precision; // share right among the shown 40%
 */
import { basename } from 'node:path';
import { clopperPearsonInterval } from '../stats/clopperPearsonInterval';
import { deriveSeed } from '../stats/random';
import { COLLABORATIVE_FILTERING_DEFAULTS } from './analysis';
import { hideShare, SNAP_GRAPH_ID } from './calibration';
import { runMethods, type MethodName } from './methods';
import { coveragePrecision } from './selective';
import { loadSnapEgoFacebook, type SnapAttribute } from './snap';

export type CfField = 'employer' | 'school' | 'title';

export interface CfFieldAccuracyOptions {
  /** Known shares (share of labelled users whose values stay visible). */
  shares: number[];
  seed: number;
  /** Profile field -> SNAP attribute. */
  fields: Record<CfField, SnapAttribute>;
  /** Profile field -> share of people the field is shown for (the cf model's `shown`). */
  coverage: Record<CfField, number>;
  methods: MethodName[];
}

/** The collaborative-filtering analysis's own calibration settings (known shares, seed); the coverages are matching's cf model's shown rates (a test checks they agree). */
export const CF_FIELD_ACCURACY_OPTIONS: Readonly<CfFieldAccuracyOptions> = Object.freeze({
  shares: [...COLLABORATIVE_FILTERING_DEFAULTS.snapShares],
  seed: COLLABORATIVE_FILTERING_DEFAULTS.seed,
  fields: { employer: 'employer', school: 'school', title: 'position' } as Record<CfField, SnapAttribute>,
  coverage: { employer: 0.5, school: 0.4, title: 0.3 },
  methods: ['vote', 'knn', 'labelPropagation'] as MethodName[],
});

export interface CfFieldAccuracy {
  graph: string;
  citation: string;
  /** The graph file read, with its SHA-256 (the attribute files are listed in the data set's README). */
  graphFile: { file: string; sha256: string };
  shares: number[];
  seed: number;
  fields: Array<{
    field: CfField; attribute: string;
    /** Share of hidden people whose value was shown (requested coverage). */
    coverage: number;
    /** Share right among the shown: the largest over methods and known shares. */
    precision: number;
    /** Shown people behind `precision`, and its Clopper-Pearson 95% interval. */
    shown: number; low: number; high: number;
    method: MethodName; knownShare: number;
    /** Accuracy over ALL hidden people with a known value, same method and share (no selection). */
    accuracy: number;
    targetsWithKnownValue: number;
  }>;
}

/** Measure (see module comment). `dir` holds SNAP's `facebook/` folder. */
export async function measureCfFieldAccuracy(dir: string, options: CfFieldAccuracyOptions): Promise<CfFieldAccuracy> {
  const fb = await loadSnapEgoFacebook(dir);
  const fields = (Object.entries(options.fields) as Array<[CfField, SnapAttribute]>).map(([field, attribute]) => {
    const labels = fb.attributes[attribute];
    const coverage = options.coverage[field];
    let best: CfFieldAccuracy['fields'][number] | null = null;
    for (const share of options.shares) {
      // the same split as calibrateOnSnap's first repeat
      const { known, hidden } = hideShare(labels, share, deriveSeed(options.seed, `${SNAP_GRAPH_ID.key}:${attribute}:${share}:0`));
      const r = runMethods(fb.graph, known, labels, hidden, { methods: options.methods });
      for (const m of options.methods) {
        const p = r.predictions[m];
        if (!p) continue;
        const confidence = Float64Array.from(p.support, (v, i) => (p.predicted[i]! >= 0 ? Math.max(v, Number.MIN_VALUE) : 0));
        const c = coveragePrecision(confidence, r.correct[m]!, r.knownTruth, [coverage]);
        const precision = c.precision[0]!;
        const shown = c.shown[0]!;
        if (!shown || !Number.isFinite(precision)) continue;
        if (!best || precision > best.precision || (precision === best.precision && shown > best.shown)) {
          const [low, high] = clopperPearsonInterval(Math.round(precision * shown), shown, 0.95);
          best = { field, attribute, coverage, precision, shown, low: low!, high: high!, method: m, knownShare: share, accuracy: r.accuracy[m]!, targetsWithKnownValue: r.targetsWithKnownValue };
        }
      }
    }
    if (!best) throw new RangeError(`no inference of SNAP attribute '${attribute}' at coverage ${coverage}`);
    return best;
  });
  return {
    graph: SNAP_GRAPH_ID.name,
    citation: 'J. McAuley and J. Leskovec, Learning to Discover Social Circles in Ego Networks, NIPS 2012 (SNAP egonets-Facebook)',
    graphFile: { file: `facebook/${basename(fb.provenance[0]!.path)}`, sha256: fb.provenance[0]!.sha256! },
    shares: [...options.shares], seed: options.seed, fields,
  };
}
