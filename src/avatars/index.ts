/**
 * Avatars: decoding evidence images safely, perceptual hashes (aHash, dHash, pHash), Hamming
 * distances (single, all pairs), measured robustness and thresholds, and source attribution
 * of displayed avatars across platforms (the avatar-app defence, FACTS.md case 1 inference 2).
 */
export { EvidenceError, refuseImage } from './errors';
export {
  DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, decodeAvatar, inspectAvatar, readSource, sniffFormat,
  type AvatarFormat, type AvatarSource, type DecodeOptions, type DecodedAvatar,
} from './decode';
export { areaResize, lumaBT601 } from './grey';
export {
  HASH_KINDS, aHashFromLuma, bitsToHex, dHashFromLuma, dctLowFrequencies, hashAvatar, hashAvatars, hashPixels, pHashFromLuma,
  type AvatarHashes, type HashKind, type HashManyOptions, type HashedAvatar,
} from './hash';
export { hammingDistanceHex, hammingPacked, packHashes, popcount32 } from '../compare/hamming';
export { allPairsHamming, crossPairsHamming, type AllPairsOptions, type AllPairsResult } from './allpairs';
export { DEFAULT_DISTORTIONS, DISTORTION_KINDS, distortionByName, type Distortion, type DistortionKind } from './distort';
export { chooseThreshold, distanceHistogram, rocAuc, rocCurve, type RocPoint, type ThresholdChoice, type ThresholdRuleOptions } from './roc';
export {
  MATCH_RULES, chooseThresholds, describeThresholds, distortionTable, errorRateTable, isMatch, measureRobustness, rocByHash, sameDistances,
  type DistortionRow, type ErrorRateRow, type HashDistances, type MatchRule, type MeasureOptions, type RobustnessMeasurement, type SamePair, type Thresholds,
} from './robustness';
export { DEFAULT_MAX_FALSE_MATCH_RATE, DEFAULT_RULE, DEFAULT_THRESHOLDS } from './thresholds';
export {
  attributeAvatar, attributeEvidence, attributionSummaryRows, attributionVsTruth, hashDistances, summariseAttribution,
  type Attribution, type AttributionOptions, type AttributionSummary, type AttributionSummaryOptions, type AttributionVerdict,
  type PersonAttribution, type PersonEvidence, type PlatformCandidate,
} from './attribution';
export { AVATAR_MANIFEST_SCHEMA, loadAvatarEvidence, type AvatarEvidenceSet, type AvatarImageRecord, type LoadEvidenceOptions } from './evidence';
export { avatarHashComparison, type AvatarComparisonOptions } from './comparison';
export { attributionFigure, distanceDistributionFigure, rocFigure } from './charts';
export { renderScene, type Rgb, type Scene, type Shape } from './draw';
export { AVATAR_STYLES, randomAvatarScene, randomStyle, type AvatarStyle } from './scenes';
export {
  DISPLAY_PIPELINE, MANIFEST_COLUMNS, MASTER_SIZE, PLATFORMS, PLATFORM_PIPELINES, combinedHash, generateAvatarDataset, sha256Hex, toCsv,
  type AvatarManifestRow, type GeneratedAvatarDataset, type GenerateOptions, type Platform, type RobustnessManifestRow, type VariantKind,
} from './generate';
export { AVATAR_DATASET_SEED, ROBUSTNESS_COLUMNS, measurementSet, writeAvatarDataset, type WriteOptions, type WriteSummary } from './dataset';
export { isSamePicture, samePictureMaxBits } from './rule';
export { CROP_SCALES, CROP_WINDOWS, cropHashesFromPixels, cropTolerantDistance, type CropHashes, type CropWindow } from './crops';
export { AVATAR_SIMILARITY, avatarSimilarityRule, sameAvatar, sameAvatarCropTolerant, type AvatarSimilarityRule } from './similarity';
export { CROP_LEVELS, platformPipeline, type CropPlacement, type PlatformPipeline } from './pipelines';
export { chooseOnTuning, measureSplit, testRates, type MeasuredImage, type OutOfSampleRate, type SplitMeasurement } from './outOfSample';
export { mixtureLog10Lr, personLr, pictureGroups, type PersonLr, type PlatformAvatar, type PropositionRates } from './propositions';
export {
  AVATARS_DEFAULTS, analyseAvatars, loadAvatarsEvidence,
  type AttributionRow, type AvatarsEvidence, type AvatarsParams, type AvatarsResult, type CropTableRow, type SimulationSummary,
} from './analysis';
export { avatarsReport } from './report';
export { measureReprocessing } from './reprocessing';
export {
  AVATAR_DISTANCE_LEVELS, REPROCESSING_CONDITIONS, REPROCESSING_DESCRIPTIONS, REPROCESSING_OPTIONS, avatarLevelShares, chooseFileBits, shareAtMost,
  type AvatarDistanceLevel, type ReprocessingCondition, type ReprocessingMeasurement, type ReprocessingOptions,
} from './reprocessingLevels';
export { REPROCESSING_MEASURED } from './reprocessingMeasured';
