export * from './signal.types';
export * from './signal-wire.util';
export type { RuleGuards, SignalRule, SignalRuleSet } from './rules/signal-rules.types';
export { DEFAULT_SIGNAL_RULES } from './rules/default-rules.data';
export { signalRulesExtensionSchema, tenantRuleSchema } from './rules/rules-extension.schema';
export type { SignalRulesExtension, ParsedSignalRulesExtension } from './rules/rules-extension.schema';
export { normalizeText } from './normalize/normalize-text.util';
export { createSignalDetector } from './detector/signal-detector';
export type { SignalDetector, SignalDetectorOptions } from './detector/signal-detector';
export { InvalidSignalRulesError } from './detector/signal-rules.errors';
export {
  tenantSignalSettingsSchema,
  parseTenantSignalSettings,
  DEFAULT_CLASSIFIER_THRESHOLDS,
} from './detector/tenant-signal-settings.schema';
export type { TenantSignalSettings, ParsedTenantSignalSettings } from './detector/tenant-signal-settings.schema';
export { evaluateDetector, parseLabelledMessages } from './evaluation/evaluate.util';
export type { EvaluationReport, LabelledMessage, TypeScore } from './evaluation/evaluate.util';
export { INTENTS, SENTIMENT_LABELS, CONTACT_FIELDS, PURCHASE_SIGNAL_KINDS, CHANNELS } from './extraction/extraction.types';
export type {
  Intent,
  SentimentLabel,
  ContactField,
  ContactMention,
  IntentResult,
  SentimentResult,
  ProductMention,
  PurchaseSignalKind,
  PurchaseSignal,
  Channel,
  TimeWindow,
  CommunicationPreference,
  CustomerContact,
  Extraction,
  ExtractionContext,
} from './extraction/extraction.types';
export { extractMessage, MAX_MESSAGE_LENGTH } from './extraction/extract-message';
export { mergeConversation } from './extraction/merge-conversation';
export { addIntentScores, decideIntent, RULE_INTENT_MIN_CONFIDENCE } from './extraction/classify/intent-decision.util';
export { isUnmetQuestion, redactPii, type RedactOptions } from './extraction/privacy/redact-pii';
export type { ConversationExtraction, Sourced } from './extraction/merge-conversation';
export { InvalidExtractionInputError } from './extraction/extraction.errors';
export {
  evaluateExtraction,
  extractConversation,
  parseLabelledConversations,
  missedTargets,
  splitOf,
  SPLIT_SEED,
  EXTRACTION_TARGETS,
} from './extraction/evaluation/evaluate-extraction.util';
export type {
  ExtractionEvaluationReport,
  LabelledConversation,
  FieldScore,
  AccuracyScore,
} from './extraction/evaluation/evaluate-extraction.util';
export { CLASSIFIER_LABELS, SPLIT_NAMES, CORPUS_SPLIT_SEED, assignSplits, idHash, stratumOf } from './classifier/corpus-split.util';
export type { ClassifierLabel, CorpusMessage, SplitName } from './classifier/corpus-split.util';
export { vectorize, foldText, foldInto, foldBuffer, forEachFeature } from './classifier/text-features.util';
export type { FeatureConfig, FoldBuffer } from './classifier/text-features.util';
export { trainLogistic, quantize, fitPlatt } from './classifier/train-logistic.util';
export type { SparseExample, TrainOptions, TrainedLinearModel } from './classifier/train-logistic.util';
export { encodeBase64, decodeBase64 } from './classifier/base64.util';
export { createSignalClassifier } from './classifier/signal-classifier';
export type { SignalClassifier, LabelScore } from './classifier/signal-classifier';
export type { SignalsModelData } from './classifier/signals-model.types';
export { SIGNALS_MODEL } from './classifier/signals-model.data';
export { classifierOptionsSchema } from './classifier/classifier-options.schema';
export type { ClassifierOptions } from './classifier/classifier-options.schema';
export { CLASSIFIER_SUBTYPE } from './classifier/combine-findings.util';
export { wilsonInterval } from './evaluation/wilson.util';
