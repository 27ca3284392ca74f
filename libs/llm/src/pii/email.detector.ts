import type { PiiMatch } from './pii.types';

// Local part, @, dot-separated labels, alphabetic TLD. Not preceded/followed by characters that
// would make it part of a longer token.
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\p{L}\p{N}_-])/gu;

/** Finds email addresses; the key is the lower-cased address (mail systems treat them case-insensitively in practice). */
export function findEmails(text: string): PiiMatch[] {
  // Most messages have no '@': the pattern (a look-behind tried at every position) costs tens of µs per message.
  if (!text.includes('@')) return [];
  const out: PiiMatch[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const start = m.index;
    out.push({ kind: 'EMAIL', start, end: start + m[0].length, key: m[0].toLowerCase() });
  }
  return out;
}
