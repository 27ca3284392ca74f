import type { FeatureConfig } from '../../classifier/text-features.util';

/**
 * A learned conversation classifier as data (written by libs/signals/tools/train-conversation-models.mjs):
 * hashed character n-gram and word features plus one "the rules said X" feature per label,
 * one-vs-rest logistic regression, Int8 weights. A conversation is scored on the mean of its
 * messages' vectors (each L2-normalised text features plus the rule feature), so its score is the
 * mean of the messages' scores plus the bias: a running conversation keeps a sum of a few numbers.
 */
export interface ConversationModelData<L extends string> {
  version: string;
  features: FeatureConfig;
  labels: readonly L[];
  /** Value of the rule-label feature a message adds (bucket 2^bits + the label's index). */
  ruleFeatureWeight: number;
  /** Per label: weight = int8 * scale. */
  scales: readonly number[];
  bias: readonly number[];
  /** The model decides only when its top normalised probability reaches this (chosen on the dev split). */
  threshold: number;
  /**
   * Round 15 (intent): when the rules found an intent of their own, the model overrules it only when
   * its top probability beats that intent's by at least this much (chosen on the dev split after the
   * threshold). Absent: 0, the model's top label wins.
   */
  ruleMargin?: number;
  /** Base64 of the Int8 weights, label-major, 2^bits + labels.length buckets per label. */
  weights: string;
  weightsSha256: string;
  trainedOn: {
    sets: readonly string[];
    split: string;
    conversations: number;
    seed: number;
    options: { epochs: number; learningRate: number; l2: number; positiveWeight: number };
  };
}
