/**
 * "What would have changed the conclusion": displays an ALTERNATIVE source would produce.
 *
 * The court's inference is that the agreement seen in certificate 704 is too close for any
 * source but the platform. An alternative source (the person's own entry on another app,
 * collaborative filtering from friends' data, another platform's avatar) reproduces each
 * source value with some probability and otherwise shows a value from the population. This
 * module simulates such a display with declared per-field reproduction probabilities, so a
 * report can set its match rates beside the observed ones.
 *
 * The probabilities are ASSUMPTIONS to be stated in the report. The presets are
 * illustrative, reasoned from REFERENCES: a method that copies neighbours' values cannot
 * output a value no neighbour holds (copy ceiling), so personal tags and one's own avatar
 * are out of its reach; inference from friends works for community-bound attributes
 * (employer, school: Mislove et al. 2010) far better than for high-cardinality ones (Gong &
 * Liu 2016: 57% for city).
 */
import { deriveSeed, randomInt, seededRandom } from '../stats/random';
import type { ProfileField, ProfileRow } from './profile';

/** Per field: probability that the alternative source reproduces the source value. */
export type ReproductionProbabilities = Record<ProfileField, number>;

export const ALTERNATIVE_SOURCES: Readonly<Record<string, { description: string; reproduce: ReproductionProbabilities }>> = {
  'collaborative filtering': {
    description: 'fields inferred from friends\' data (uploaded address books, co-workers): community attributes sometimes right, personal ones (avatar, own tags) out of reach',
    reproduce: { avatar: 0, name: 1, employer: 0.35, title: 0.15, school: 0.3, tags: 0.05 },
  },
  'self-entered elsewhere': {
    description: 'the person filled in a profile on another service: same facts, own wording, often another photo, another tag vocabulary',
    reproduce: { avatar: 0.3, name: 0.9, employer: 0.7, title: 0.5, school: 0.8, tags: 0.05 },
  },
  'other platform avatar (QQ / Renren)': {
    description: 'avatars imported from another platform (the 头像淘淘 defence), other fields from the address book only',
    reproduce: { avatar: 0.5, name: 1, employer: 0, title: 0, school: 0, tags: 0 },
  },
};

const FIELD_COLUMN: Record<ProfileField, keyof ProfileRow> = {
  avatar: 'avatar_hash', name: 'name', employer: 'employer', title: 'title', school: 'school', tags: 'tags',
};

/**
 * Simulate the display an alternative source would give for the same people: for each
 * displayed profile (id, uploader kept) and field, the paired source value with probability
 * `reproduce[field]`, else the value of a random other source profile (the population),
 * which may be empty. Seeded.
 */
export function simulateAlternativeDisplay(
  displayed: readonly ProfileRow[], source: readonly ProfileRow[], reproduce: ReproductionProbabilities, seed: number,
): ProfileRow[] {
  const byId = new Map(source.map((r, i) => [String(r.id), i]));
  const rng = seededRandom(deriveSeed(seed, 'alternative'));
  return displayed.map((d) => {
    const own = byId.get(String(d.id));
    if (own === undefined) throw new RangeError(`displayed id ${JSON.stringify(d.id)} has no source profile`);
    const s = source[own]!;
    const out: ProfileRow = { id: d.id, uploader: d.uploader ?? null, name: null, avatar_hash: null, employer: null, title: null, school: null, tags: null };
    for (const field of Object.keys(FIELD_COLUMN) as ProfileField[]) {
      const col = FIELD_COLUMN[field];
      let value: unknown;
      if (rng() < reproduce[field]) value = s[col];
      else {
        let j = randomInt(rng, source.length - 1);
        if (j >= own) j++;
        value = source[j]![col];
      }
      (out as unknown as Record<string, unknown>)[col] = value ?? null;
    }
    return out;
  });
}
