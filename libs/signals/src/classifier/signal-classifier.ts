import { decodeBase64 } from './base64.util';
import type { ClassifierLabel } from './corpus-split.util';
import type { SignalsModelData } from './signals-model.types';
import { foldBuffer, foldInto, forEachFeature, type FoldBuffer } from './text-features.util';

/** A label's calibrated probability and where in the original text its strongest feature sits. */
export interface LabelScore {
  label: ClassifierLabel;
  probability: number;
  start: number;
  end: number;
}

export interface SignalClassifier {
  readonly labels: readonly ClassifierLabel[];
  /** Calibrated probability per label; a long text is scored per chunk and the maximum kept. */
  score(text: string): LabelScore[];
}

/** Texts longer than this are scored in sentence-aligned chunks (the model was trained on messages). */
const CHUNK = 400;
const WORD_CHAR = /[\p{L}\p{N}]/u;

interface Decoded {
  weights: Int8Array;
  buckets: number;
}
const decodedModels = new WeakMap<SignalsModelData, Decoded>();

/**
 * Wraps model data for scoring. Weights are decoded once per model object (shared by every
 * tenant's detector); each classifier owns small scratch buffers, so score() allocates little
 * and does no I/O. Not re-entrant (detect() is synchronous).
 */
export function createSignalClassifier(model: SignalsModelData): SignalClassifier {
  let decoded = decodedModels.get(model);
  if (!decoded) {
    const buckets = 1 << model.features.bits;
    const bytes = decodeBase64(model.weights);
    if (bytes.length !== buckets * model.labels.length)
      throw new Error(`signals model: ${bytes.length} weight bytes, expected ${buckets * model.labels.length}`);
    // Stored label-major; kept bucket-major in memory so one cache line serves every label of a feature.
    const labelMajor = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    const weights = new Int8Array(labelMajor.length);
    const labelCount = model.labels.length;
    for (let l = 0; l < labelCount; l += 1)
      for (let b = 0; b < buckets; b += 1) weights[b * labelCount + l] = labelMajor[l * buckets + b] as number;
    decoded = { weights, buckets };
    decodedModels.set(model, decoded);
  }
  const { weights, buckets } = decoded;
  const labels = model.labels;
  // Per-bucket counts (saturating at 255) and, per distinct feature, its bucket and first
  // position: a small working set (64 KB + the weights), so the hot loop stays in cache.
  const counts = new Uint8Array(buckets);
  let touched = new Int32Array(4096);
  let touchedAt = new Int32Array(4096);
  let buf: FoldBuffer = foldBuffer(CHUNK);
  const acc = new Float64Array(labels.length);
  const best = new Float64Array(labels.length);
  const bestAt = new Int32Array(labels.length);

  /** The three-label model (the committed one), with its sums in locals: this loop is the hot path. */
  function accumulate3(n: number): void {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    let at0 = -1;
    let at1 = -1;
    let at2 = -1;
    for (let i = 0; i < n; i += 1) {
      const b = touched[i] as number;
      const c = counts[b] as number;
      const base = b * 3;
      const w0 = (weights[base] as number) * c;
      const w1 = (weights[base + 1] as number) * c;
      const w2 = (weights[base + 2] as number) * c;
      a0 += w0;
      a1 += w1;
      a2 += w2;
      if (w0 > b0) {
        b0 = w0;
        at0 = touchedAt[i] as number;
      }
      if (w1 > b1) {
        b1 = w1;
        at1 = touchedAt[i] as number;
      }
      if (w2 > b2) {
        b2 = w2;
        at2 = touchedAt[i] as number;
      }
    }
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    bestAt[0] = at0;
    bestAt[1] = at1;
    bestAt[2] = at2;
  }

  function accumulate(n: number, labelCount: number): void {
    acc.fill(0);
    best.fill(0);
    bestAt.fill(-1);
    for (let i = 0; i < n; i += 1) {
      const b = touched[i] as number;
      const c = counts[b] as number;
      const base = b * labelCount;
      for (let l = 0; l < labelCount; l += 1) {
        const contribution = (weights[base + l] as number) * c;
        acc[l] = (acc[l] as number) + contribution;
        if (contribution > (best[l] as number)) {
          best[l] = contribution;
          bestAt[l] = touchedAt[i] as number;
        }
      }
    }
  }

  function scoreChunk(text: string, start: number, end: number, out: LabelScore[]): void {
    if (buf.codes.length < end - start + 2) buf = foldBuffer(end - start);
    const len = foldInto(text, start, end, buf);
    if (!hasWords(buf.codes, len)) return;
    let n = 0;
    forEachFeature(buf.codes, len, model.features, (b, at) => {
      if (counts[b] === 0) {
        if (n === touched.length) {
          const grown = new Int32Array(touched.length * 2);
          grown.set(touched);
          touched = grown;
          const grownAt = new Int32Array(touchedAt.length * 2);
          grownAt.set(touchedAt);
          touchedAt = grownAt;
        }
        touchedAt[n] = at;
        touched[n++] = b;
      }
      if ((counts[b] as number) < 255) counts[b] = (counts[b] as number) + 1;
    });
    if (n === 0) return;
    let norm = 0;
    for (let i = 0; i < n; i += 1) {
      const c = counts[touched[i] as number] as number;
      norm += c * c;
    }
    norm = Math.sqrt(norm);
    const labelCount = labels.length;
    if (labelCount === 3) accumulate3(n);
    else accumulate(n, labelCount);
    for (let l = 0; l < labelCount; l += 1) {
      const raw = (model.bias[l] as number) + ((model.scales[l] as number) * (acc[l] as number)) / norm;
      const [a, c] = model.platt[l] as readonly [number, number];
      const probability = 1 / (1 + Math.exp(-(a * raw + c)));
      const prev = out[l] as LabelScore;
      if (probability > prev.probability) {
        const at = (bestAt[l] as number) >= 0 ? (buf.offsets[bestAt[l] as number] as number) : start;
        const [s, e] = wordAround(text, Math.min(at, end - 1), start, end);
        out[l] = { label: labels[l] as ClassifierLabel, probability, start: s, end: e };
      }
    }
    for (let i = 0; i < n; i += 1) counts[touched[i] as number] = 0;
  }

  return {
    labels,
    score(text: string): LabelScore[] {
      const out: LabelScore[] = labels.map((label) => ({ label, probability: 0, start: 0, end: 0 }));
      for (const [s, e] of chunks(text)) scoreChunk(text, s, e, out);
      return out;
    },
  };
}

/**
 * Too little text to judge: fewer than two words of two or more letters and no word of six or
 * more ("a a a a", "ok", "?"). The model's output on such input is its prior plus noise, so it
 * stays silent and leaves very short messages to the rules.
 */
function hasWords(codes: Uint16Array, len: number): boolean {
  let words = 0;
  let run = 0;
  for (let i = 0; i < len; i += 1) {
    if (codes[i] === 32) {
      if (run >= 2) words += 1;
      run = 0;
    } else {
      run += 1;
      if (run >= 6) return true;
    }
  }
  return words >= 2;
}

/** Sentence-aligned chunks of at most CHUNK characters (one chunk for a short text). */
function chunks(text: string): Array<[number, number]> {
  if (text.length <= CHUNK) return [[0, text.length]];
  const out: Array<[number, number]> = [];
  let s = 0;
  while (s < text.length) {
    let e = Math.min(text.length, s + CHUNK);
    if (e < text.length) {
      let cut = -1;
      for (let i = e - 1; i > s + CHUNK / 2; i -= 1) {
        const ch = text[i];
        if (ch === '.' || ch === '!' || ch === '?' || ch === '\n') {
          cut = i + 1;
          break;
        }
      }
      if (cut < 0) cut = text.lastIndexOf(' ', e) > s ? text.lastIndexOf(' ', e) + 1 : e;
      e = cut;
    }
    out.push([s, e]);
    s = e;
  }
  return out;
}

/** The word containing `at` (letters and digits), within [min, max). */
function wordAround(text: string, at: number, min: number, max: number): [number, number] {
  let s = at;
  let e = at;
  while (s > min && WORD_CHAR.test(text[s - 1] as string)) s -= 1;
  while (e < max && WORD_CHAR.test(text[e] as string)) e += 1;
  if (e === s) e = Math.min(max, s + 1);
  return [s, e];
}
