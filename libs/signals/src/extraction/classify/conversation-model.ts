import { decodeBase64 } from '../../classifier/base64.util';
import { vectorize } from '../../classifier/text-features.util';
import type { ConversationModelData } from './conversation-model.types';

export interface ConversationModel<L extends string> {
  readonly labels: readonly L[];
  readonly threshold: number;
  /** See ConversationModelData.ruleMargin (0 when the data has none). */
  readonly ruleMargin: number;
  /** One message's raw score per label (weights · features, no bias); `rule`: what the rules said of it. */
  messageScores(text: string, rule: L | undefined): number[];
  /** Normalised probability per label for `count` messages whose scores sum to `scoreSum`. */
  probabilities(scoreSum: readonly number[], count: number): number[];
}

/** Messages shorter than this many words ("ok", "thanks!") carry no purpose: the models skip them. */
export const MODEL_MIN_WORDS = 3;

/** Whether a message is long enough for the learned models (training and scoring agree on this). */
export function hasEnoughWords(text: string): boolean {
  let words = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+/gu)) if (++words >= MODEL_MIN_WORDS) return true;
  return false;
}

/** Number of weight buckets per label: the hashed features, then one rule feature per label. */
export function bucketsOf(data: Pick<ConversationModelData<string>, 'features' | 'labels'>): number {
  return (1 << data.features.bits) + data.labels.length;
}

const decoded = new WeakMap<object, Float32Array[]>();

/** Wraps model data for scoring; weights are decoded once per model object. Pure, no I/O. */
export function createConversationModel<L extends string>(model: ConversationModelData<L>): ConversationModel<L> {
  const buckets = bucketsOf(model);
  let weights = decoded.get(model);
  if (!weights) {
    const bytes = decodeBase64(model.weights);
    if (bytes.length !== buckets * model.labels.length)
      throw new Error(`conversation model ${model.version}: ${bytes.length} weight bytes, expected ${buckets * model.labels.length}`);
    const q = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    weights = model.labels.map((_, l) =>
      Float32Array.from(q.subarray(l * buckets, (l + 1) * buckets), (v) => v * (model.scales[l] as number)),
    );
    decoded.set(model, weights);
  }
  const w = weights;
  const ruleBase = 1 << model.features.bits;
  return {
    labels: model.labels,
    threshold: model.threshold,
    ruleMargin: model.ruleMargin ?? 0,
    messageScores(text: string, rule: L | undefined): number[] {
      const { idx, val } = vectorize(text, model.features);
      const ruleAt = rule === undefined ? -1 : model.labels.indexOf(rule);
      return w.map((lw) => {
        let z = ruleAt >= 0 ? (lw[ruleBase + ruleAt] as number) * model.ruleFeatureWeight : 0;
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

/** Adds one message's scores into a running sum (a new array; either may be undefined). */
export function addScores(sum: readonly number[] | undefined, scores: readonly number[] | undefined): number[] | undefined {
  if (scores === undefined) return sum === undefined ? undefined : [...sum];
  if (sum === undefined) return [...scores];
  return scores.map((s, i) => s + (sum[i] ?? 0));
}
