/**
 * Profile comparison and match rates (notarial certificate No. 704): comparisons declared
 * as data, displayed-vs-source level matrices, match rates with intervals, the coincidence
 * baseline (permutation and analytic), likelihood ratios with the ENFSI verbal scale,
 * sensitivity to the thresholds, synthetic evidence and charts.
 */
export * from '../compare/comparison';
export * from './profile';
export * from './levels';
export * from './compare';
export * from './rates';
export * from './null';
export * from './likelihood';
export * from './sensitivity';
export * from './alternative';
export * from './generator';
export * from './dataset';
export * from './charts';
export * from './io';
export * from './report';
export { EMPLOYER_ALIAS_PAIRS } from './vocab';
