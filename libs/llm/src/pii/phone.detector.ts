import type { PiiMatch } from './pii.types';

// A candidate run: a first group (+cc, a parenthesised area code, or digits) followed by more groups,
// each optionally preceded by one separator. It may not start inside another token, a price
// (£1,250.00), a date (12/03/2025), a time (10:30), an order reference (#123456) or a postcode (LS1 4AB).
const CANDIDATE = /(?<![\p{L}\p{N}_#£$€@.,/:+\-])(?:\+\d{1,3}|\(\d{1,5}\)|\d+)(?:[ \u00a0.\-]?(?:\(\d{1,5}\)|\d+))*/gu;
const GROUP = /\+\d{1,3}|\(\d{1,5}\)|\d+/g;
// Words that make a following number a reference rather than a phone number.
const REFERENCE_CONTEXT =
  /(?:\b(?:order|ref|reference|invoice|booking|tracking|account|acct|policy|case|ticket)\s*(?:no\.?|number|id)?\s*[:#]?\s*)$/i;
const MAX_CONTEXT = 40;
// The fewest digits a number phoneKey() accepts has (an international one: +cc and 8 digits in all).
const MIN_PHONE_DIGITS = 8;

/** True when `text` holds at least `min` ASCII digits (the only digits the patterns count). */
function hasDigits(text: string, min: number): boolean {
  let found = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++found >= min) return true;
  }
  return false;
}

/**
 * Validates a candidate and returns its normalised key, or undefined when it is not a phone number.
 * Accepted: international numbers (+cc or 00cc, 8-15 digits, an optional "(0)" trunk prefix) and
 * UK national numbers (a leading 0 and 10 or 11 digits in total). Anything else is not a phone.
 */
function phoneKey(candidate: string): string | undefined {
  const international = candidate.startsWith('+');
  const digits = (international ? candidate.replace(/\(0\)/g, '') : candidate).replace(/\D/g, '');
  if (international || digits.startsWith('00')) {
    const e164 = international ? digits : digits.slice(2);
    if (e164.length < 8 || e164.length > 15 || e164.startsWith('0')) return undefined;
    return e164.startsWith('44') ? `0${e164.slice(2)}` : `+${e164}`;
  }
  if (digits.startsWith('0') && (digits.length === 10 || digits.length === 11)) return digits;
  return undefined;
}

function endsCleanly(text: string, end: number): boolean {
  const next = text.slice(end, end + 2);
  if (/^[\p{L}\p{N}_]/u.test(next)) return false;
  return !/^[.,:/][\p{N}]/u.test(next);
}

/**
 * Finds UK and international phone numbers. Within a run of digit groups the longest prefix that is a
 * valid number wins, so "call 07700 900123 2 times" still finds the number. The key is the number
 * normalised to digits (UK +44 numbers as national 0...), so spellings of one number share a placeholder.
 */
export function findPhones(text: string): PiiMatch[] {
  // A text with fewer digits than any accepted number holds none; skipping the scan saves tens of µs a message.
  if (!hasDigits(text, MIN_PHONE_DIGITS)) return [];
  const out: PiiMatch[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const start = m.index;
    if (REFERENCE_CONTEXT.test(text.slice(Math.max(0, start - MAX_CONTEXT), start))) continue;
    const ends = [...m[0].matchAll(GROUP)].map((g) => start + g.index + g[0].length);
    for (let i = ends.length - 1; i >= 0; i--) {
      const end = ends[i] as number;
      if (!endsCleanly(text, end)) continue;
      const key = phoneKey(text.slice(start, end));
      if (key !== undefined) {
        out.push({ kind: 'PHONE', start, end, key });
        break;
      }
    }
  }
  return out;
}
