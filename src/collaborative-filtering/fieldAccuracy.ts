/**
 * How often collaborative filtering recovers a person's own employer, school and job title from
 * their friends, measured on a REAL graph with those attributes (SNAP ego-Facebook, McAuley &
 * Leskovec 2012): for every known share the collaborative-filtering analysis calibrates, hide the
 * other labelled users, infer them with every method (majority vote, kNN, label propagation),
 * score against the hidden values (`calibrateOnSnap`); per field, the LARGEST accuracy over methods
 * and known shares (`bestInferenceAccuracy`), the figure most favourable to "the values were
 * inferred from contacts". SNAP's "work;position" is the title. The matching inference's `cf`
 * alternative takes its r for these fields from the committed measurement
 * (src/matching/cfFieldAccuracyMeasured.ts, written by scripts/datasets/cf-field-accuracy.ts).
 *
 * Caveats, stated with the figures: ego networks are dense friend circles (high homophily, so the
 * figures are high for a contact book); "right" means one of the person's listed values; the
 * largest of several estimates is biased upward (favours the defence).
 *
 * @example
 * const m = await measureCfFieldAccuracy('datasets/reference/snap-ego-facebook', CF_FIELD_ACCURACY_OPTIONS);
 * m.fields.find((f) => f.field === 'school')!.accuracy; // about 0.75
 */
import { basename } from 'node:path';
import { COLLABORATIVE_FILTERING_DEFAULTS } from './analysis';
import { bestInferenceAccuracy, calibrateOnSnap, SNAP_GRAPH_ID } from './calibration';
import type { MethodName } from './methods';
import { loadSnapEgoFacebook, type SnapAttribute } from './snap';

export interface CfFieldAccuracyOptions {
  /** Known shares (share of labelled users whose values stay visible). */
  shares: number[];
  seed: number;
  /** Profile field -> SNAP attribute. */
  fields: Record<'employer' | 'school' | 'title', SnapAttribute>;
}

/** The collaborative-filtering analysis's own calibration settings (known shares, seed). */
export const CF_FIELD_ACCURACY_OPTIONS: Readonly<CfFieldAccuracyOptions> = Object.freeze({
  shares: [...COLLABORATIVE_FILTERING_DEFAULTS.snapShares],
  seed: COLLABORATIVE_FILTERING_DEFAULTS.seed,
  fields: { employer: 'employer', school: 'school', title: 'position' } as CfFieldAccuracyOptions['fields'],
});

export interface CfFieldAccuracy {
  graph: string;
  citation: string;
  /** The graph file read, with its SHA-256 (the attribute files are listed in the data set's README). */
  graphFile: { file: string; sha256: string };
  shares: number[];
  seed: number;
  fields: Array<{ field: 'employer' | 'school' | 'title'; attribute: string; accuracy: number; method: MethodName; knownShare: number; targetsWithKnownValue: number; low: number; high: number }>;
}

/** Measure (see module comment). `dir` holds SNAP's `facebook/` folder. */
export async function measureCfFieldAccuracy(dir: string, options: CfFieldAccuracyOptions): Promise<CfFieldAccuracy> {
  const fb = await loadSnapEgoFacebook(dir);
  const entries = Object.entries(options.fields) as Array<['employer' | 'school' | 'title', SnapAttribute]>;
  const best = bestInferenceAccuracy(calibrateOnSnap(fb, { shares: options.shares, seed: options.seed, attributes: entries.map(([, a]) => a), graph: SNAP_GRAPH_ID }));
  return {
    graph: SNAP_GRAPH_ID.name,
    citation: 'J. McAuley and J. Leskovec, Learning to Discover Social Circles in Ego Networks, NIPS 2012 (SNAP egonets-Facebook)',
    graphFile: { file: `facebook/${basename(fb.provenance[0]!.path)}`, sha256: fb.provenance[0]!.sha256! },
    shares: [...options.shares], seed: options.seed,
    fields: entries.map(([field, attribute]) => {
      const b = best.find((x) => x.attribute === attribute);
      if (!b) throw new RangeError(`no calibration row for SNAP attribute '${attribute}'`);
      return { field, attribute, accuracy: b.accuracy, method: b.method, knownShare: b.knownShare, targetsWithKnownValue: b.targetsWithKnownValue, low: b.low, high: b.high };
    }),
  };
}
