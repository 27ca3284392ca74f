/** How a message becomes hashed features; stored with the model so training and scoring agree. */
export interface FeatureConfig {
  /** Buckets = 2^bits. */
  bits: number;
  /** Character n-gram lengths over the folded text (spaces mark word boundaries). */
  minN: number;
  maxN: number;
  /** Also hash whole words and word bigrams. */
  words: boolean;
}

/** Reusable buffers for folded text: code units and, per unit, its offset in the original. */
export interface FoldBuffer {
  codes: Uint16Array;
  offsets: Int32Array;
}

const UNKNOWN = 0xffff;
const SPACE = 32;
const FOLD = new Uint16Array(0x10000).fill(UNKNOWN);
const LETTER = /\p{L}/u;
const COMBINING = /[\u0300-\u036f]/g;

/**
 * Lower case, accents stripped (é -> e, ß stays), digits -> 0, anything else -> space. Computed
 * per code unit on first sight and cached, so folding costs one table read per character.
 */
function foldCode(code: number): number {
  const cached = FOLD[code] as number;
  if (cached !== UNKNOWN) return cached;
  let out = SPACE;
  if (code >= 48 && code <= 57) out = 48;
  else if (code >= 65 && code <= 90) out = code + 32;
  else if (code >= 97 && code <= 122) out = code;
  else if (code >= 128 && code < 0xd800) {
    const ch = String.fromCharCode(code);
    if (LETTER.test(ch)) {
      const base = ch.toLowerCase().normalize('NFD').replace(COMBINING, '');
      out = base.length === 1 ? base.charCodeAt(0) : ch.toLowerCase().length === 1 ? ch.toLowerCase().charCodeAt(0) : code;
    }
  }
  FOLD[code] = out;
  return out;
}

/** Buffers big enough for a slice of `length` characters (grown by the caller when too small). */
export function foldBuffer(length: number): FoldBuffer {
  return { codes: new Uint16Array(length + 2), offsets: new Int32Array(length + 2) };
}

/**
 * Folds text[start, end) into `buf`: one space between words, a space at each end; offsets map
 * every folded unit back to the original text (a space points at the next word). Returns the
 * folded length. No allocation when `buf` is large enough (end - start + 2).
 */
export function foldInto(text: string, start: number, end: number, buf: FoldBuffer): number {
  const { codes, offsets } = buf;
  let n = 0;
  codes[n] = SPACE;
  offsets[n++] = start;
  for (let i = start; i < end; i += 1) {
    const c = foldCode(text.charCodeAt(i));
    if (c === SPACE && codes[n - 1] === SPACE) continue;
    codes[n] = c;
    offsets[n++] = c === SPACE ? i + 1 : i;
  }
  if (codes[n - 1] !== SPACE) {
    codes[n] = SPACE;
    offsets[n++] = end;
  }
  return n;
}

/** The folded form as a string (tests and debugging). */
export function foldText(text: string): string {
  const buf = foldBuffer(text.length);
  const n = foldInto(text, 0, text.length, buf);
  return String.fromCharCode(...buf.codes.subarray(0, n));
}

function fnvCodes(codes: Uint16Array, start: number, end: number, basis: number): number {
  let h = basis >>> 0;
  for (let i = start; i < end; i += 1) {
    h ^= codes[i] as number;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const WORD_BASIS = 0x2f1c9dc5;
const BIGRAM_BASIS = 0x6a09e667;

/**
 * Calls `emit(bucket, foldedIndex)` for every feature of a folded text: character n-grams
 * (minN..maxN, never starting on a space) and, when configured, words and word bigrams.
 * Hashing is incremental per start position (FNV-1a), so a 2 KB message costs ~10k hashes.
 */
export function forEachFeature(codes: Uint16Array, n: number, cfg: FeatureConfig, emit: (bucket: number, at: number) => void): void {
  const mask = (1 << cfg.bits) - 1;
  for (let i = 0; i < n; i += 1) {
    // A gram may start on the word-boundary space (" ga"); a lone space is never a feature.
    let h = 0x811c9dc5;
    for (let k = 0; k < cfg.maxN && i + k < n; k += 1) {
      h ^= codes[i + k] as number;
      h = Math.imul(h, 0x01000193) >>> 0;
      if (k + 1 >= cfg.minN && (k > 0 || codes[i] !== SPACE)) emit(((h ^ (k + 1)) >>> 0) & mask, i);
    }
  }
  if (!cfg.words) return;
  let prevStart = -1;
  let wordStart = 1;
  for (let i = 1; i < n; i += 1) {
    if (codes[i] !== SPACE) continue;
    if (i > wordStart) {
      emit(fnvCodes(codes, wordStart, i, WORD_BASIS) & mask, wordStart);
      if (prevStart >= 0) emit(fnvCodes(codes, prevStart, i, BIGRAM_BASIS) & mask, prevStart);
      prevStart = wordStart;
    }
    wordStart = i + 1;
  }
}

/** Sparse, L2-normalised feature vector of one text (training and tests; scoring avoids the allocation). */
export function vectorize(text: string, cfg: FeatureConfig): { idx: Int32Array; val: Float32Array } {
  const counts = new Map<number, number>();
  const buf = foldBuffer(text.length);
  const n = foldInto(text, 0, text.length, buf);
  forEachFeature(buf.codes, n, cfg, (b) => counts.set(b, (counts.get(b) ?? 0) + 1));
  const idx = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  let norm = 0;
  for (const c of counts.values()) norm += c * c;
  norm = Math.sqrt(norm) || 1;
  const val = Float32Array.from(idx, (b) => (counts.get(b) as number) / norm);
  return { idx, val };
}
