/**
 * Access logs: loading at any grain with validation (CST time handling), crawl capacity,
 * rate analysis (streamed or in memory), a documented human-vs-automated classifier with
 * measured error rates, charts, and the synthetic calibrated dataset generator.
 */
export * from './time';
export * from './burstiness';
export * from './ks';
export * from './rate';
export * from './stream';
export * from './load';
export * from './simulate';
export * from './classify';
export * from './capacity';
export * from './charts';
export * from './datasets';
export * from './analysis';
export * from './report';
export * from './validate';
