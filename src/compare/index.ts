/**
 * Foundation: comparisons and ordered levels declared as data (`Comparison`, `ComparisonLevel`,
 * `compareField`, `describeComparison`) and the Hamming distance / population count of perceptual
 * hashes. Matching, linkage and avatars use it; it imports no inference area.
 */
export * from './comparison';
export * from './hamming';
export * from './fellegiSunter';
export * from './patterns';
