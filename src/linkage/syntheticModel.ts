/**
 * Comparisons and blocking rules for the integer-coded synthetic profiles of `synthetic.ts`:
 * the same levels the record-level comparisons of the matching area declare (same /
 * basically the same / different / missing), expressed on codes so millions of pairs are
 * compared without making strings.
 */
import { popcount32 } from '../compare/hamming';
import { AVATAR_SIMILARITY } from '../avatars/similarity';
import type { KeyBlockingRule } from './blocking';
import type { ColumnComparison, ColumnLevel } from './compare';
import type { LinkageData } from './synthetic';
import type { SqlBlockingRule, SqlComparison } from './sql';
import { EMPLOYER_VARIANTS, SCHOOL_YEAR_RADIX, employerName, nameInitialsKey, namePinyinKey, nameText, schoolName } from './vocabulary';

const missing: ColumnLevel = {
  label: 'missing', labelZh: '缺失', isNull: true, description: 'either side empty (not shown or not filled in)',
  predicate: (a, b) => a < 0 || b < 0, test: { op: 'missing' },
};
const same: ColumnLevel = { label: 'same', labelZh: '相同', description: 'identical value', predicate: (a, b) => a === b, test: { op: 'equal' } };
const different: ColumnLevel = { label: 'different', labelZh: '不同', description: 'anything else', predicate: () => true, test: { op: 'always' } };

/** Maximum Hamming distance (bits of 64) for "basically the same" avatar: the one avatar similarity rule (src/avatars/similarity.ts). */
export const AVATAR_MAX_BITS = AVATAR_SIMILARITY.threshold;

/** Column comparisons for the synthetic linkage data (name, avatar, employer, title, school, city, tags). */
export function syntheticComparisons(data: LinkageData, options: { avatarMaxBits?: number } = {}): ColumnComparison[] {
  const ns = data.names;
  const hi = data.avatarHi, lo = data.avatarLo;
  const maxBits = options.avatarMaxBits ?? AVATAR_MAX_BITS;
  return [
    {
      name: 'name', column: 'name', description: 'Name as shown vs on the source account',
      levels: [
        missing,
        { ...same, description: 'identical characters' },
        {
          label: 'homophone', labelZh: '同音', description: 'same toneless pinyin, other characters (张伟 / 张玮: a re-typed copy)',
          predicate: (a, b) => namePinyinKey(a, ns) === namePinyinKey(b, ns),
        },
        different,
      ],
    },
    {
      name: 'avatar', column: 'avatar', description: 'Avatar picture, by 64-bit perceptual hash',
      levels: [
        { ...missing, description: 'no avatar on either side (or a default picture)' },
        { label: 'same', labelZh: '相同', description: 'identical perceptual hash', predicate: (a, b) => hi[a] === hi[b] && lo[a] === lo[b] },
        {
          label: 'basically the same', labelZh: '基本相同', description: `hashes differ in at most ${maxBits} of 64 bits (re-encoded copy)`,
          predicate: (a, b) => popcount32((hi[a]! ^ hi[b]!) >>> 0) + popcount32((lo[a]! ^ lo[b]!) >>> 0) <= maxBits,
        },
        different,
      ],
    },
    {
      name: 'employer', column: 'employer', description: 'Employer (occupation: company)',
      levels: [
        missing,
        { ...same, description: 'identical text' },
        {
          label: 'basically the same', labelZh: '基本相同', description: 'same organisation written another way (registered name vs trade name)',
          predicate: (a, b) => Math.floor(a / EMPLOYER_VARIANTS) === Math.floor(b / EMPLOYER_VARIANTS),
          test: { op: 'equalDiv', divisor: EMPLOYER_VARIANTS },
        },
        different,
      ],
    },
    { name: 'title', column: 'title', description: 'Job title (occupation: position)', levels: [missing, same, different] },
    {
      name: 'school', column: 'school', description: 'School and enrolment year (education)',
      levels: [
        missing,
        { ...same, description: 'same school and same enrolment year' },
        {
          label: 'same school', labelZh: '同校', description: 'same school, another year',
          predicate: (a, b) => Math.floor(a / SCHOOL_YEAR_RADIX) === Math.floor(b / SCHOOL_YEAR_RADIX),
          test: { op: 'equalDiv', divisor: SCHOOL_YEAR_RADIX },
        },
        different,
      ],
    },
    { name: 'city', column: 'city', description: 'City', levels: [missing, same, different] },
    {
      name: 'tags', column: 'tags', description: 'User tags (up to three)',
      levels: [
        missing,
        { ...same, description: 'the same tags' },
        {
          label: 'basically the same', labelZh: '基本相同', description: 'at least one tag in common',
          predicate: (a, b) => {
            for (const x of [a >>> 20, (a >>> 10) & 1023, a & 1023]) {
              if (x === 0) continue;
              if (x === b >>> 20 || x === ((b >>> 10) & 1023) || x === (b & 1023)) return true;
            }
            return false;
          },
        },
        different,
      ],
    },
  ];
}

/** Letters of a `nameInitialsKey` (e.g. 'ww' for 王伟). */
export function initialsText(key: number): string {
  const s = Math.floor(key / 729), g = key % 729;
  const letter = (x: number) => (x > 0 ? String.fromCharCode(96 + x) : '');
  return String.fromCharCode(97 + s) + letter(Math.floor(g / 27)) + letter(g % 27);
}

function keys(n: number, f: (i: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}

/**
 * Blocking rules for the synthetic data:
 * 1. name: identical name;
 * 2. initials+employer: same pinyin initials of the name and same organisation (any written form);
 * 3. school+year+surname: same school, enrolment year and surname;
 * 4. avatar-prefix: same first 20 bits of the avatar hash.
 * `schoolOnly` adds the rule "same school" alone, which explodes (used to show the cap).
 */
export function syntheticBlockingRules(data: LinkageData, options: { schoolOnly?: boolean } = {}): KeyBlockingRule[] {
  const ns = data.names;
  const G = ns.givenRadix;
  const L = data.displayed, R = data.source;
  const col = (t: typeof L, c: string) => t.columns[c]!;
  const side = (t: typeof L) => {
    const name = col(t, 'name'), emp = col(t, 'employer'), school = col(t, 'school'), av = col(t, 'avatar');
    return {
      name: keys(t.size, (i) => name[i]!),
      initialsEmployer: keys(t.size, (i) =>
        name[i]! < 0 || emp[i]! < 0 ? -1 : nameInitialsKey(name[i]!, ns) * 2 ** 24 + Math.floor(emp[i]! / EMPLOYER_VARIANTS)),
      schoolYearSurname: keys(t.size, (i) => (name[i]! < 0 || school[i]! < 0 ? -1 : school[i]! * 512 + Math.floor(name[i]! / G))),
      avatarPrefix: keys(t.size, (i) => (av[i]! < 0 ? -1 : data.avatarHi[av[i]!]! >>> 12)),
      school: options.schoolOnly ? keys(t.size, (i) => (school[i]! < 0 ? -1 : Math.floor(school[i]! / SCHOOL_YEAR_RADIX))) : undefined,
    };
  };
  const l = side(L), r = side(R);
  const rules: KeyBlockingRule[] = [
    { name: 'name', description: 'identical name', left: l.name, right: r.name, describeKey: (k) => nameText(k, ns) },
    {
      name: 'initials+employer', description: 'same pinyin initials of the name and the same organisation (any written form)',
      left: l.initialsEmployer, right: r.initialsEmployer,
      describeKey: (k) => `${initialsText(Math.floor(k / 2 ** 24))} @ ${employerName((k % 2 ** 24) * EMPLOYER_VARIANTS)}`,
    },
    {
      name: 'school+year+surname', description: 'same school, enrolment year and surname',
      left: l.schoolYearSurname, right: r.schoolYearSurname,
      describeKey: (k) => `${schoolName(Math.floor(k / 512))} ${1970 + (Math.floor(k / 512) % SCHOOL_YEAR_RADIX)} ${ns.surnames[k % 512]}`,
    },
    { name: 'avatar-prefix', description: 'same first 20 bits of the avatar perceptual hash', left: l.avatarPrefix, right: r.avatarPrefix },
  ];
  if (options.schoolOnly) {
    rules.push({
      name: 'school', description: 'same school (alone: one university pairs everyone from it)', left: l.school!, right: r.school!,
      describeKey: (k) => schoolName(k * SCHOOL_YEAR_RADIX),
    });
  }
  return rules;
}

/**
 * The synthetic profiles as rows for SQL (DuckDB / Spark), with the derived keys the levels and
 * rules need as columns: name text and its toneless-pinyin and initials keys, employer and its
 * organisation, school and school without year, avatar hash (hex) and its 20-bit prefix.
 */
export function syntheticSqlRows(data: LinkageData, side: 'displayed' | 'source'): Array<Record<string, string | number | null>> {
  const t = data[side];
  const ns = data.names;
  const c = (k: string) => t.columns[k]!;
  const name = c('name'), emp = c('employer'), title = c('title'), school = c('school'), city = c('city'), av = c('avatar'), tags = c('tags');
  const opt = (v: number, f: (v: number) => string | number = (x) => x): string | number | null => (v < 0 ? null : f(v));
  return Array.from({ length: t.size }, (_, i) => ({
    name: opt(name[i]!, (v) => nameText(v, ns)),
    name_pinyin: opt(name[i]!, (v) => namePinyinKey(v, ns)),
    name_initials: opt(name[i]!, (v) => nameInitialsKey(v, ns)),
    surname: opt(name[i]!, (v) => Math.floor(v / ns.givenRadix)),
    employer: opt(emp[i]!),
    employer_org: opt(emp[i]!, (v) => Math.floor(v / EMPLOYER_VARIANTS)),
    title: opt(title[i]!),
    school: opt(school[i]!),
    school_id: opt(school[i]!, (v) => Math.floor(v / SCHOOL_YEAR_RADIX)),
    city: opt(city[i]!),
    avatar: opt(av[i]!, (v) => data.avatarHi[v]!.toString(16).padStart(8, '0') + data.avatarLo[v]!.toString(16).padStart(8, '0')),
    avatar_prefix: opt(av[i]!, (v) => data.avatarHi[v]! >>> 12),
    tags: opt(tags[i]!),
  }));
}

/** Column types of `syntheticSqlRows`. */
export const SYNTHETIC_SQL_COLUMNS: ReadonlyArray<{ name: string; type: 'VARCHAR' | 'INTEGER' }> = [
  { name: 'name', type: 'VARCHAR' }, { name: 'name_pinyin', type: 'INTEGER' }, { name: 'name_initials', type: 'INTEGER' },
  { name: 'surname', type: 'INTEGER' }, { name: 'employer', type: 'INTEGER' }, { name: 'employer_org', type: 'INTEGER' },
  { name: 'title', type: 'INTEGER' }, { name: 'school', type: 'INTEGER' }, { name: 'school_id', type: 'INTEGER' },
  { name: 'city', type: 'INTEGER' }, { name: 'avatar', type: 'VARCHAR' }, { name: 'avatar_prefix', type: 'INTEGER' },
  { name: 'tags', type: 'INTEGER' },
];

/**
 * Declarative (SQL) comparisons for the synthetic profiles: the levels of
 * `syntheticComparisons` that are equalities on a derived key (homophone name, same
 * organisation, same school); the avatar's Hamming level and the tags' overlap level are left
 * out (not in the SQL subset), so avatar and tags compare exactly.
 */
export function syntheticSqlComparisons(): SqlComparison[] {
  const nul = { kind: 'null', label: 'missing', labelZh: '缺失', description: 'either side empty' } as const;
  const same = { kind: 'exact', label: 'same', labelZh: '相同', description: 'identical value' } as const;
  const diff = { kind: 'else', label: 'different', labelZh: '不同', description: 'anything else' } as const;
  const plain = (name: string, description: string): SqlComparison => ({ name, description, columns: [name], levels: [nul, same, diff] });
  return [
    { name: 'name', description: 'Name as shown vs on the source account', columns: ['name', 'name_pinyin'], levels: [nul, same, { kind: 'exact', column: 'name_pinyin', label: 'homophone', labelZh: '同音', description: 'same toneless pinyin, other characters' }, diff] },
    plain('avatar', 'Avatar picture, identical 64-bit perceptual hash'),
    { name: 'employer', description: 'Employer', columns: ['employer', 'employer_org'], levels: [nul, same, { kind: 'exact', column: 'employer_org', label: 'basically the same', labelZh: '基本相同', description: 'same organisation written another way' }, diff] },
    plain('title', 'Job title'),
    { name: 'school', description: 'School and enrolment year', columns: ['school', 'school_id'], levels: [nul, same, { kind: 'exact', column: 'school_id', label: 'same school', labelZh: '同校', description: 'same school, another year' }, diff] },
    plain('city', 'City'),
    plain('tags', 'User tags (the same set)'),
  ];
}

/** Declarative (SQL) blocking rules for the synthetic profiles (the rules of `syntheticBlockingRules`). */
export function syntheticSqlBlockingRules(): SqlBlockingRule[] {
  return [
    { name: 'name', description: 'identical name', columns: ['name'] },
    { name: 'initials_employer', description: 'same pinyin initials of the name and the same organisation', columns: ['name_initials', 'employer_org'] },
    { name: 'school_year_surname', description: 'same school, enrolment year and surname', columns: ['school', 'surname'] },
    { name: 'avatar_prefix', description: 'same first 20 bits of the avatar perceptual hash', columns: ['avatar_prefix'] },
  ];
}
