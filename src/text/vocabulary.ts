/**
 * Traceable vocabularies: every built-in alias / synonym entry carries the source it comes
 * from, so a report (or an expert in court) can say why 中财 was read as 中央财经大学. An
 * entry whose alias has several readings in common use (南大: 南京大学 or 南开大学) is marked
 * AMBIGUOUS: it normalises to all its readings joined by ` | ` (e.g. `南京大学|南开大学`), never to
 * one of them. Under the matching comparisons such a key is never "same" as a full name; it
 * is "basically the same" as each of its readings (the key contains the reading) and
 * "different" from anything else — scored as compatible with either reading, not resolved.
 *
 * @example
 * vocabularyPairs([{ alias: '南大', canonical: ['南京大学', '南开大学'], source: 'pp-own' }]);
 * // => [['南大', '南京大学|南开大学']]
 * readingsOf('南京大学|南开大学'); // => ['南京大学', '南开大学']
 */

/** Where an entry comes from (printed with the entry; see VOCABULARY_SOURCES). */
export type VocabularySource = 'pp-own' | 'pp-abbr' | 'moe-names' | 'legacy';

export const VOCABULARY_SOURCES: Readonly<Record<VocabularySource, string>> = Object.freeze({
  'pp-own':
    "the project's own entry: common usage as the authors know it, not taken from a published list; an expert should confirm it for the case at hand",
  'pp-abbr':
    "the project's own expansion of a standard abbreviation (HR = human resources = 人力资源; QA = quality assurance, in software teams the testing role 测试)",
  'moe-names':
    "full institution name as listed in the Ministry of Education's 全国高等学校名单 (list of higher-education institutions); transcribed by the project — the official file could not be fetched on the offline build machine, so each name is unverified against it",
  legacy: "entry of the original built-in table (DEFAULT_*_PAIRS, the project's own), kept unchanged",
});

/** Joins the readings of an ambiguous alias in its normalised key. */
export const AMBIGUITY_SEPARATOR = '|';

export interface VocabularyEntry {
  alias: string;
  /** One canonical form, or several readings for an ambiguous alias. */
  canonical: string | readonly string[];
  source: VocabularySource;
  /** Why the entry is there, or why it is ambiguous. */
  note?: string;
}

/** The canonical text of an entry: its one form, or its readings joined by AMBIGUITY_SEPARATOR. */
export function canonicalKey(entry: VocabularyEntry): string {
  return typeof entry.canonical === 'string' ? entry.canonical : entry.canonical.join(AMBIGUITY_SEPARATOR);
}

/** [alias, canonical] pairs for `aliasTable`. */
export function vocabularyPairs(entries: readonly VocabularyEntry[]): Array<[string, string]> {
  return entries.map((e) => [e.alias, canonicalKey(e)]);
}

/** The readings of a normalised key: one for an ordinary value, several for an ambiguous alias. */
export function readingsOf(key: string): string[] {
  return key.split(AMBIGUITY_SEPARATOR);
}

/** True when a normalised key stands for several readings (an ambiguous alias). */
export function isAmbiguousKey(key: string): boolean {
  return key.includes(AMBIGUITY_SEPARATOR);
}

/** One row per entry, for a report table or an annex CSV (alias, canonical, ambiguous, source, note). */
export function vocabularyRows(entries: readonly VocabularyEntry[]): Array<{ alias: string; canonical: string; ambiguous: 'yes' | ''; source: VocabularySource; note: string }> {
  return entries.map((e) => ({
    alias: e.alias,
    canonical: typeof e.canonical === 'string' ? e.canonical : e.canonical.join(' / '),
    ambiguous: typeof e.canonical === 'string' ? '' : 'yes',
    source: e.source,
    note: e.note ?? '',
  }));
}
