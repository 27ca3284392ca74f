import type { FeatureConfig } from '../../classifier/text-features.util';
import type { Intent } from '../extraction.types';

/**
 * The learned intent model as data (written by libs/signals/tools/train-intent.mjs into
 * intent-model.data.ts): hashed character n-gram and word features, one-vs-rest logistic
 * regression over the seven intents, Int8 weights per label. A conversation is scored on the mean
 * of its messages' L2-normalised feature vectors, so its score is the mean of the messages' scores
 * plus the bias (which lets a running conversation keep a sum of seven numbers).
 */
export interface IntentModelData {
  version: string;
  features: FeatureConfig;
  labels: readonly Intent[];
  /** Per label: weight = int8 * scale. */
  scales: readonly number[];
  bias: readonly number[];
  /** The model decides only when its top normalised probability reaches this (chosen on the dev split). */
  threshold: number;
  /** Base64 of the Int8 weights, label-major. */
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
