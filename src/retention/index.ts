/**
 * Retention after termination: claimed deletion schedule vs dated observations, binomial
 * intervals and exact tests, exponential decay fit with interval, completion dates, plain
 * statements, charts, and the synthetic dataset generator.
 */
export * from './claim';
export * from './load';
export * from './compare';
export * from './decay';
export * from './findings';
export * from './charts';
export * from './datasets';
export * from './analysis';
export * from './report';
