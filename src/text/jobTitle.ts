/**
 * Normalise a job title / occupation: text normalisation (`normalizeText`), then a synonym
 * table mapping equivalent titles to one canonical form (程序员 = 软件工程师 = 开发工程师 =
 * software engineer; 总经理 = CEO = 首席执行官; HR = 人力资源专员 ...).
 *
 * Seniority and rank words (高级, 资深, 初级, senior) are KEPT: 高级工程师 and 工程师 are
 * different titles; a comparison level may still call them "basically the same" and say so.
 * The synonym table is editable: pass your own (`aliasTable(...)` / `loadAliasTable(path)`,
 * columns alias,canonical) to replace `defaultJobTitleSynonyms()`. The default is
 * `DEFAULT_JOB_TITLE_SYNONYM_PAIRS` (the original table, also committed as
 * datasets/matching/job-title-synonyms.csv) plus the sourced `TITLE_VOCABULARY`
 * (titleVocabulary.ts, with the pairs decided NOT to be synonyms and why). A leading `HR` /
 * `QA` before Chinese text is expanded first (`HR经理` = `人力资源经理`).
 *
 * @example
 * normalizeJobTitle('軟體工程師')        // => '软件工程师'
 * normalizeJobTitle('Software Engineer') // => '软件工程师'
 * normalizeJobTitle('CEO')               // => '首席执行官'
 * normalizeJobTitle('高级产品经理')       // => '高级产品经理'
 */
import { aliasTable, applyAlias, type AliasTable } from './aliases';
import { normalizeText } from './normalize';
import { TITLE_ABBREVIATION_PREFIXES, TITLE_VOCABULARY } from './titleVocabulary';
import { vocabularyPairs } from './vocabulary';

export const DEFAULT_JOB_TITLE_SYNONYM_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['程序员', '软件工程师'], ['软体工程师', '软件工程师'], ['开发工程师', '软件工程师'], ['软件开发工程师', '软件工程师'],
  ['研发工程师', '软件工程师'], ['software engineer', '软件工程师'], ['software developer', '软件工程师'], ['developer', '软件工程师'],
  ['码农', '软件工程师'],
  ['前端开发', '前端工程师'], ['web前端', '前端工程师'], ['前端开发工程师', '前端工程师'], ['frontend engineer', '前端工程师'],
  ['后端开发', '后端工程师'], ['后台开发', '后端工程师'], ['后端开发工程师', '后端工程师'], ['backend engineer', '后端工程师'],
  ['总经理', '首席执行官'], ['ceo', '首席执行官'], ['chief executive officer', '首席执行官'],
  ['cto', '首席技术官'], ['chief technology officer', '首席技术官'],
  ['cfo', '首席财务官'], ['财务总监', '首席财务官'],
  ['coo', '首席运营官'],
  ['pm', '产品经理'], ['product manager', '产品经理'],
  ['hr', '人力资源专员'], ['人事专员', '人力资源专员'], ['人事', '人力资源专员'], ['人力资源', '人力资源专员'],
  ['hrbp', '人力资源业务伙伴'],
  ['ui设计师', '视觉设计师'], ['ui设计', '视觉设计师'], ['视觉设计', '视觉设计师'],
  ['交互设计', '交互设计师'], ['ux设计师', '交互设计师'],
  ['会计', '会计师'], ['accountant', '会计师'],
  ['律师', '律师'], ['lawyer', '律师'], ['attorney', '律师'],
  ['记者', '记者'], ['journalist', '记者'], ['reporter', '记者'],
  ['编辑', '编辑'], ['editor', '编辑'],
  ['销售', '销售代表'], ['销售专员', '销售代表'], ['sales', '销售代表'],
  ['运营', '运营专员'], ['运营专员', '运营专员'],
  ['数据分析', '数据分析师'], ['data analyst', '数据分析师'],
  ['算法工程师', '算法工程师'], ['机器学习工程师', '算法工程师'], ['machine learning engineer', '算法工程师'],
  ['测试工程师', '测试工程师'], ['qa', '测试工程师'], ['qa engineer', '测试工程师'],
  ['老师', '教师'], ['teacher', '教师'],
  ['医生', '医师'], ['doctor', '医师'], ['physician', '医师'],
];

let defaultTable: AliasTable | undefined;

export function defaultJobTitleSynonyms(): AliasTable {
  let t = defaultTable;
  if (!t) {
    t = aliasTable([...DEFAULT_JOB_TITLE_SYNONYM_PAIRS, ...vocabularyPairs(TITLE_VOCABULARY)], 'DEFAULT_JOB_TITLE_SYNONYMS + TITLE_VOCABULARY');
    defaultTable = t;
  }
  return t;
}

/** Normalised job title with synonyms mapped; '' for a missing value. */
export function normalizeJobTitle(s: string | null | undefined, synonyms: AliasTable = defaultJobTitleSynonyms()): string {
  const t = normalizeText(s);
  if (!t) return '';
  const direct = applyAlias(synonyms, t);
  if (direct !== t) return direct;
  const compact = t.replace(/\s+/gu, '');
  const viaCompact = applyAlias(synonyms, compact);
  if (viaCompact !== compact) return viaCompact;
  const expanded = expandAbbreviationPrefix(compact);
  return expanded === compact ? compact : applyAlias(synonyms, expanded);
}

/** `hr经理` -> `人力资源经理`: a leading abbreviation (TITLE_ABBREVIATION_PREFIXES) before Chinese text. */
function expandAbbreviationPrefix(t: string): string {
  for (const [abbr, full] of TITLE_ABBREVIATION_PREFIXES) {
    if (t.startsWith(abbr) && /^\p{Script=Han}/u.test(t.slice(abbr.length))) return full + t.slice(abbr.length);
  }
  return t;
}
