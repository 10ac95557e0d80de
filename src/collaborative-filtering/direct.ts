/**
 * Direct information as its own alternative. The defendant said its inputs included Weibo
 * users' data and the tags Weibo friends wrote about a person (微博好友所作标签). Those are
 * information *about the target himself*, taken from the source platform: showing them is
 * copying from the source, not inference from contacts. Neither the copy ceiling (which bounds
 * methods that output a value some observed contact holds) nor Fano over the contacts' values
 * bounds them.
 *
 * This module makes the distinction explicit. Each input source is declared as data: what kind
 * of step it is (inference from contacts, or copying from the source) and which displayed
 * fields it can supply (for the person's own Weibo data: the OpenAPI scopes Maimai had, avatar,
 * name and tags; occupation and education were advanced scopes it never applied for, FACTS
 * inference 1). For each combination of sources, the share of targets whose compared fields
 * would all be explained: per target, a field is explained when the best CF method got it right
 * or a direct source supplies it (for a share `coverage` of targets, independently).
 *
 * @example
 * explainedShare([[1, 0], [0, 0]], ['employer', 'tags'], { tags: 1 }); // => 0.5 (target 1: employer by CF, tags copied)
 */
export type SourceKind = 'inference from contacts' | 'copying from the source';

export interface InputSource {
  id: string;
  label: string;
  kind: SourceKind;
  /** Fields the source can supply directly (empty for CF: it infers, from contacts). */
  fields: string[];
  /** Where the record says so. */
  basis: string;
}

/** The input sources the defendant named, as data. */
export const INPUT_SOURCES: readonly InputSource[] = Object.freeze([
  {
    id: 'contacts', label: "registered users' own data and address books (CF)", kind: 'inference from contacts', fields: [],
    basis: 'defendant: computed from Maimai users\' self-entered data (FACTS inference 3)',
  },
  {
    id: 'friendsTags', label: 'tags Weibo friends wrote about the person (微博好友所作标签)', kind: 'copying from the source', fields: ['tags'],
    basis: 'defendant: its inputs included the tags Weibo friends wrote about a person (FACTS inference 3)',
  },
  {
    id: 'ownWeibo', label: "the person's own prior Weibo data (OpenAPI scopes: avatar, name, tags)", kind: 'copying from the source', fields: ['avatar', 'name', 'tags'],
    basis: 'cooperation via Weibo OpenAPI read avatar, name, tags; occupation and education were advanced scopes never applied for (FACTS inference 1)',
  },
]);

/**
 * Share of targets with every compared field explained: per target, Π over fields of
 * [cf right] + [cf wrong] · coverage(field), averaged (coverage = share of targets a direct
 * source supplies the field for; 0 when none does).
 */
export function explainedShare(cfCorrect: ArrayLike<number>[], fields: string[], coverage: Record<string, number>): number {
  if (cfCorrect.length !== fields.length) throw new RangeError(`explainedShare: ${cfCorrect.length} flag arrays for ${fields.length} fields`);
  const T = cfCorrect[0]?.length ?? 0;
  if (!T) return 0;
  let sum = 0;
  for (let i = 0; i < T; i++) {
    let p = 1;
    fields.forEach((f, j) => {
      const c = cfCorrect[j]![i]! ? 1 : 0;
      p *= c + (1 - c) * (coverage[f] ?? 0);
    });
    sum += p;
  }
  return sum / T;
}

export interface DirectRow {
  sources: string;
  kinds: string;
  /** Compared fields some source in the set supplies directly (copying). */
  fieldsCopied: string[];
  /** Compared fields left to inference. */
  fieldsInferred: string[];
  /** Share of targets with every compared field explained. */
  explained: number;
}

/** How much each combination of input sources can explain (CF alone, CF + each direct source, direct sources alone). */
export function directInformation(options: { fields: string[]; cfCorrect: ArrayLike<number>[]; directCoverage: number; sources?: readonly InputSource[] }): DirectRow[] {
  const sources = options.sources ?? INPUT_SOURCES;
  const cf = sources.find((s) => s.kind === 'inference from contacts');
  const direct = sources.filter((s) => s.kind === 'copying from the source');
  const zero = options.fields.map(() => new Uint8Array(options.cfCorrect[0]?.length ?? 0));
  const sets: InputSource[][] = [...(cf ? [[cf]] : []), ...direct.map((d) => (cf ? [cf, d] : [d])), ...(cf && direct.length > 1 ? [[cf, ...direct]] : []), ...(direct.length ? [direct] : [])];
  return sets.map((set) => {
    const copied = options.fields.filter((f) => set.some((s) => s.fields.includes(f)));
    const coverage = Object.fromEntries(copied.map((f) => [f, options.directCoverage]));
    const withCf = set.some((s) => s.kind === 'inference from contacts');
    return {
      sources: set.map((s) => s.label).join(' + '),
      kinds: [...new Set(set.map((s) => s.kind))].join(' + '),
      fieldsCopied: copied,
      fieldsInferred: withCf ? options.fields.filter((f) => !copied.includes(f)) : [],
      explained: explainedShare(withCf ? options.cfCorrect : zero, options.fields, coverage),
    };
  });
}
