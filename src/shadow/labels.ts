/**
 * How often the platform's relation labels are wrong, measured on synthetic ground truth.
 *
 * The SMS told the plaintiff that a "former colleague" had tagged him; the court recorded that
 * the friends it named were acquaintances, not former colleagues. A label inferred from
 * shared employers (`relationLabel` in profile.ts) calls a holder a (former) colleague when
 * the employer most holders list is the holder's own (former) employer. That is a guess about
 * the relation from an attribute of the holder, not an observation of the relation. On
 * synthetic data every true tie is known (`ties.csv`), so the guess can be scored.
 *
 * Precision of "colleague" claims: among holder -> non-user pairs labelled colleague or former
 * colleague, the share whose true relation is colleague or former colleague, with a Wilson
 * (1927) 95% interval. The accuracy of the inferred employer itself is scored the same way
 * (correct when it is the non-user's true current or former employer).
 *
 * @example
 * const truth = await loadGroundTruth('../datasets/shadow/persons.csv', '../datasets/shadow/ties.csv', hasher);
 * const ev = evaluateRelationLabels(view, truth);
 * ev.claims.find((c) => c.basis === 'shared employer')?.precision; // e.g. 0.4
 */
import { wilsonInterval } from '../stats/wilsonInterval';
import { readTable, type ProvenanceEntry, type TableSchema } from '../io';
import type { PhoneHasher } from './hash';
import { normalizePhone } from './phone';
import { profileOfGroup, type RelationLabel } from './profile';
import type { TruthRelation } from './synthetic';
import type { PlatformView } from './view';

export const PERSONS_SCHEMA = {
  name: 'contacts-ground-truth-persons',
  description: 'SYNTHETIC ground truth: every phone owner, registered or not.',
  columns: [
    { name: 'person_id', type: 'string', unique: true },
    { name: 'name', type: 'string' },
    { name: 'phone', type: 'string' },
    { name: 'landline', type: 'string', nullable: true },
    { name: 'employer', type: 'string' },
    { name: 'former_employer', type: 'string', nullable: true },
    { name: 'school', type: 'string' },
    { name: 'user_id', type: 'string', nullable: true },
    { name: 'registered_at', type: 'datetime', nullable: true },
    { name: 'uploaded_book', type: 'boolean' },
  ],
} as const satisfies TableSchema;

export const TIES_SCHEMA = {
  name: 'contacts-ground-truth-ties',
  description: 'SYNTHETIC ground truth: true social ties.',
  columns: [
    { name: 'person_a', type: 'string' },
    { name: 'person_b', type: 'string' },
    { name: 'relation', type: 'string', oneOf: ['family', 'friend', 'colleague', 'former colleague', 'classmate', 'acquaintance'] },
    { name: 'closeness', type: 'number', min: 0, max: 1 },
  ],
} as const satisfies TableSchema;

export interface GroundTruth {
  personId: string[];
  name: string[];
  employer: string[];
  formerEmployer: Array<string | null>;
  school: string[];
  tokenToPerson: Map<string, number>;
  userToPerson: Map<string, number>;
  relationOf(a: number, b: number): TruthRelation | null;
  provenance: ProvenanceEntry[];
}

interface PersonRow {
  person_id: string; name: string; phone: string; landline: string | null; employer: string;
  former_employer: string | null; school: string; user_id: string | null;
}
interface TieRow { person_a: string; person_b: string; relation: TruthRelation; closeness: number }

/** Load the synthetic ground truth; numbers are hashed with the same key as the books. */
export async function loadGroundTruth(personsPath: string, tiesPath: string, hasher: PhoneHasher): Promise<GroundTruth> {
  const persons = await readTable<PersonRow>(personsPath, PERSONS_SCHEMA);
  const ties = await readTable<TieRow>(tiesPath, TIES_SCHEMA);
  const idx = new Map<string, number>();
  const tokenToPerson = new Map<string, number>();
  const userToPerson = new Map<string, number>();
  persons.rows.forEach((r, i) => {
    idx.set(r.person_id, i);
    const p = normalizePhone(r.phone);
    if (p.ok) tokenToPerson.set(hasher.hashE164(p.e164).token, i);
    if (r.user_id) userToPerson.set(r.user_id, i);
  });
  const rel = new Map<string, TruthRelation>();
  for (const t of ties.rows) {
    const a = idx.get(t.person_a), b = idx.get(t.person_b);
    if (a === undefined || b === undefined) continue;
    rel.set(a < b ? `${a}|${b}` : `${b}|${a}`, t.relation);
  }
  return {
    personId: persons.rows.map((r) => r.person_id),
    name: persons.rows.map((r) => r.name),
    employer: persons.rows.map((r) => r.employer),
    formerEmployer: persons.rows.map((r) => r.former_employer),
    school: persons.rows.map((r) => r.school),
    tokenToPerson,
    userToPerson,
    relationOf: (a, b) => rel.get(a < b ? `${a}|${b}` : `${b}|${a}`) ?? null,
    provenance: [persons.provenance, ties.provenance],
  };
}

export type LabelBasis = 'saved name' | 'shared employer' | 'shared school' | 'none';

export interface LabelClaim {
  basis: LabelBasis;
  /** Pairs labelled colleague / former colleague on this basis. */
  n: number;
  /** Of which the true relation is colleague / former colleague. */
  correct: number;
  precision: number;
  ci95: [number, number];
}

export interface LabelEvaluation {
  nonUsers: number;
  pairs: number;
  confusion: Array<{ predicted: RelationLabel; basis: LabelBasis; truth: TruthRelation | 'no tie'; count: number }>;
  claims: LabelClaim[];
  employer: { inferred: number; correct: number; accuracy: number; ci95: [number, number] };
}

function basisOf(labelBasis: string): LabelBasis {
  if (labelBasis.startsWith('saved name')) return 'saved name';
  if (labelBasis.includes('employer')) return 'shared employer';
  if (labelBasis.includes('school')) return 'shared school';
  return 'none';
}

const COLLEAGUE = new Set<string>(['colleague', 'former colleague']);

/** Score every non-user's relation labels and inferred employer against the ground truth. */
export function evaluateRelationLabels(view: PlatformView, truth: GroundTruth): LabelEvaluation {
  const counts = new Map<string, number>();
  const claims = new Map<LabelBasis, { n: number; correct: number }>();
  let pairs = 0, nonUsers = 0, inferred = 0, correctEmp = 0;
  for (const g of view.index.nonUsers) {
    const p = profileOfGroup(view, g, undefined, { theta: Infinity });
    const t = truth.tokenToPerson.get(p.token);
    if (t === undefined) continue; // a landline or a number without an owner in the truth
    nonUsers++;
    if (p.employer?.accepted) {
      inferred++;
      if (p.employer.value === truth.employer[t] || p.employer.value === truth.formerEmployer[t]) correctEmp++;
    }
    for (const h of p.holders) {
      const hp = truth.userToPerson.get(h.userId);
      if (hp === undefined) continue;
      pairs++;
      const rel = truth.relationOf(hp, t) ?? 'no tie';
      const basis = basisOf(h.labelBasis);
      const key = `${h.label}\u0000${basis}\u0000${rel}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (COLLEAGUE.has(h.label)) {
        const c = claims.get(basis) ?? { n: 0, correct: 0 };
        c.n++;
        if (COLLEAGUE.has(rel)) c.correct++;
        claims.set(basis, c);
      }
    }
  }
  const confusion = [...counts.entries()]
    .map(([k, count]) => {
      const [predicted, basis, t] = k.split('\u0000') as [RelationLabel, LabelBasis, TruthRelation | 'no tie'];
      return { predicted, basis, truth: t, count };
    })
    .sort((a, b) => a.predicted.localeCompare(b.predicted) || a.basis.localeCompare(b.basis) || b.count - a.count);
  return {
    nonUsers,
    pairs,
    confusion,
    claims: [...claims.entries()].map(([basis, c]) => ({
      basis, n: c.n, correct: c.correct, precision: c.correct / c.n, ci95: wilsonInterval(c.correct, c.n),
    })).sort((a, b) => a.basis.localeCompare(b.basis)),
    employer: {
      inferred, correct: correctEmp, accuracy: inferred ? correctEmp / inferred : NaN,
      ci95: inferred ? wilsonInterval(correctEmp, inferred) : [NaN, NaN],
    },
  };
}

/** For one profile: each holder's label next to the true relation (names masked by the caller). */
export function labelsAgainstTruth(
  profile: ReturnType<typeof profileOfGroup>,
  truth: GroundTruth,
): Array<{ holder: string; label: RelationLabel; basis: string; truth: TruthRelation | 'no tie' | 'unknown'; correct: boolean | null }> {
  const t = truth.tokenToPerson.get(profile.token);
  return profile.holders.map((h) => {
    const hp = truth.userToPerson.get(h.userId);
    const rel = t === undefined || hp === undefined ? 'unknown' : truth.relationOf(hp, t) ?? 'no tie';
    const claimsColleague = COLLEAGUE.has(h.label);
    return {
      holder: h.userId,
      label: h.label,
      basis: h.labelBasis,
      truth: rel,
      correct: rel === 'unknown' || h.label === 'contact' ? null : claimsColleague ? COLLEAGUE.has(rel) : h.label === rel || (h.label === 'family' && rel === 'family'),
    };
  });
}
