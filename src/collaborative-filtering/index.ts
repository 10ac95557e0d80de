/**
 * Collaborative-filtering plausibility (issue 6): could an algorithm have inferred the
 * profiles a platform displayed? Graph generator and loaders (CSR typed arrays), observation
 * model with the case's figures, inference methods (vote, weighted vote, user-kNN, label
 * propagation, Bayes-optimal), copy ceiling, Fano ceilings, tests of the claim, sensitivity
 * grid, calibration on the real graphs SNAP ego-Facebook and LastFM Asia, and chart builders.
 */
export { csrFromEdges, neighbours, degree, edgeCount, simplifyGraph, type CsrGraph, type CsrOptions } from '../graph/csr';
export {
  loadCollaborativeFilteringEvidence,
  analyseCollaborativeFiltering,
  COLLABORATIVE_FILTERING_DEFAULTS,
  type CollaborativeFilteringEvidence,
  type CollaborativeFilteringParams,
  type CollaborativeFilteringResult,
  type SelectiveCurve,
  type HolderCountRow,
  type RealGraphSummary,
} from './analysis';
export { collaborativeFilteringReport, collaborativeFilteringConclusions, type CollaborativeFilteringReportOptions } from './report';
export { coveragePrecision, type CoveragePrecision } from './selective';
export { holderDistribution, holderAgreement, modelAccuracy, holderCountsIn, interpolateAt, type HolderDistribution, type HolderAgreement, type ModelAccuracy } from './holders';
export { clusterTailPValue, clusterRequiredAccuracy, clusterTest, countsFrontier, splitUnits, type ClusterTestResult, type CountsFrontierRow } from './clusterTest';
export { directInformation, explainedShare, INPUT_SOURCES, type InputSource, type DirectRow, type SourceKind } from './direct';
export { loadEdgeList, type EdgeListOptions, type LoadedEdgeList } from './edgeList';
export { attributeSchema, loadGraphEvidence, type NodeAttributes } from './attributes';
export { buildSegmentedAlias, sampleSegment, type SegmentedAlias } from './alias';
export {
  generateSocialGraph,
  zipfProbabilities,
  DEFAULT_ATTRIBUTES,
  type AttributeSpec,
  type AttributeModel,
  type ClosenessSpec,
  type SocialGraph,
  type SocialGraphParams,
} from './generator';
export {
  observe,
  hideLabels,
  registeredShareFor,
  CASE_REGISTERED_USERS_AUG_2014,
  CASE_SHARE_VIA_WEIBO_LOGIN,
  DEFAULT_POPULATION_ASSUMPTION,
  DEFAULT_SELF_REPORT,
  type Observation,
  type ObservationParams,
} from './observation';
export {
  multiFromSingle,
  multiFromLists,
  valuesOf,
  isMulti,
  hasLabel,
  labelMatches,
  frequencyRanks,
  unlabelledNodes,
  type Labels,
  type MultiLabels,
} from './labels';
export { neighbourVote, weightedVote, vote, type Predictions, type VoteOptions } from './vote';
export { labelPropagation, type LabelPropagationOptions, type LabelPropagationResult } from './labelPropagation';
export { userKnn, distinctDegrees, type KnnOptions, type SimilarityMeasure } from './knn';
export { bayesPosterior, bayesPredict, edgeAlpha, type BayesPosterior, type BayesPredictions, type BayesOptions } from './bayes';
export { copyCeiling, scorePredictions, edgeHomophily, type CopyCeiling, type AccuracySummary } from './copyCeiling';
export { runMethods, ALL_METHODS, METHOD_LABELS, type MethodName, type MethodsResult, type RunMethodsOptions } from './methods';
export { simulateNonUsers, type NonUserParams, type NonUserResult, type FieldResult } from './nonUser';
export {
  fanoBound,
  fanoMaxAccuracy,
  fanoRequiredInformation,
  conditionalEntropyFromSamples,
  bootstrapConditionalEntropy,
  entropyOfDistribution,
  posteriorConditionalEntropy,
  type ConditionalEntropyEstimate,
  type BootstrapInterval,
} from './fano';
export {
  claimTest,
  betaBinomialUpperTail,
  logBetaBinomialUpperTail,
  log10BinomialUpperTail,
  simulateTypeIError,
  plausibilityFrontier,
  type ClaimTestParams,
  type ClaimTestResult,
  type FrontierRow,
} from './claimTest';
export { accuracyVsKnownShare, fanoByKnownShare, fanoCeilingCurve, jointAccuracyVsShare, type AccuracyRow, type FanoRow, type Geometry } from './world';
export { sensitivityGrid, paretoMinimal, type SensitivityCell, type SensitivityResult, type SensitivityOptions } from './sensitivity';
export { hideShare, calibrateOnSnap, splitHalfValidation, validationSummary, SNAP_GRAPH_ID, LASTFM_GRAPH_ID, type CalibrationRow, type ValidationRow, type ValidationSummary, type RealGraph, type RealGraphId } from './calibration';
export { loadLastfmAsia, LASTFM_ATTRIBUTES, LASTFM_FILES, LASTFM_PUBLISHED_REFERENCES, type LastfmAsia, type LastfmAttribute } from './lastfm';
export { loadSnapEgoFacebook, labelStats, SNAP_ATTRIBUTES, PUBLISHED_REFERENCES, type SnapEgoFacebook, type SnapAttribute } from './snap';
export { buildInferenceDataset, writeInferenceDataset, formatValue as formatDatasetValue, DATASET_SEED, DATASET_PARAMS, type DatasetFile } from './dataset';
export {
  accuracyVsShareChart,
  methodComparisonChart,
  fanoCeilingChart,
  fanoByShareChart,
  sensitivityHeatmap,
  calibrationChart,
  likelihoodChart,
  selectiveChart,
  holdersChart,
  pValueByRhoChart,
} from './charts';
export { CF_FIELD_ACCURACY_OPTIONS, measureCfFieldAccuracy, type CfField, type CfFieldAccuracy, type CfFieldAccuracyOptions } from './fieldAccuracy';
