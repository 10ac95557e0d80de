/**
 * Probabilistic record linkage (Fellegi & Sunter 1969; Winkler's EM 1988/2000; fastLink's
 * pattern counts and error-rate estimates, Enamorado, Fifield & Imai 2019; Splink's u from
 * random pairs, null levels and waterfall): find the source account, if any, of each
 * displayed profile, with an error rate that can be stated.
 */
export * from './types';
export * from './blocking';
export * from './compare';
export * from '../compare/patterns';
export * from './values';
export * from './uFrequencies';
export * from './estimate';
export * from './perRule';
export * from './score';
export * from './evaluate';
export * from './assign';
export * from './explain';
export * from './charts';
export * from './pipeline';
export * from './febrl';
export * from './sql';
export * from './sqlLevels';
export * from './parallel';
export * from './duckdb';
export * from './vocabulary';
export * from './synthetic';
export * from './syntheticModel';
export * from './runs';
export * from './profileTables';
export * from './profileRules';
export * from './profileDataset';
export * from './profileLink';
export * from './profileRows';
export * from './analysis';
export * from './report';
