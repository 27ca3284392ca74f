import type { ClassifierLabel } from './corpus-split.util';
import type { FeatureConfig } from './text-features.util';

/**
 * A trained L1a classifier as data (written by libs/signals/tools/train.mjs into
 * signals-model.data.ts): hashed character n-gram logistic regression, one-vs-rest, Int8
 * weights per label, Platt calibration and the default thresholds chosen on the dev split.
 */
export interface SignalsModelData {
  version: string;
  features: FeatureConfig;
  labels: readonly ClassifierLabel[];
  /** Per label: weight = int8 * scale. */
  scales: readonly number[];
  bias: readonly number[];
  /** Per label [a, b]: probability = 1 / (1 + exp(-(a * rawScore + b))). */
  platt: ReadonlyArray<readonly [number, number]>;
  /** Default calibrated-probability thresholds (a tenant may override them). */
  thresholds: Readonly<Record<ClassifierLabel, number>>;
  /** Base64 of the Int8 weights, label-major (label 0's 2^bits buckets, then label 1's ...). */
  weights: string;
  /** sha256 of the Int8 weights, for the trainer's reproducibility check. */
  weightsSha256: string;
  /** What the model was trained on (informational). */
  trainedOn: {
    corpus: string;
    split: string;
    trainMessages: number;
    seed: number;
    /** Trainer options (trainLogistic) and whether eval/messages.jsonl was added, to reproduce the weights. */
    options?: {
      epochs: number;
      learningRate: number;
      l2: number;
      positiveWeight: number;
      fixedBias: boolean;
      gateSet: boolean;
      background?: boolean;
      /** Messages of retired unseen sets added to the training data. */
      retiredUnseen?: number;
    };
  };
}
