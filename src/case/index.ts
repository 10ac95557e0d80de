/**
 * Case facts: the figures of the two Maimai cases (see `shared/case/FACTS.md`) as typed
 * constants carrying the exact Chinese sentence they come from. Notebooks cite
 * `pp.caseFacts.weiboMaimai.registeredUsersAug2014` rather than a bare 800000.
 */
export { weiboMaimai } from './weiboMaimai';
export { wangMiao } from './wangMiao';
export { allFacts, caseFigureRows, caseFiguresBlock, type CaseFactRow, type CaseFigureRow } from './allFacts';
export { CASE_SOURCES, type CaseFact, type CaseSourceFile, type FactBound } from './types';
