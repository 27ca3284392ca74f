import { decodeBase64 } from '../../classifier/base64.util';
import { vectorize } from '../../classifier/text-features.util';
import type { Intent } from '../extraction.types';
import type { IntentModelData } from './intent-model.types';

export interface IntentModel {
  readonly labels: readonly Intent[];
  readonly threshold: number;
  /** One message's raw score per label (weights · features, no bias): a conversation sums them. */
  messageScores(text: string): number[];
  /** Normalised probability per label for `count` messages whose scores sum to `scoreSum`. */
  probabilities(scoreSum: readonly number[], count: number): number[];
}

/** Messages shorter than this many words ("ok", "thanks!") carry no purpose: the model skips them. */
export const INTENT_MODEL_MIN_WORDS = 3;

/** Whether a message is long enough for the intent model (training and scoring agree on this). */
export function hasIntentContent(text: string): boolean {
  let words = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+/gu)) if (++words >= INTENT_MODEL_MIN_WORDS) return true;
  return false;
}

const decoded = new WeakMap<IntentModelData, Float32Array[]>();

/** Wraps model data for scoring; weights are decoded once per model object. Pure, no I/O. */
export function createIntentModel(model: IntentModelData): IntentModel {
  let weights = decoded.get(model);
  if (!weights) {
    const buckets = 1 << model.features.bits;
    const bytes = decodeBase64(model.weights);
    if (bytes.length !== buckets * model.labels.length)
      throw new Error(`intent model: ${bytes.length} weight bytes, expected ${buckets * model.labels.length}`);
    const q = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    weights = model.labels.map((_, l) =>
      Float32Array.from(q.subarray(l * buckets, (l + 1) * buckets), (v) => v * (model.scales[l] as number)),
    );
    decoded.set(model, weights);
  }
  const w = weights;
  return {
    labels: model.labels,
    threshold: model.threshold,
    messageScores(text: string): number[] {
      const { idx, val } = vectorize(text, model.features);
      return w.map((lw) => {
        let z = 0;
        for (let f = 0; f < idx.length; f += 1) z += (lw[idx[f] as number] as number) * (val[f] as number);
        return z;
      });
    },
    probabilities(scoreSum: readonly number[], count: number): number[] {
      const n = Math.max(1, count);
      const p = model.bias.map((b, l) => 1 / (1 + Math.exp(-(b + (scoreSum[l] ?? 0) / n))));
      const total = p.reduce((a, b) => a + b, 0) || 1;
      return p.map((x) => x / total);
    },
  };
}
