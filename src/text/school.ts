/**
 * Normalise a school name: text normalisation (`normalizeText`), bracketed qualifiers and a
 * department suffix removed (`北京大学光华管理学院` -> `北京大学`, `清华大学（本科）` -> `清华大学`),
 * then an alias table (北大 -> 北京大学, PKU -> 北京大学, Tsinghua University -> 清华大学).
 *
 * The default table (`DEFAULT_SCHOOL_ALIASES`) lists common abbreviations and English names
 * of well-known mainland and Hong Kong universities. It is a starting point, not a
 * reference: the committed, editable copy is `datasets/matching/school-aliases.csv`; an
 * expert loads their own with `loadAliasTable(path)` and passes it here. The default table
 * is that original list (also the synthetic generator's input, so it stays as it is) merged
 * with the sourced SCHOOL_VOCABULARY (schoolVocabulary.ts: full names from the MoE list,
 * common abbreviations, each with a source). Aliases that are ambiguous in common use (南大
 * = 南京大学 or 南开大学; 华师 = 华东 / 华中 / 华南师范大学; 中大; 科大) normalise to all their
 * readings joined by '|' (`南京大学|南开大学`), never silently to one of them.
 *
 * @example
 * normalizeSchool('北大')                   // => '北京大学'
 * normalizeSchool('北京大學光華管理學院')     // => '北京大学'
 * normalizeSchool('Tsinghua University')    // => '清华大学'
 * normalizeSchool('中财')                   // => '中央财经大学'
 * normalizeSchool('南大')                   // => '南京大学|南开大学' (ambiguous: both readings)
 */
import { aliasTable, applyAlias, mergeAliasTables, type AliasTable } from './aliases';
import { normalizeText } from './normalize';
import { SCHOOL_VOCABULARY } from './schoolVocabulary';
import { vocabularyPairs } from './vocabulary';

/** [alias, canonical] pairs behind `DEFAULT_SCHOOL_ALIASES`. */
export const DEFAULT_SCHOOL_ALIAS_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['北大', '北京大学'], ['PKU', '北京大学'], ['Peking University', '北京大学'],
  ['清华', '清华大学'], ['THU', '清华大学'], ['Tsinghua University', '清华大学'],
  ['人大', '中国人民大学'], ['人民大学', '中国人民大学'], ['RUC', '中国人民大学'], ['Renmin University of China', '中国人民大学'],
  ['复旦', '复旦大学'], ['Fudan University', '复旦大学'],
  ['上交', '上海交通大学'], ['上海交大', '上海交通大学'], ['SJTU', '上海交通大学'], ['Shanghai Jiao Tong University', '上海交通大学'],
  ['浙大', '浙江大学'], ['ZJU', '浙江大学'], ['Zhejiang University', '浙江大学'],
  ['中科大', '中国科学技术大学'], ['科大', '中国科学技术大学'], ['USTC', '中国科学技术大学'],
  ['北航', '北京航空航天大学'], ['BUAA', '北京航空航天大学'], ['Beihang University', '北京航空航天大学'],
  ['北理工', '北京理工大学'], ['北理', '北京理工大学'], ['BIT', '北京理工大学'],
  ['北师大', '北京师范大学'], ['BNU', '北京师范大学'],
  ['北邮', '北京邮电大学'], ['BUPT', '北京邮电大学'],
  ['华科', '华中科技大学'], ['华中科大', '华中科技大学'], ['HUST', '华中科技大学'],
  ['武大', '武汉大学'], ['Wuhan University', '武汉大学'],
  ['中大', '中山大学'], ['Sun Yat-sen University', '中山大学'], ['SYSU', '中山大学'],
  ['哈工大', '哈尔滨工业大学'], ['HIT', '哈尔滨工业大学'],
  ['西交', '西安交通大学'], ['西安交大', '西安交通大学'], ['XJTU', '西安交通大学'],
  ['同济', '同济大学'], ['Tongji University', '同济大学'],
  ['华东师大', '华东师范大学'], ['ECNU', '华东师范大学'],
  ['南开', '南开大学'], ['Nankai University', '南开大学'],
  ['南京大学', '南京大学'], ['Nanjing University', '南京大学'], ['NJU', '南京大学'],
  ['川大', '四川大学'], ['Sichuan University', '四川大学'],
  ['厦大', '厦门大学'], ['Xiamen University', '厦门大学'],
  ['东南', '东南大学'], ['Southeast University', '东南大学'],
  ['天大', '天津大学'], ['Tianjin University', '天津大学'],
  ['电子科大', '电子科技大学'], ['成电', '电子科技大学'], ['UESTC', '电子科技大学'],
  ['西电', '西安电子科技大学'], ['Xidian University', '西安电子科技大学'],
  ['上财', '上海财经大学'], ['SUFE', '上海财经大学'],
  ['央财', '中央财经大学'], ['CUFE', '中央财经大学'],
  ['对外经贸', '对外经济贸易大学'], ['贸大', '对外经济贸易大学'], ['UIBE', '对外经济贸易大学'],
  ['北外', '北京外国语大学'], ['BFSU', '北京外国语大学'],
  ['上外', '上海外国语大学'], ['SISU', '上海外国语大学'],
  ['中传', '中国传媒大学'], ['CUC', '中国传媒大学'],
  ['港大', '香港大学'], ['HKU', '香港大学'], ['The University of Hong Kong', '香港大学'],
  ['港中文', '香港中文大学'], ['CUHK', '香港中文大学'], ['The Chinese University of Hong Kong', '香港中文大学'],
  ['港科大', '香港科技大学'], ['HKUST', '香港科技大学'],
];

let defaultTable: AliasTable | undefined;

/** The built-in school alias table (built lazily). */
export function defaultSchoolAliases(): AliasTable {
  let t = defaultTable;
  if (!t) {
    // Later tables override: the vocabulary marks 中大 / 科大 of the original list ambiguous.
    t = mergeAliasTables(aliasTable(DEFAULT_SCHOOL_ALIAS_PAIRS, 'DEFAULT_SCHOOL_ALIASES'), aliasTable(vocabularyPairs(SCHOOL_VOCABULARY), 'SCHOOL_VOCABULARY'));
    defaultTable = t;
  }
  return t;
}

const BRACKETED = /[(（\[【][^()（）\[\]【】]*[)）\]】]/gu;
const DEPARTMENT = /^(.+?(?:大学|学院))(.+?(?:学院|系|学部|医学部|研究生院|研究院|专业|书院))$/u;

/**
 * Normalised school name. `aliases` replaces the default table (pass
 * `mergeAliasTables(defaultSchoolAliases(), own)` to extend it); '' for a missing value.
 */
export function normalizeSchool(s: string | null | undefined, aliases: AliasTable = defaultSchoolAliases()): string {
  if (s == null) return '';
  const raw = String(s).normalize('NFKC').replace(BRACKETED, ' ');
  let t = normalizeText(raw);
  if (!t) return normalizeText(s);
  const direct = applyAlias(aliases, t);
  if (direct !== t) return direct;
  const dept = DEPARTMENT.exec(t);
  if (dept) t = dept[1]!;
  return applyAlias(aliases, t);
}
