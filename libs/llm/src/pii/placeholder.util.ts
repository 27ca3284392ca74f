import { randomInt } from 'node:crypto';
import type { PiiKind } from './pii.types';

const TAG_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const TAG_PATTERN = /^[A-Z0-9]{2,12}$/;
export const DEFAULT_TAG_LENGTH = 4;

/** A random per-turn tag (no 0/O/1/I, which models confuse); 32^4 ≈ 1M possibilities. */
export function randomTag(length = DEFAULT_TAG_LENGTH): string {
  let tag = '';
  for (let i = 0; i < length; i++) tag += TAG_ALPHABET[randomInt(TAG_ALPHABET.length)];
  return tag;
}

export function assertValidTag(tag: string): void {
  if (!TAG_PATTERN.test(tag)) throw new RangeError('Pseudonymizer tag must be 2-12 characters of A-Z and 0-9');
}

/** `[EMAIL_1_K7Q2]`: kind, 1-based index within the kind, per-turn tag. */
export function formatPlaceholder(kind: PiiKind, index: number, tag: string): string {
  return `[${kind}_${index}_${tag}]`;
}

/** Matches exactly-formed placeholders of one turn; case-sensitive, so mangled ones are not matched. */
export function placeholderPattern(tag: string): RegExp {
  return new RegExp(String.raw`\[(?:EMAIL|PHONE|NAME)_[1-9]\d*_${tag}\]`, 'g');
}
