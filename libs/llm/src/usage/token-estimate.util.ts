import { Tiktoken } from 'js-tiktoken/lite';
import cl100k_base from 'js-tiktoken/ranks/cl100k_base';

// cl100k_base is the tokenizer of the GPT-3.5/4 family. Other models tokenize differently, so
// counts from it are estimates (GenerationUsage.estimated = true); they are close enough for
// per-turn accounting when a provider reports nothing.
//
// Counting, not encoding: BPE runs on each pre-tokenizer piece separately, so a text's count is
// the sum of its pieces' counts. Pieces (words) repeat a lot and whole texts (the tenant's
// knowledge chunks) repeat across turns, so both are cached; a plain `encode` of 2 KB costs
// about 5 ms of CPU, which a busy chat service cannot spend per turn. Special-token text typed by
// a visitor ("<|endoftext|>") is counted as ordinary text instead of making `encode` throw.

const PIECE_CACHE_MAX = 50_000;
const TEXT_CACHE_MAX = 2_000;

let encoder: Tiktoken | undefined;
const pieces = new Map<string, number>();
const texts = new Map<string, number>();
const pretokenizer = new RegExp(cl100k_base.pat_str, 'gu');

function cl100k(): Tiktoken {
  encoder ??= new Tiktoken(cl100k_base);
  return encoder;
}

function remember(cache: Map<string, number>, max: number, key: string, value: number): void {
  if (cache.size >= max) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
}

function countPieces(text: string): number {
  let count = 0;
  for (const match of text.matchAll(pretokenizer)) {
    const piece = match[0];
    let n = pieces.get(piece);
    if (n === undefined) {
      n = cl100k().encode(piece, [], []).length;
      remember(pieces, PIECE_CACHE_MAX, piece, n);
    }
    count += n;
  }
  return count;
}

/** Estimated token count of `text` (cl100k_base). */
export function estimateTokens(text: string): number {
  if (text.length === 0) return 0;
  const known = texts.get(text);
  if (known !== undefined) return known;
  const count = countPieces(text);
  remember(texts, TEXT_CACHE_MAX, text, count);
  return count;
}

/** Estimated token count of several texts, e.g. every message of a prompt. */
export function estimateTokensOf(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + estimateTokens(text), 0);
}

/**
 * Parses the ranks soon after start-up (about half a second of CPU, once per process) instead
 * of inside the first turn, where it would stall every stream in flight.
 */
export function warmUpTokenizer(): void {
  if (encoder !== undefined) return;
  setTimeout(() => cl100k(), 0).unref();
}
