/**
 * Shadow profiles from uploaded address books (issue 8: the Wang Miao non-user privacy case).
 * Phone numbers are normalised and replaced by HMAC-SHA-256 keyed hashes on load; profiles,
 * labels, message audits and exposure simulations work on the hashes only.
 */
export { normalizePhone, hasDigitRun, type NormalizedPhone, type InvalidPhone, type PhoneParse, type PhoneKind } from './phone';
export { createPhoneHasher, tokenFromKey, keyFromToken, MIN_KEY_BYTES, type PhoneHasher, type PhoneKey } from './hash';
export { RELATION_LEXICON, INTIMACY, SURNAMES, parseSavedName, type ParsedSavedName, type RelationClass, type LexiconEntry } from './lexicon';
export { sortByKey64InPlace, compareKey64, type Payload } from './radix';
export {
  buildNumberIndexInPlace, findNumber, summariseNonUsers,
  type EntryArrays, type UserKeyArrays, type NumberIndex, type NonUserSummary,
} from './number-index';
export {
  ADDRESS_BOOK_SCHEMA, PLATFORM_USERS_SCHEMA, loadAddressBooks, loadPlatformUsers, hashAddressBookRows, hashUserRows,
  type AddressBooks, type PlatformUsers, type ExcludedNumber, type LoadContactsOptions,
} from './load';
export { buildPlatformView, type PlatformView } from './view';
export {
  DEFAULT_THETA, weightedGraph, recommendContacts, reachCurve, thetaIntervalForCount,
  type WeightedCsr, type RecommendInput, type RecommendResult,
} from './closeness';
export {
  shadowProfile, profileOfGroup, targetToken, relationLabel, maskSavedName, profileSummaryRows, holderRows,
  EMPLOYER_MIN_VOTES, EMPLOYER_MIN_SHARE,
  type ShadowProfile, type HolderRecord, type AttributeInference, type RelationLabel, type SourceRef, type ProfileOptions,
} from './profile';
export {
  PERSONS_SCHEMA, TIES_SCHEMA, loadGroundTruth, evaluateRelationLabels, labelsAgainstTruth,
  type GroundTruth, type LabelEvaluation, type LabelClaim, type LabelBasis,
} from './labels';
export { MAIMAI_SMS_TEMPLATE, RELATION_LABEL_ZH, CASE_RELATION_WORDING, fillTemplate, auditMessage, type Disclosure, type DatumOrigin, type MessageAudit, type AuditOptions } from './audit';
export { exposureWorld, simulateExposure, summariseExposure, type ExposureWorld, type ExposureOptions, type ExposureRow } from './exposure';
export { reachCurveFigure, exposureFigure, holdersOverTime, holdersOverTimeFigure } from './charts';
export {
  generateContactsWorld, userEdges, beijingIso, DEFAULT_WORLD_CONFIG, DEFAULT_TARGET_PLAN,
  type ContactsWorld, type ContactsWorldConfig, type TargetPlan, type TargetRole, type SynPerson, type SynTie, type SynSave, type TruthRelation,
} from './synthetic';
export { contactsDatasetFiles, CONTACTS_DATASET_SEED, sha256Text } from './dataset';
export { secondDegreeReachAll, type ReachAll, type ReachInput } from './reach';
export { loadShadowEvidence, analyseShadow, SHADOW_DEFAULTS, SHADOW_SYNTHETIC_TARGET, CASE_TAG, type ShadowEvidence, type ShadowParams, type ShadowResult } from './analysis';
export { shadowReport, smsOriginRows, type ShadowReportOptions } from './report';
