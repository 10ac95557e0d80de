/**
 * What a saved contact name reveals. People save numbers as a full name (刘洋), a nickname
 * (小刘, 刘哥, 老刘), a name with a relation word (老同事刘洋, 刘洋 同学), a kin term alone (妈)
 * or a name with a place or company in brackets (刘洋(星河)). Each of these discloses
 * something about the owner of the number and about the relationship, which is what a
 * platform harvests when it reads uploaded address books.
 *
 * The lexicon below is small and documented on purpose: every word has a relation class and
 * an "intimacy" weight in [0, 1] used by the closeness estimator (`closeness.ts`). It is not a
 * model of Chinese kinship terms; it is the list the toolkit checks, printed in reports so a
 * reader can see exactly what was matched.
 *
 * @example
 * parseSavedName('老同事刘洋')
 * // { fullName: '刘洋', surname: '刘', nickname: null, relationWords: ['老同事'],
 * //   relationClass: 'colleague', org: null, intimacy: 0.6 }
 * parseSavedName('妈')  // { relationClass: 'family', intimacy: 1, fullName: null, ... }
 * parseSavedName('小刘') // { nickname: '小刘', surname: '刘', relationClass: null, intimacy: 0.8 }
 */
import { COMPOUND_SURNAMES, SURNAMES_BY_RANK } from '../text/surnames';

export type RelationClass = 'family' | 'colleague' | 'former colleague' | 'classmate' | 'superior' | 'service';

export interface LexiconEntry {
  word: string;
  relationClass: RelationClass;
  /** English gloss for reports. */
  gloss: string;
}

/** Relation words looked for in saved names, longest match first. */
export const RELATION_LEXICON: readonly LexiconEntry[] = [
  // colleagues
  { word: '前同事', relationClass: 'former colleague', gloss: 'former colleague' },
  { word: '老同事', relationClass: 'former colleague', gloss: 'old colleague' },
  { word: '同事', relationClass: 'colleague', gloss: 'colleague' },
  // schoolmates
  { word: '老同学', relationClass: 'classmate', gloss: 'old classmate' },
  { word: '大学同学', relationClass: 'classmate', gloss: 'university classmate' },
  { word: '高中同学', relationClass: 'classmate', gloss: 'high-school classmate' },
  { word: '同学', relationClass: 'classmate', gloss: 'classmate' },
  { word: '校友', relationClass: 'classmate', gloss: 'alumnus' },
  { word: '师兄', relationClass: 'classmate', gloss: 'senior schoolmate (m)' },
  { word: '师姐', relationClass: 'classmate', gloss: 'senior schoolmate (f)' },
  // work hierarchy
  { word: '老板', relationClass: 'superior', gloss: 'boss' },
  { word: '领导', relationClass: 'superior', gloss: 'manager' },
  { word: '经理', relationClass: 'superior', gloss: 'manager' },
  { word: '总', relationClass: 'superior', gloss: 'Mr/Ms Director (X总)' },
  { word: '老师', relationClass: 'superior', gloss: 'teacher' },
  // family
  { word: '妈妈', relationClass: 'family', gloss: 'mother' },
  { word: '爸爸', relationClass: 'family', gloss: 'father' },
  { word: '老婆', relationClass: 'family', gloss: 'wife' },
  { word: '老公', relationClass: 'family', gloss: 'husband' },
  { word: '舅舅', relationClass: 'family', gloss: 'uncle (maternal)' },
  { word: '姑姑', relationClass: 'family', gloss: 'aunt (paternal)' },
  { word: '姨', relationClass: 'family', gloss: 'aunt (maternal)' },
  { word: '叔叔', relationClass: 'family', gloss: 'uncle (paternal)' },
  { word: '奶奶', relationClass: 'family', gloss: 'grandmother' },
  { word: '爷爷', relationClass: 'family', gloss: 'grandfather' },
  { word: '哥哥', relationClass: 'family', gloss: 'elder brother' },
  { word: '姐姐', relationClass: 'family', gloss: 'elder sister' },
  { word: '弟弟', relationClass: 'family', gloss: 'younger brother' },
  { word: '妹妹', relationClass: 'family', gloss: 'younger sister' },
  { word: '妈', relationClass: 'family', gloss: 'mother' },
  { word: '爸', relationClass: 'family', gloss: 'father' },
  // services
  { word: '房东', relationClass: 'service', gloss: 'landlord' },
  { word: '中介', relationClass: 'service', gloss: 'agent' },
  { word: '快递', relationClass: 'service', gloss: 'courier' },
  { word: '师傅', relationClass: 'service', gloss: 'tradesman / driver' },
];

/** Intimacy weight by what the saved name shows (used by `closeness`). */
export const INTIMACY: Readonly<Record<'family' | 'nickname' | 'relation' | 'fullName' | 'superior' | 'service' | 'other', number>> = {
  family: 1.0,
  nickname: 0.8,
  relation: 0.6, // colleague / classmate words
  fullName: 0.5,
  superior: 0.4,
  service: 0.1,
  other: 0.3,
};

/**
 * Common Chinese surnames (single character; the project's one table, src/text/surnames.ts),
 * enough to recognise a saved full name or a nickname like 小刘 / 刘哥 / 老刘. Compound
 * surnames are recognised too.
 */
export const SURNAMES: readonly string[] = SURNAMES_BY_RANK.map(([s]) => s).filter((s) => [...s].length === 1);
const SURNAME_SET = new Set(SURNAMES);

export interface ParsedSavedName {
  /** The text as saved. */
  raw: string;
  /** A 2-4 character Han name starting with a known surname, if one is present. */
  fullName: string | null;
  surname: string | null;
  /** 小X / 老X / 阿X / X哥 / X姐 / X总 ... */
  nickname: string | null;
  relationWords: string[];
  /** Class of the first relation word found (null if none). */
  relationClass: RelationClass | null;
  /** Text in brackets or after a separator that is not a name or relation word (company, place, hobby). */
  org: string | null;
  /** Intimacy weight from `INTIMACY`. */
  intimacy: number;
}

const HAN_RUN = /^\p{Script=Han}+$/u;
/** Lexicon sorted longest word first, with suffix-only words ('总', '老师', '师傅') compiled. */
const LEX_SORTED = [...RELATION_LEXICON].sort((a, b) => b.word.length - a.word.length);
const SUFFIX_ONLY = new Map(['总', '老师', '师傅'].map((w) => [w, new RegExp(`(\\p{Script=Han})${w}`, 'u')]));

/** Parse a saved contact name into the personal data it discloses. */
export function parseSavedName(saved: string | null | undefined): ParsedSavedName {
  const raw = (saved ?? '').normalize('NFKC').trim();
  let rest = raw;
  let org: string | null = null;
  const bracket = rest.match(/[(\[【]([^)\]】]*)[)\]】]/);
  if (bracket) {
    org = bracket[1]!.trim() || null;
    rest = rest.replace(bracket[0], ' ');
  }
  const relationWords: string[] = [];
  let relationClass: RelationClass | null = null;
  // Relation words: longest first; '总' and '老师' only as suffixes after a surname (刘总).
  for (const e of LEX_SORTED) {
    const suffix = SUFFIX_ONLY.get(e.word);
    if (suffix) {
      const m = rest.match(suffix);
      if (m && SURNAME_SET.has(m[1]!)) {
        relationWords.push(e.word);
        relationClass ??= e.relationClass;
        rest = rest.replace(e.word, ' ');
      }
      continue;
    }
    if (rest.includes(e.word)) {
      relationWords.push(e.word);
      relationClass ??= e.relationClass;
      rest = rest.split(e.word).join(' ');
    }
  }
  const parts = rest.split(/[\s\-_,，、·.:：/|]+/).filter((p) => p !== '');
  let fullName: string | null = null;
  let nickname: string | null = null;
  let surname: string | null = null;
  for (const p of parts) {
    if (!HAN_RUN.test(p)) {
      org ??= p;
      continue;
    }
    const chars = Array.from(p);
    const nick = p.match(/^(?:小|老|阿)(\p{Script=Han})$/u) ?? p.match(/^(\p{Script=Han})(?:哥|姐|总|工|叔|姨)$/u);
    if (nick && SURNAME_SET.has(nick[1]!)) {
      nickname ??= p;
      surname ??= nick[1]!;
      continue;
    }
    const compound = chars.length >= 3 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join(''));
    if (chars.length >= 2 && chars.length <= 4 && (compound || SURNAME_SET.has(chars[0]!))) {
      if (fullName === null) {
        fullName = p;
        surname = compound ? chars.slice(0, 2).join('') : chars[0]!;
      }
      continue;
    }
    // A surname followed by an honorific already removed (刘总 -> 刘).
    if (chars.length === 1 && SURNAME_SET.has(chars[0]!) && relationWords.length > 0) {
      surname ??= chars[0]!;
      continue;
    }
    org ??= p;
  }
  let intimacy: number;
  if (relationClass === 'family') intimacy = INTIMACY.family;
  else if (nickname) intimacy = INTIMACY.nickname;
  else if (relationClass === 'colleague' || relationClass === 'former colleague' || relationClass === 'classmate') intimacy = INTIMACY.relation;
  else if (relationClass === 'superior') intimacy = INTIMACY.superior;
  else if (relationClass === 'service') intimacy = INTIMACY.service;
  else if (fullName) intimacy = INTIMACY.fullName;
  else intimacy = INTIMACY.other;
  return { raw, fullName, surname, nickname, relationWords, relationClass, org, intimacy };
}
