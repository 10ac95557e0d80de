/**
 * Validation by simulation: displays generated under EACH proposition for the SAME people, and
 * the distribution of every likelihood ratio (copied vs each alternative) under each.
 *
 * The people and their source profiles come from `generateSyntheticEvidence` (the committed
 * generator, all displays copied with its copy noise: re-encoded avatars, short company names,
 * title synonyms, school abbreviations, truncated tag lists, stale values). The other displays
 * are built from the same source profiles by the stated models of `propositions.ts`: per field,
 * shown with the model's `shown` chance; if shown, the person's own value in a form drawn from
 * `form` with chance r, else the value of another person of the population. `unrelated` shows
 * another person's whole profile. The copied displays come from the generator's own copy noise
 * (`DEFAULT_COPY_NOISE`); the stated copying model the LR uses (`DEFAULT_COPYING`) was written
 * from the same account of copying, rounded, so the copied cells do NOT test that model against
 * another copying process, and the alternatives' cells, drawn from the very models the LR divides
 * by, are a self-consistency check (for a correctly specified LR, P(LR >= k | H) <= 1/k), not an
 * error rate. The MISSPECIFIED cells do that: data from processes the stated models do not
 * describe (`MISSPECIFIED_PROCESSES`), scored with the stated models.
 * A reused photo (an alternative's avatar reproducing the person's own picture) is not drawn from
 * the model's avatar form: it takes the pHash distance of one measured pair of the reprocessing
 * measurement's CHECK half (`REPROCESSING_MEASURED.distances.independent.check`: a synthetic
 * picture processed independently by two platforms, crop 0-20%, resize, re-encode; pictures other
 * than the model half the stated forms are read from) and lands in whichever level that distance
 * falls.
 * SYNTHETIC: generator + seed; same seed, same figures.
 */
import { DEFAULT_SCHOOL_ALIAS_PAIRS } from '../text/school';
import { deriveSeed, randomInt, seededRandom, shuffleInPlace, type Rng } from '../stats/random';
import { quantileSorted } from '../stats/quantileSorted';
import { pairProfiles } from './compare';
import { flipBits, generateSyntheticEvidence, type CopyNoise } from './generator';
import type { ProfileRow } from './profile';
import { ALTERNATIVE_IDS, tagFormGivenLength, type AlternativeId, type AlternativeModel } from './propositions';
import { fieldLog10UnderModel, log10LrVsModel, propositionLikelihoods, type LrBasis, type PropositionSettings } from './propositionLr';
import { log10LrCeiling } from './ceiling';
import { coincidenceDividedBy, coincidenceValues, mostCopyLikeForm } from './jointSensitivity';
import { REPROCESSING_MEASURED } from '../avatars/reprocessingMeasured';
import { EMPLOYERS, FIRM_FORMS, FIRM_REGIONS, HOMOPHONES, TITLES, TRADITIONAL } from './vocab';

/** What the data were generated under: copying, or one of the alternatives. */
export type GeneratingProposition = 'copied' | AlternativeId;
export const GENERATING_PROPOSITIONS: readonly GeneratingProposition[] = ['copied', ...ALTERNATIVE_IDS];

const SIMPLIFIED = Object.fromEntries(Object.entries(TRADITIONAL).map(([s, t]) => [t, s]));
const SCHOOL_ALIAS = new Map<string, string>();
for (const [alias, canonical] of DEFAULT_SCHOOL_ALIAS_PAIRS) if (!SCHOOL_ALIAS.has(canonical) && !/^[a-z ]{7,}$/i.test(alias)) SCHOOL_ALIAS.set(canonical, alias);
const TITLE_SYNONYM = new Map<string, string>();
for (const [t, , syn] of TITLES) if (syn.length) {
  TITLE_SYNONYM.set(t, syn[0]!);
  for (const s of syn) TITLE_SYNONYM.set(s, t);
}
const EMPLOYER_OTHER = new Map<string, string>();
for (const [registered, short] of EMPLOYERS) if (registered !== short) {
  EMPLOYER_OTHER.set(registered, short);
  EMPLOYER_OTHER.set(short, registered);
}

/** The same text after a change normalisation undoes: traditional<->simplified, else an ideographic space. */
function normalisedVariant(s: string): string {
  const swapped = Array.from(s, (c) => TRADITIONAL[c] ?? SIMPLIFIED[c] ?? c).join('');
  if (swapped !== s) return swapped;
  const cs = [...s];
  return cs.length > 1 ? `${cs[0]}\u3000${cs.slice(1).join('')}` : `${s}\u3000`;
}

function entityVariant(field: string, s: string): string {
  if (field === 'employer') {
    const other = EMPLOYER_OTHER.get(s);
    if (other) return other;
    const region = FIRM_REGIONS.find((r) => s.startsWith(r));
    const form = [...FIRM_FORMS].sort((a, b) => b.length - a.length).find((f) => s.endsWith(f));
    if (region && form) return s.slice(region.length, s.length - form.length);
    return `北京${s}有限公司`;
  }
  if (field === 'title') return TITLE_SYNONYM.get(s) ?? s;
  if (field === 'school') return SCHOOL_ALIAS.get(s) ?? s;
  return s;
}

function similarVariant(field: string, s: string, rng: Rng): string {
  const cs = [...s];
  if (field === 'name') {
    const k = 1 + randomInt(rng, Math.max(1, cs.length - 1));
    const h = HOMOPHONES[cs[k]!];
    if (h) return [...cs.slice(0, k), h, ...cs.slice(k + 1)].join('');
    return `${s}总`;
  }
  if (field === 'title') return `高级${s}`;
  return cs.length >= 4 ? cs.slice(0, -1).join('') : `${s}科技`;
}

function ownValue(field: string, form: string, value: string, rng: Rng): string | null {
  switch (form) {
    case 'exact': case 'identical': return value;
    case 'same after normalisation': return normalisedVariant(value);
    case 'same entity': return entityVariant(field, value);
    case 'similar': return similarVariant(field, value, rng);
    case 'near-identical': return flipBits(value, 1 + randomInt(rng, 4), rng);
    case 'same picture': return flipBits(value, 5 + randomInt(rng, 8), rng);
    default: return null; // 'different', 'displayed only' (a measured model): another person's value
  }
}

const TAG_SPLIT = /[,，、]/u;
const tagList = (value: unknown) => String(value ?? '').split(TAG_SPLIT).filter((t) => t !== '');

function ownTags(form: string, value: string, population: string[], rng: Rng, counts: Map<string, number>): string {
  const tags = tagList(value);
  const others = population.filter((t) => !tags.includes(t));
  shuffleInPlace(rng, others);
  // drawn given the person's list length (`tagFormGivenLength`): 3+ tags -> the first up to 5, 1-2 -> the whole list
  if (form === 'source list in order' || form === 'short list in order') return tags.slice(0, Math.min(5, tags.length)).join('、');
  const sorted = tags.slice().sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0));
  const shared = form === 'rare tag shared' ? sorted.slice(0, 1) : sorted.slice(-Math.min(2, sorted.length));
  const out = [...shared, ...others.slice(0, 1 + randomInt(rng, 2))];
  shuffleInPlace(rng, out);
  return out.join('、');
}

const COLUMN: Record<string, keyof ProfileRow> = { avatar: 'avatar_hash', name: 'name', employer: 'employer', title: 'title', school: 'school', tags: 'tags' };

function drawForm(form: Record<string, number>, rng: Rng): string {
  let x = rng();
  const entries = Object.entries(form);
  for (const [k, p] of entries) if ((x -= p) < 0) return k;
  return entries[entries.length - 1]![0];
}

/** The display an alternative would give for these people (see the module comment). */
export function simulateUnderAlternative(
  displayed: readonly ProfileRow[], source: readonly ProfileRow[], model: AlternativeModel, defaultAvatar: string, seed: number,
  reusedPhotoDistances: readonly number[] = REPROCESSING_MEASURED.distances.independent.check,
  dependence?: { coupledShare: number; coupled?: Set<string> },
): ProfileRow[] {
  if (!reusedPhotoDistances.length) throw new RangeError('reusedPhotoDistances: at least one measured distance is needed');
  if (dependence && !(dependence.coupledShare >= 0 && dependence.coupledShare <= 1)) throw new RangeError(`coupledShare must be in [0, 1], got ${dependence.coupledShare}`);
  const rng = seededRandom(deriveSeed(seed, dependence ? `simulate:${model.id}:coupled:${dependence.coupledShare}` : `simulate:${model.id}`));
  const sortedDistances = reusedPhotoDistances.slice().sort((a, b) => a - b);
  const byId = new Map(source.map((r) => [r.id, r]));
  const tagCountsRaw = new Map<string, number>();
  const population: string[] = [];
  for (const r of source) for (const t of tagList(r.tags)) {
    tagCountsRaw.set(t, (tagCountsRaw.get(t) ?? 0) + 1);
    population.push(t);
  }
  const present = (v: unknown) => v != null && v !== '' && v !== defaultAvatar;
  // a value from elsewhere comes from the same uploader's network (its contacts share employers and
  // schools), as the LR's unrelated baseline assumes; the whole population when the network is one person
  const network = new Map<string, ProfileRow[]>();
  for (const d of displayed) {
    const row = byId.get(d.id);
    if (!row) continue;
    const key = String(d.uploader ?? '');
    let list = network.get(key);
    if (!list) network.set(key, (list = []));
    list.push(row);
  }
  return displayed.map((d) => {
    const own = byId.get(d.id)!;
    const pool = (network.get(String(d.uploader ?? '')) ?? []).length > 1 ? network.get(String(d.uploader ?? ''))! : source;
    const other = () => pool[randomInt(rng, pool.length)]!;
    if (model.id === 'unrelated') {
      let o = other();
      while (o.id === d.id) o = other();
      return { ...o, id: d.id, uploader: d.uploader ?? null, avatar_hash: present(o.avatar_hash) ? o.avatar_hash : null };
    }
    const row: ProfileRow = { id: d.id, uploader: d.uploader ?? null, name: null, avatar_hash: null, employer: null, title: null, school: null, tags: null };
    if (dependence) {
      // one reuse propensity U for a coupled person (every field's uniform is U: comonotone), independent
      // uniforms otherwise; each field's own chances are unchanged (a uniform is a uniform either way)
      const coupled = rng() < dependence.coupledShare;
      const u = rng();
      if (coupled) dependence.coupled?.add(d.id);
      for (const field of Object.keys(COLUMN)) {
        const col = COLUMN[field]!;
        if (rng() >= (model.shown[field] ?? 0)) continue;
        const fm = model.fields[field];
        const value = own[col];
        const v = coupled ? u : rng();
        let shown: string | null = null;
        if (fm !== undefined && v < fm.r && present(value)) {
          const w = v / fm.r; // uniform on [0, 1) given a reproduction: the lower, the more copy-like
          if (field === 'avatar') shown = flipBits(String(value), sortedDistances[Math.min(sortedDistances.length - 1, Math.floor(w * sortedDistances.length))]!, rng);
          else {
            const form0 = field === 'tags' ? tagFormGivenLength(fm.form, tagList(value).length, fm.shortListShare) : fm.form;
            const first = field === 'tags' ? Object.keys(form0)[0] : mostCopyLikeForm(fm)?.[0];
            const ordered = Object.entries(form0).sort(([a], [b]) => (a === first ? -1 : b === first ? 1 : 0));
            let x = w;
            let form = ordered[ordered.length - 1]![0];
            for (const [k, p] of ordered) if ((x -= p) < 0) { form = k; break; }
            shown = field === 'tags' ? (form === 'different' || form === 'displayed only' ? null : ownTags(form, String(value), population, rng, tagCountsRaw)) : ownValue(field, form, String(value), rng);
          }
        }
        if (shown === null) {
          const o = other()[col];
          shown = present(o) ? String(o) : null;
        }
        (row as unknown as Record<string, unknown>)[col] = shown;
      }
      return row;
    }
    for (const field of Object.keys(COLUMN)) {
      const col = COLUMN[field]!;
      if (rng() >= (model.shown[field] ?? 0)) continue;
      const fm = model.fields[field];
      const value = own[col];
      let shown: string | null;
      const reproduces = fm !== undefined && rng() < fm.r && present(value);
      if (reproduces && field === 'avatar') {
        // a reused photo: a measured independent-processing distance (check half), wherever it lands
        shown = flipBits(String(value), reusedPhotoDistances[randomInt(rng, reusedPhotoDistances.length)]!, rng);
      } else if (reproduces && fm) {
        const form = drawForm(field === 'tags' ? tagFormGivenLength(fm.form, tagList(value).length, fm.shortListShare) : fm.form, rng);
        const mine = field === 'tags' ? (form === 'different' || form === 'displayed only' ? null : ownTags(form, String(value), population, rng, tagCountsRaw)) : ownValue(field, form, String(value), rng);
        const v = mine ?? other()[col];
        shown = mine ?? (present(v) ? String(v) : null);
      } else {
        const v = other()[col];
        shown = present(v) ? String(v) : null;
      }
      (row as unknown as Record<string, unknown>)[col] = shown;
    }
    return row;
  });
}

export interface SimulationOptions {
  seed: number;
  /** people (displayed profiles) per generated data set */
  profiles: number;
  uploaders: number;
}

export interface SimulationCell {
  /** the proposition the displays were generated under */
  generatedUnder: GeneratingProposition;
  /** the LR: copied vs this alternative */
  vs: AlternativeId;
  profiles: number;
  /** quantiles of the per-profile log10 LR */
  q05: number;
  q25: number;
  median: number;
  q75: number;
  q95: number;
  /** share of profiles with LR >= 100 and >= 10^4 */
  shareAtLeast100: number;
  shareAtLeast10k: number;
  /**
   * Copied displays, stated per-field alternatives only (else null): share of profiles whose
   * upper-bound LR (`log10LrCeiling`: every shown field at the most copy-favouring level its source allows) reaches
   * 100 and 10^4. No display of the same fields could do better under the stated models.
   */
  ceilingShareAtLeast100: number | null;
  ceilingShareAtLeast10k: number | null;
}

/**
 * One row of the "what would have to be assumed" table: the self-entry model with its assumed
 * coincidence with the source divided by `factor` (`coincidenceDividedBy`), and what the
 * simulation then shows.
 */
export interface RequiredCoincidenceRow {
  factor: number;
  /** the moved assumptions: avatar = photo-reuse chance, other fields = share written exactly as the source (tags: the source's list in order) */
  assumed: Record<string, number>;
  /** copied displays: share with LR(copied vs the moved self-entry) >= 10^4, and whose ceiling reaches 10^4 */
  copiedShareAtLeast10k: number;
  copiedCeilingShareAtLeast10k: number;
  /**
   * The cost of assuming this row's model if people in fact behave as STATED (factor 1): displays
   * generated under the stated self-entry model, scored with this row's model, share with LR >= 100
   * and >= 10 (false support under misspecification).
   */
  statedSelfEntryShareAtLeast100: number;
  statedSelfEntryShareAtLeast10: number;
  /** self-consistency only: displays generated under this row's own model and scored with it, share with LR >= 100 (bounded by about 1% for any correctly specified LR) */
  ownSelfEntryShareAtLeast100: number;
}

/** Under copying: what each field adds to log10 LR(copied vs an alternative) among the profiles showing it. */
export interface FieldContribution {
  vs: AlternativeId;
  field: string;
  /** share of profiles showing the field */
  shown: number;
  /** mean and median of log10 [P(level | copied) / P(level | alternative)] over those profiles */
  mean: number;
  median: number;
}

export interface SimulationStudy {
  options: SimulationOptions;
  generator: string;
  /** where a reused photo's distance comes from (not from the model's avatar form) */
  reusedPhotos: string;
  cells: SimulationCell[];
  /** the copied displays: per-field contributions to the LR against each stated alternative */
  fieldContributions: FieldContribution[];
  /**
   * How much less often than stated people would have to reproduce the source's exact form
   * themselves for MOST copied profiles to reach LR >= 10^4 against self-entry: the table over
   * `factors`, and the smallest factor at which it holds (null: none of them).
   */
  requiredCoincidence: { target: string; rows: RequiredCoincidenceRow[]; factor: number | null };
  /** the misspecified processes (`MISSPECIFIED_PROCESSES`), scored with the stated models: one cell per process and alternative */
  misspecified: Array<SimulationCell & { process: string; description: string; coupledProfiles: number | null; coupledShareAtLeast100: number | null }>;
}

/**
 * A process the stated models do not describe, scored with the stated models: the test the
 * self-consistency cells cannot give.
 */
export interface MisspecifiedProcess {
  id: string;
  /** the proposition this process is a version of */
  of: GeneratingProposition;
  description: string;
  /** self-entry: share of people whose fields share one reuse propensity (`simulateUnderAlternative`'s dependence) */
  coupledShare?: number;
  /** self-entry: where a reused photo lands, another measured condition's check half */
  photoCondition?: 'uncropped';
  /** copying: the generator's copy noise replaced by these values */
  noise?: Partial<CopyNoise>;
}

export const MISSPECIFIED_PROCESSES: readonly MisspecifiedProcess[] = [
  {
    id: 'self-entry, fields together', of: 'self-entry', coupledShare: 0.5,
    description: 'the stated self-entry chances per field, but half of the people have one reuse propensity for every field (whoever reuses the tag list also reuses the photo and the wording); the stated model takes fields as independent',
  },
  {
    id: 'self-entry, photo uploaded whole', of: 'self-entry', photoCondition: 'uncropped',
    description: 'the stated self-entry model, but neither platform crops a reused photo (measured uncropped condition, check half); the stated model assumes both crop 0-20%',
  },
  {
    id: 'copied, another process', of: 'copied',
    noise: { employerShortForm: 0.9, titleSynonym: 0.4, schoolAlias: 0.5, stale: 0.15, tagsAddedLater: 0.3, avatarBitFlips: [[0, 10], [1, 10], [2, 10], [3, 10], [4, 10], [6, 15], [8, 15], [12, 20]] },
    description: 'a copying process other than the generator\'s default: everyday employer names 90%, title synonyms 40%, school abbreviations 50%, stale employer/title 15%, tags added in front later 30%, avatars re-encoded more coarsely',
  },
];

/**
 * Network homophily of the simulated people (`SyntheticOptions.homophily`): 30% of an uploader's
 * contacts with an employer (school) share the network's, so the within-network chance agreement
 * (the unrelated baseline) is higher than across networks, as in real address books. An expert
 * assumption for the simulation only; the committed data set has none.
 */
export const SIMULATION_HOMOPHILY = 0.3;

/** Factors of the required-coincidence table. */
export const REQUIRED_COINCIDENCE_FACTORS: readonly number[] = [1, 2, 3, 5, 10, 20, 50, 100];

/** The share of values at least `t` (NaN for none): the "LR >= 100" and "LR >= 10^4" shares of every table. */
export function shareAtLeast(v: ArrayLike<number>, t: number): number {
  return v.length ? Array.prototype.filter.call(v, (x: number) => x >= t).length / v.length : NaN;
}

/** Run the study: generate under every proposition, compute every LR, summarise its distribution. */
export function simulationStudy(settings: PropositionSettings, options: SimulationOptions): SimulationStudy {
  const ev = generateSyntheticEvidence({ seed: options.seed, displayed: options.profiles, uploaders: options.uploaders, extraSource: 0, copiedShare: 1, homophily: SIMULATION_HOMOPHILY });
  const prepare = { defaultAvatarHashes: [ev.defaultAvatarHash] };
  const cells: SimulationCell[] = [];
  const fieldContributions: FieldContribution[] = [];
  let copiedBasis: LrBasis | null = null;
  let copiedShownRows: number[] = [];
  let selfBasis: LrBasis | null = null;
  let selfShownRows: number[] = [];
  for (const under of GENERATING_PROPOSITIONS) {
    const displayed = under === 'copied' ? ev.displayed : simulateUnderAlternative(ev.displayed, ev.source, settings.alternatives[under], ev.defaultAvatarHash, options.seed);
    const lrs = propositionLikelihoods(pairProfiles(displayed, ev.source, prepare), settings);
    const shownRows = lrs.profiles.flatMap((p, i) => (p.fieldsShown > 0 ? [i] : []));
    if (under === 'self-entry') {
      selfBasis = lrs.basis;
      selfShownRows = shownRows;
    }
    if (under === 'copied') {
      copiedBasis = lrs.basis;
      copiedShownRows = shownRows;
      const copiedPer = fieldLog10UnderModel(lrs.basis, settings.copying);
      const F = lrs.matrix.fields.length;
      const n = lrs.matrix.ids.length;
      for (const vs of ALTERNATIVE_IDS) {
        if (vs === 'unrelated') continue; // unrelated uses joint patterns, not per-field terms
        const altPer = fieldLog10UnderModel(lrs.basis, settings.alternatives[vs]);
        lrs.matrix.fields.forEach((field, f) => {
          const xs: number[] = [];
          for (let i = 0; i < n; i++) if (!Number.isNaN(copiedPer[i * F + f]!)) xs.push(copiedPer[i * F + f]! - altPer[i * F + f]!);
          const sorted = Float64Array.from(xs).sort();
          fieldContributions.push({ vs, field, shown: xs.length / n, mean: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN, median: xs.length ? quantileSorted(sorted, 0.5) : NaN });
        });
      }
    }
    cells.push(...cellsOf(under, lrs, shownRows, settings));
  }
  const misspecified: SimulationStudy['misspecified'] = [];
  for (const proc of MISSPECIFIED_PROCESSES) {
    const coupled = new Set<string>();
    let displayed: ProfileRow[];
    let source = ev.source;
    if (proc.of === 'copied') {
      const other = generateSyntheticEvidence({ seed: options.seed, displayed: options.profiles, uploaders: options.uploaders, extraSource: 0, copiedShare: 1, homophily: SIMULATION_HOMOPHILY, noise: proc.noise ?? {} });
      displayed = other.displayed;
      source = other.source;
    } else {
      const distances = proc.photoCondition ? REPROCESSING_MEASURED.distances[proc.photoCondition].check : undefined;
      displayed = simulateUnderAlternative(ev.displayed, ev.source, settings.alternatives[proc.of], ev.defaultAvatarHash, options.seed, distances, proc.coupledShare === undefined ? undefined : { coupledShare: proc.coupledShare, coupled });
    }
    const lrs = propositionLikelihoods(pairProfiles(displayed, source, prepare), settings);
    const shownRows = lrs.profiles.flatMap((p, i) => (p.fieldsShown > 0 ? [i] : []));
    const coupledRows = shownRows.filter((i) => coupled.has(lrs.profiles[i]!.id));
    for (const c of cellsOf(proc.of, lrs, shownRows, settings)) {
      misspecified.push({
        ...c, process: proc.id, description: proc.description,
        coupledProfiles: proc.coupledShare === undefined ? null : coupledRows.length,
        coupledShareAtLeast100: proc.coupledShare === undefined ? null : shareAtLeast(coupledRows.map((i) => lrs.profiles[i]!.log10LrVs[c.vs]), 2),
      });
    }
  }
  const requiredCoincidence = requiredSelfEntryCoincidence(settings, ev, options.seed, { basis: copiedBasis!, rows: copiedShownRows }, { basis: selfBasis!, rows: selfShownRows });
  const m = REPROCESSING_MEASURED;
  const reusedPhotos = `each reused photo takes the pHash distance of one of ${m.distances.independent.check.length} measured pairs of the reprocessing measurement's check half (${m.pictures - Math.floor(m.pictures / 2)} synthetic pictures, seed ${m.seed}, not the half the stated forms come from; ${m.conditions.independent})`;
  return { options, generator: `src/matching/simulation.ts simulationStudy (people from src/matching/generator.ts generateSyntheticEvidence, network homophily ${SIMULATION_HOMOPHILY})`, reusedPhotos, cells, fieldContributions, requiredCoincidence, misspecified };
}

function cellsOf(under: GeneratingProposition, lrs: ReturnType<typeof propositionLikelihoods>, shownRows: readonly number[], settings: PropositionSettings): SimulationCell[] {
  return ALTERNATIVE_IDS.map((vs) => {
    const v = Float64Array.from(shownRows, (i) => lrs.profiles[i]!.log10LrVs[vs]).sort();
    const ceiling = under === 'copied' && vs !== 'unrelated' ? pick(log10LrCeiling(lrs.basis, settings.copying, settings.alternatives[vs]), shownRows) : null;
    return {
      generatedUnder: under, vs, profiles: v.length,
      q05: quantileSorted(v, 0.05), q25: quantileSorted(v, 0.25), median: quantileSorted(v, 0.5), q75: quantileSorted(v, 0.75), q95: quantileSorted(v, 0.95),
      shareAtLeast100: shareAtLeast(v, 2), shareAtLeast10k: shareAtLeast(v, 4),
      ceilingShareAtLeast100: ceiling ? shareAtLeast(ceiling, 2) : null, ceilingShareAtLeast10k: ceiling ? shareAtLeast(ceiling, 4) : null,
    };
  });
}

function pick(v: Float64Array, rows: readonly number[]): Float64Array {
  return Float64Array.from(rows, (i) => v[i]!);
}

/**
 * The required-coincidence table (see `SimulationStudy.requiredCoincidence`): for each factor k,
 * the self-entry model with its coincidence divided by k; the copied displays' LRs against it and
 * their ceilings; and displays generated under that moved model (false support at LR >= 100).
 */
function requiredSelfEntryCoincidence(
  settings: PropositionSettings, ev: { displayed: ProfileRow[]; source: ProfileRow[]; defaultAvatarHash: string }, seed: number,
  copied: { basis: LrBasis; rows: readonly number[] }, stated: { basis: LrBasis; rows: readonly number[] },
): SimulationStudy['requiredCoincidence'] {
  const prepare = { defaultAvatarHashes: [ev.defaultAvatarHash] };
  const rows: RequiredCoincidenceRow[] = REQUIRED_COINCIDENCE_FACTORS.map((factor) => {
    const moved = coincidenceDividedBy(settings.alternatives['self-entry'], factor);
    const movedSettings: PropositionSettings = { ...settings, alternatives: { ...settings.alternatives, 'self-entry': moved } };
    const displayed = simulateUnderAlternative(ev.displayed, ev.source, moved, ev.defaultAvatarHash, seed);
    const misspecified = pick(log10LrVsModel(stated.basis, moved), stated.rows);
    const underSelf = propositionLikelihoods(pairProfiles(displayed, ev.source, prepare), movedSettings).profiles.filter((p) => p.fieldsShown > 0);
    return {
      factor,
      assumed: coincidenceValues(moved),
      copiedShareAtLeast10k: shareAtLeast(pick(log10LrVsModel(copied.basis, moved), copied.rows), 4),
      copiedCeilingShareAtLeast10k: shareAtLeast(pick(log10LrCeiling(copied.basis, settings.copying, moved), copied.rows), 4),
      statedSelfEntryShareAtLeast100: shareAtLeast(misspecified, 2),
      statedSelfEntryShareAtLeast10: shareAtLeast(misspecified, 1),
      ownSelfEntryShareAtLeast100: shareAtLeast(underSelf.map((p) => p.log10LrVs['self-entry']), 2),
    };
  });
  const hit = rows.find((r) => r.copiedShareAtLeast10k > 0.5);
  return { target: 'more than half of the copied profiles at LR >= 10^4 against self-entry', rows, factor: hit ? hit.factor : null };
}
