/**
 * Statistics for provenance evidence: one small function per file (simple-statistics
 * style), each documented with a worked example and the reference it implements.
 */
export * from './random';

// Special functions
export { lnGamma } from './lnGamma';
export { logBeta } from './logBeta';
export { stirlingError } from './stirlingError';
export { binomialDeviance } from './binomialDeviance';
export { regularizedIncompleteBeta } from './regularizedIncompleteBeta';
export { regularizedGammaP } from './regularizedGammaP';
export { logSumExp } from './logSumExp';
export { nelderMead } from './nelderMead';
export { logAddExp } from './logAddExp';
export { designEffect } from './designEffect';
export { effectiveSampleSize } from './effectiveSampleSize';

// Distributions
export { betaQuantile } from './betaQuantile';
export { logBinomialPmf } from './logBinomialPmf';
export { binomialPmf } from './binomialPmf';
export { binomialCdf } from './binomialCdf';
export { binomialUpperTail } from './binomialUpperTail';
export { betaBinomialPmf, logBetaBinomialPmf } from './betaBinomialPmf';
export { betaBinomialCdf } from './betaBinomialCdf';
export { logPoissonPmf } from './logPoissonPmf';
export { poissonPmf } from './poissonPmf';
export { poissonCdf } from './poissonCdf';
export { normalCdf } from './normalCdf';
export { normalQuantile } from './normalQuantile';
export { poissonBinomialUpperTail } from './poissonBinomialUpperTail';
export { quantileSorted } from './quantileSorted';

// Tests and intervals
export { binomialTest, type Alternative, type BinomialTestResult } from './binomialTest';
export { wilsonInterval } from './wilsonInterval';
export { clopperPearsonInterval } from './clopperPearsonInterval';
export { agrestiCoullInterval } from './agrestiCoullInterval';

// Information
export { entropy, type EntropyEstimator } from './entropy';
export { conditionalEntropy } from './conditionalEntropy';
export { binaryEntropy } from './binaryEntropy';
export { entropyOfDistribution } from './entropyOfDistribution';

// Evidence strength and reporting
export { enfsiVerbalScale, type EnfsiBand, type EnfsiVerbal } from './enfsiVerbalScale';
export { formatProbability } from './formatProbability';
export { formatLikelihoodRatio } from './formatLikelihoodRatio';
export { formatPowerOfTen } from './formatPowerOfTen';

// Descriptive helpers: re-exported from simple-statistics (well tested; not re-implemented)
export { mean, median, quantile, sum, variance, sampleVariance, standardDeviation, sampleStandardDeviation } from 'simple-statistics';
export { meanBy } from './meanBy';
