import { createHash } from 'node:crypto';
import { tokenize } from './mock-llm.tokens';

/**
 * A deterministic unit-length vector for `text`: SHA-256 in counter mode seeds each component,
 * so the same text always gives the same vector and different texts almost surely differ.
 */
export function mockEmbedding(text: string, dimension: number): number[] {
  const values: number[] = new Array(dimension);
  let filled = 0;
  for (let block = 0; filled < dimension; block += 1) {
    const digest = createHash('sha256').update(`${block}:`).update(text).digest();
    for (let offset = 0; offset + 2 <= digest.length && filled < dimension; offset += 2) {
      values[filled] = digest.readUInt16BE(offset) / 32767.5 - 1;
      filled += 1;
    }
  }
  const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0)) || 1;
  return values.map((v) => v / norm);
}

/** Float32 little-endian bytes in base64, the `encoding_format: "base64"` the OpenAI SDK asks for. */
export function toBase64Embedding(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

export type EmbeddingInput = string | string[] | number[] | number[][];

/** Normalises the accepted `input` shapes to one text per vector; null when the shape is invalid. */
export function embeddingTexts(input: unknown): string[] | null {
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input) || input.length === 0) return null;
  if (input.every((item) => typeof item === 'string')) return input as string[];
  if (input.every((item) => typeof item === 'number')) return [JSON.stringify(input)];
  if (input.every((item) => Array.isArray(item) && item.every((n) => typeof n === 'number'))) {
    return (input as number[][]).map((tokens) => JSON.stringify(tokens));
  }
  return null;
}

export function countEmbeddingTokens(input: unknown): number {
  if (typeof input === 'string') return tokenize(input).length;
  if (!Array.isArray(input)) return 0;
  if (input.every((item) => typeof item === 'number')) return input.length;
  return input.reduce<number>(
    (sum, item) => sum + (typeof item === 'string' ? tokenize(item).length : Array.isArray(item) ? item.length : 0),
    0,
  );
}
