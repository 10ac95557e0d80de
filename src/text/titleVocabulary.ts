/**
 * The extended job-title vocabulary (added to `DEFAULT_JOB_TITLE_SYNONYM_PAIRS` by
 * `defaultJobTitleSynonyms()`), each entry with its source, and the title pairs the project
 * decided are NOT synonyms, with the reason (so a reviewer sees the decision, not a silence).
 *
 * Rule applied by `normalizeJobTitle` besides the table: a leading Latin abbreviation from
 * TITLE_ABBREVIATION_PREFIXES before Chinese text is expanded (`HR经理` -> `人力资源经理`,
 * `QA工程师` -> `测试工程师`), so every `HR…` / `QA…` title follows from one entry.
 *
 * Decisions on the pairs reported in issue 17 (a test set, test/fixtures/vocabulary/):
 * - 数据分析专员 / 数据分析师: SAME occupation (专员 "specialist" is a generic word for
 *   non-managerial staff; the work, data analysis, is the same) -> synonym.
 * - HR经理 / 人力资源经理: SAME (HR is the English abbreviation of 人力资源) -> prefix rule.
 * - QA工程师 / 测试工程师: SAME in software teams, where QA names the testing role; the
 *   built-in table already read `QA engineer` as 测试工程师, the mixed form now follows.
 *   Caveat: in manufacturing QA (质量保证) is not testing; override with your own table there.
 * - 客户经理 / 销售经理: NOT synonyms. 客户经理 (account / relationship manager, e.g. in banks)
 *   serves existing clients; 销售经理 runs sales or a sales team. Related, not the same.
 * - 产品负责人 / 产品经理: NOT synonyms. 产品负责人 is "product owner" (Scrum) or the head of
 *   a product line, often above the 产品经理; related roles, not one title.
 * - 投资人 / 投资经理: NOT synonyms. 投资人 is anyone who invests (an angel, a partner, a
 *   fund); 投资经理 is a specific post in an investment firm.
 * - 财务主管 / 财务经理: NOT synonyms. Same function, different rank (主管 supervisor below
 *   经理 manager in most organisations); the normaliser keeps rank words (高级工程师 ≠ 工程师).
 * A comparison may still rate such pairs "basically the same" through its edit-similarity
 * threshold; the vocabulary does not merge them.
 */
import type { VocabularyEntry } from './vocabulary';

/** Latin abbreviations expanded when they start a Chinese title (after normalisation, lower case). */
export const TITLE_ABBREVIATION_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['hr', '人力资源'],
  ['qa', '测试'],
];

export const TITLE_VOCABULARY: readonly VocabularyEntry[] = [
  { alias: '数据分析专员', canonical: '数据分析师', source: 'pp-own', note: '专员 = non-managerial specialist; same work' },
  { alias: '数据分析员', canonical: '数据分析师', source: 'pp-own' },
  { alias: '数据分析工程师', canonical: '数据分析师', source: 'pp-own' },
  { alias: 'bi分析师', canonical: '数据分析师', source: 'pp-abbr', note: 'BI = business intelligence' },
  { alias: '人事经理', canonical: '人力资源经理', source: 'pp-own', note: '人事 is the older word for 人力资源' },
  { alias: 'hr manager', canonical: '人力资源经理', source: 'pp-abbr' },
  { alias: '人事总监', canonical: '人力资源总监', source: 'pp-own' },
  { alias: 'hr director', canonical: '人力资源总监', source: 'pp-abbr' },
  { alias: '招聘专员', canonical: '招聘专员', source: 'pp-own' },
  { alias: 'recruiter', canonical: '招聘专员', source: 'pp-own' },
  { alias: '软件测试工程师', canonical: '测试工程师', source: 'pp-own' },
  { alias: '测试开发工程师', canonical: '测试开发工程师', source: 'pp-own', note: 'kept apart from 测试工程师: writes test tooling' },
  { alias: '软件测试', canonical: '测试工程师', source: 'pp-own' },
  { alias: 'test engineer', canonical: '测试工程师', source: 'pp-own' },
  { alias: '产品经理', canonical: '产品经理', source: 'pp-own' },
  { alias: '产品专员', canonical: '产品专员', source: 'pp-own', note: 'kept apart from 产品经理 (junior post)' },
  { alias: '高级产品经理', canonical: '高级产品经理', source: 'pp-own' },
  { alias: 'senior product manager', canonical: '高级产品经理', source: 'pp-own' },
  { alias: '产品总监', canonical: '产品总监', source: 'pp-own' },
  { alias: 'product director', canonical: '产品总监', source: 'pp-own' },
  { alias: '运营经理', canonical: '运营经理', source: 'pp-own' },
  { alias: 'operations manager', canonical: '运营经理', source: 'pp-own' },
  { alias: '销售经理', canonical: '销售经理', source: 'pp-own' },
  { alias: 'sales manager', canonical: '销售经理', source: 'pp-own' },
  { alias: '客户经理', canonical: '客户经理', source: 'pp-own', note: 'NOT 销售经理: account / relationship manager' },
  { alias: 'account manager', canonical: '客户经理', source: 'pp-own' },
  { alias: 'relationship manager', canonical: '客户经理', source: 'pp-own' },
  { alias: '投资经理', canonical: '投资经理', source: 'pp-own', note: 'NOT 投资人: a post in an investment firm' },
  { alias: 'investment manager', canonical: '投资经理', source: 'pp-own' },
  { alias: '投资人', canonical: '投资人', source: 'pp-own' },
  { alias: 'investor', canonical: '投资人', source: 'pp-own' },
  { alias: '财务经理', canonical: '财务经理', source: 'pp-own' },
  { alias: 'finance manager', canonical: '财务经理', source: 'pp-own' },
  { alias: 'financial manager', canonical: '财务经理', source: 'pp-own' },
  { alias: '财务主管', canonical: '财务主管', source: 'pp-own', note: 'NOT 财务经理: rank below 经理' },
  { alias: '市场经理', canonical: '市场经理', source: 'pp-own' },
  { alias: 'marketing manager', canonical: '市场经理', source: 'pp-own' },
  { alias: '市场专员', canonical: '市场专员', source: 'pp-own' },
  { alias: '项目经理', canonical: '项目经理', source: 'pp-own' },
  { alias: 'project manager', canonical: '项目经理', source: 'pp-own' },
  { alias: '架构师', canonical: '架构师', source: 'pp-own' },
  { alias: '系统架构师', canonical: '架构师', source: 'pp-own' },
  { alias: '软件架构师', canonical: '架构师', source: 'pp-own' },
  { alias: 'architect', canonical: '架构师', source: 'pp-own' },
  { alias: '运维工程师', canonical: '运维工程师', source: 'pp-own' },
  { alias: '运维', canonical: '运维工程师', source: 'pp-own' },
  { alias: 'devops工程师', canonical: '运维工程师', source: 'pp-own' },
  { alias: 'sre', canonical: '运维工程师', source: 'pp-abbr', note: 'site reliability engineer' },
  { alias: '移动开发工程师', canonical: '移动开发工程师', source: 'pp-own' },
  { alias: 'android开发', canonical: '移动开发工程师', source: 'pp-own' },
  { alias: 'ios开发', canonical: '移动开发工程师', source: 'pp-own' },
  { alias: '数据科学家', canonical: '数据科学家', source: 'pp-own' },
  { alias: 'data scientist', canonical: '数据科学家', source: 'pp-own' },
  { alias: '大数据工程师', canonical: '数据工程师', source: 'pp-own' },
  { alias: '数据开发工程师', canonical: '数据工程师', source: 'pp-own' },
  { alias: 'data engineer', canonical: '数据工程师', source: 'pp-own' },
  { alias: '人工智能工程师', canonical: '算法工程师', source: 'pp-own' },
  { alias: 'ai工程师', canonical: '算法工程师', source: 'pp-abbr' },
  { alias: '设计师', canonical: '设计师', source: 'pp-own' },
  { alias: '平面设计师', canonical: '平面设计师', source: 'pp-own' },
  { alias: 'graphic designer', canonical: '平面设计师', source: 'pp-own' },
  { alias: 'ui designer', canonical: '视觉设计师', source: 'pp-own' },
  { alias: '行政专员', canonical: '行政专员', source: 'pp-own' },
  { alias: '行政', canonical: '行政专员', source: 'pp-own' },
  { alias: '前台', canonical: '前台', source: 'pp-own' },
  { alias: '客服', canonical: '客服专员', source: 'pp-own' },
  { alias: '客服专员', canonical: '客服专员', source: 'pp-own' },
  { alias: 'customer service', canonical: '客服专员', source: 'pp-own' },
  { alias: '注册会计师', canonical: '注册会计师', source: 'pp-own', note: 'a licence (CPA), kept apart from 会计师' },
  { alias: 'cpa', canonical: '注册会计师', source: 'pp-abbr' },
  { alias: '出纳', canonical: '出纳', source: 'pp-own' },
  { alias: '审计师', canonical: '审计师', source: 'pp-own' },
  { alias: 'auditor', canonical: '审计师', source: 'pp-own' },
  { alias: '法务', canonical: '法务专员', source: 'pp-own' },
  { alias: '法务专员', canonical: '法务专员', source: 'pp-own' },
  { alias: '法律顾问', canonical: '法律顾问', source: 'pp-own' },
  { alias: 'legal counsel', canonical: '法律顾问', source: 'pp-own' },
  { alias: '咨询顾问', canonical: '咨询顾问', source: 'pp-own' },
  { alias: 'consultant', canonical: '咨询顾问', source: 'pp-own' },
  { alias: '分析师', canonical: '分析师', source: 'pp-own' },
  { alias: '研究员', canonical: '研究员', source: 'pp-own' },
  { alias: 'researcher', canonical: '研究员', source: 'pp-own' },
  { alias: '讲师', canonical: '讲师', source: 'pp-own' },
  { alias: 'lecturer', canonical: '讲师', source: 'pp-own' },
  { alias: '教授', canonical: '教授', source: 'pp-own' },
  { alias: 'professor', canonical: '教授', source: 'pp-own' },
  { alias: '副教授', canonical: '副教授', source: 'pp-own' },
  { alias: 'associate professor', canonical: '副教授', source: 'pp-own' },
  { alias: '护士', canonical: '护士', source: 'pp-own' },
  { alias: 'nurse', canonical: '护士', source: 'pp-own' },
  { alias: '创始人', canonical: '创始人', source: 'pp-own' },
  { alias: 'founder', canonical: '创始人', source: 'pp-own' },
  { alias: '联合创始人', canonical: '联合创始人', source: 'pp-own' },
  { alias: 'co founder', canonical: '联合创始人', source: 'pp-own' },
  { alias: 'cofounder', canonical: '联合创始人', source: 'pp-own' },
  { alias: '合伙人', canonical: '合伙人', source: 'pp-own' },
  { alias: 'partner', canonical: '合伙人', source: 'pp-own' },
  { alias: '董事长', canonical: '董事长', source: 'pp-own' },
  { alias: 'chairman', canonical: '董事长', source: 'pp-own' },
  { alias: '首席营销官', canonical: '首席营销官', source: 'pp-own' },
  { alias: 'cmo', canonical: '首席营销官', source: 'pp-abbr' },
  { alias: '首席信息官', canonical: '首席信息官', source: 'pp-own' },
  { alias: 'cio', canonical: '首席信息官', source: 'pp-abbr' },
  { alias: '首席产品官', canonical: '首席产品官', source: 'pp-own' },
  { alias: 'cpo', canonical: '首席产品官', source: 'pp-abbr' },
  { alias: '副总裁', canonical: '副总裁', source: 'pp-own' },
  { alias: 'vp', canonical: '副总裁', source: 'pp-abbr' },
  { alias: 'vice president', canonical: '副总裁', source: 'pp-own' },
  { alias: '技术总监', canonical: '技术总监', source: 'pp-own' },
  { alias: '研发总监', canonical: '技术总监', source: 'pp-own' },
  { alias: 'engineering director', canonical: '技术总监', source: 'pp-own' },
  { alias: '技术经理', canonical: '技术经理', source: 'pp-own' },
  { alias: '研发经理', canonical: '技术经理', source: 'pp-own' },
  { alias: 'engineering manager', canonical: '技术经理', source: 'pp-own' },
];

/** Title pairs the project decided are NOT synonyms (kept apart by the vocabulary), with the reason. */
export const TITLE_NOT_SYNONYMS: ReadonlyArray<{ a: string; b: string; why: string }> = [
  { a: '客户经理', b: '销售经理', why: 'account / relationship manager vs sales manager: related, not the same post' },
  { a: '产品负责人', b: '产品经理', why: 'product owner or head of a product line vs product manager: related roles' },
  { a: '投资人', b: '投资经理', why: 'anyone who invests vs a post in an investment firm' },
  { a: '财务主管', b: '财务经理', why: 'same function, different rank (supervisor vs manager); rank words are kept' },
];
