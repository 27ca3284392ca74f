import { mulberry32 } from './hash.util';

/** One training example: a sparse L2-normalised vector and a 0/1 target per label. */
export interface SparseExample {
  idx: Int32Array;
  val: Float32Array;
  targets: readonly number[];
}

export interface TrainOptions {
  buckets: number;
  labels: number;
  seed: number;
  epochs: number;
  /** AdaGrad step size. */
  learningRate: number;
  /** L2 penalty per update on the touched weights. */
  l2: number;
  /** Weight of a positive example's loss (positives are rarer than negatives). */
  positiveWeight: number;
  /**
   * Keep each bias at the log-odds of the (weighted) label prior instead of learning it, so a
   * text with no informative features (short, generic, gibberish) scores the prior, not whatever
   * the bias drifted to while the n-gram weights explained the examples.
   */
  fixedBias?: boolean;
}

export interface TrainedLinearModel {
  /** One Float32Array of `buckets` weights per label. */
  weights: Float32Array[];
  bias: number[];
}

/**
 * One-vs-rest logistic regression over hashed features, trained with AdaGrad SGD. Pure and
 * deterministic: the example order of each epoch comes from mulberry32(seed), so the same data,
 * options and seed always give bit-identical weights.
 */
export function trainLogistic(examples: readonly SparseExample[], o: TrainOptions): TrainedLinearModel {
  const weights = Array.from({ length: o.labels }, () => new Float32Array(o.buckets));
  const grads = Array.from({ length: o.labels }, () => new Float32Array(o.buckets));
  const bias = new Array<number>(o.labels).fill(0);
  if (o.fixedBias) {
    for (let l = 0; l < o.labels; l += 1) {
      const pos = examples.filter((e) => e.targets[l] === 1).length * o.positiveWeight;
      const neg = examples.filter((e) => e.targets[l] !== 1).length;
      bias[l] = Math.log(Math.max(pos, 1) / Math.max(neg, 1));
    }
  }
  const biasGrad = new Array<number>(o.labels).fill(0);
  const rand = mulberry32(o.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < o.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    for (const k of order) {
      const ex = examples[k] as SparseExample;
      for (let l = 0; l < o.labels; l += 1) {
        const w = weights[l] as Float32Array;
        const g2 = grads[l] as Float32Array;
        let z = bias[l] as number;
        for (let f = 0; f < ex.idx.length; f += 1) z += (w[ex.idx[f] as number] as number) * (ex.val[f] as number);
        const y = ex.targets[l] as number;
        const p = 1 / (1 + Math.exp(-z));
        const g = (p - y) * (y === 1 ? o.positiveWeight : 1);
        for (let f = 0; f < ex.idx.length; f += 1) {
          const b = ex.idx[f] as number;
          const gi = g * (ex.val[f] as number) + o.l2 * (w[b] as number);
          g2[b] = (g2[b] as number) + gi * gi;
          w[b] = (w[b] as number) - (o.learningRate * gi) / Math.sqrt((g2[b] as number) + 1e-8);
        }
        if (o.fixedBias) continue;
        biasGrad[l] = (biasGrad[l] as number) + g * g;
        bias[l] = (bias[l] as number) - (o.learningRate * g) / Math.sqrt((biasGrad[l] as number) + 1e-8);
      }
    }
  }
  return { weights, bias };
}

/** Int8 quantisation per label: w ~ q * scale with scale = max|w| / 127. */
export function quantize(weights: readonly Float32Array[]): { data: Int8Array; scales: number[] } {
  const buckets = weights[0]?.length ?? 0;
  const data = new Int8Array(buckets * weights.length);
  const scales = weights.map((w, l) => {
    let max = 0;
    for (const v of w) max = Math.max(max, Math.abs(v));
    const scale = max / 127 || 1;
    for (let b = 0; b < buckets; b += 1) data[l * buckets + b] = Math.round((w[b] as number) / scale);
    return Number(scale.toPrecision(9));
  });
  return { data, scales };
}

/**
 * Platt scaling: fits p = 1 / (1 + exp(-(a * score + b))) to held-out scores by Newton's method
 * on the log loss, with Platt's smoothed targets so a perfectly separated dev set stays finite.
 */
export function fitPlatt(scores: readonly number[], targets: readonly number[]): [number, number] {
  const pos = targets.filter((t) => t === 1).length;
  const neg = targets.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 100; iter += 1) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    scores.forEach((s, i) => {
      const t = targets[i] === 1 ? hi : lo;
      const p = 1 / (1 + Math.exp(-(a * s + b)));
      const d = p - t;
      const w = p * (1 - p);
      ga += d * s;
      gb += d;
      haa += w * s * s;
      hab += w * s;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
  }
  return [Number(a.toPrecision(9)), Number(b.toPrecision(9))];
}
