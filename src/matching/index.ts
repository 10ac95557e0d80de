/**
 * Source of displayed profiles (notarial certificate No. 704, Weibo v. Maimai): comparisons
 * declared as data (src/compare), displayed-vs-source level matrices, match rates with
 * intervals, the coincidence baseline within each uploader's network (permutation and
 * analytic), source-level propositions (copied vs unrelated / self-entry / address-book /
 * avatar-app / cf) with likelihood ratios per profile, per network and combined under a stated
 * dependence model, sensitivity, a simulation study, synthetic evidence and charts.
 * The whole inference: `loadMatchingEvidence` -> `analyseMatching` -> `matchingReport`.
 */
export * from '../compare/comparison';
export * from './profile';
export * from './levels';
export * from './compare';
export * from './rates';
export * from './null';
export * from './likelihood';
export * from './sensitivity';
export * from './provenanceLevels';
export * from './propositions';
export * from './cfRates';
export { CF_FIELD_ACCURACY_MEASURED } from './cfFieldAccuracyMeasured';
export * from './unrelated';
export * from './propositionLr';
export * from './combine';
export * from './ceiling';
export * from './jointSensitivity';
export * from './simulation';
export * from './generator';
export * from './dataset';
export * from './charts';
export * from './io';
export * from './report';
export * from './analysis';
export { EMPLOYER_ALIAS_PAIRS } from './vocab';
