import { normalizeText } from '../../normalize/normalize-text.util';
import { findEmailCandidates } from '../contacts/email.extractor';
import { findNameCandidates } from '../contacts/name.extractor';
import { findPhoneCandidates } from '../contacts/phone.extractor';

// What may be stored in an aggregate (insight terms, unmet needs, topics): the text with every
// email, phone number, postcode, card number and person's name replaced by a fixed placeholder
// that keeps no trace of the value (issue 15 point 5). Pure; no mapping is kept.

export interface RedactOptions {
  /** Names known to belong to people in the conversation (the contact's, old ones included). */
  names?: readonly string[];
  /** The tenant's country: the region local phone numbers are read in. */
  country?: string;
}

interface Span {
  start: number;
  end: number;
  label: string;
}

const MAX_REDACT_CHARS = 4_000;
// Card numbers: 13-19 digits, optionally grouped by spaces or dashes.
const CARD = /(?<![\p{N}])(?:\p{N}[ -]?){12,18}\p{N}(?![\p{N}])/gu;
// Any other run of 7+ digits with separators (an unparsed phone, an account number).
const LONG_DIGITS = /(?<![\p{N}])\+?(?:\p{N}[ ().-]{0,2}){6,}\p{N}(?![\p{N}])/gu;
// UK postcodes in any case ("SW1A 1AA", "m1 1ae"); Dutch ("1012 AB") and Canadian ("K1A 0B1") in
// capitals only ("1400 at 5" is not a postcode).
const POSTCODE = /(?<![\p{L}\p{N}])[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}(?![\p{L}\p{N}])/giu;
const POSTCODE_UPPER = /(?<![\p{L}\p{N}])(?:\d{4}\s?[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)(?![\p{L}\p{N}])/gu;
// A 4-5 digit code after a postcode word (DE, FR, ES, IT, US ZIP, PT "1000-001").
const POSTCODE_AFTER_WORD =
  /(?<![\p{L}])(?:post\s?code|postal\s+code|zip(?:\s+code)?|plz|postleitzahl|code\s+postal|c[oó]digo\s+postal|cp|cap|postcode)\s*:?\s*(\d{4,5}(?:-\d{3,4})?)(?!\p{N})/giu;

function nameSpans(text: string, names: readonly string[]): Span[] {
  const out: Span[] = [];
  const words = new Set<string>();
  for (const name of names) for (const part of name.split(/\s+/)) if (part.length >= 2) words.add(part);
  for (const word of words) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'giu')))
      out.push({ start: m.index, end: m.index + m[0].length, label: '[name]' });
  }
  return out;
}

/** Replaces emails, phone numbers, postcodes, card numbers and names with `[email]`, `[phone]`, `[postcode]`, `[card]`, `[name]`. */
export function redactPii(input: string, options: RedactOptions = {}): string {
  const text = input.slice(0, MAX_REDACT_CHARS);
  const normalized = normalizeText(text);
  const emails = findEmailCandidates(text);
  const phones = findPhoneCandidates(text, normalized, 20, options.country);
  const spans: Span[] = [
    ...emails.map((e) => ({ start: e.start, end: e.end, label: '[email]' })),
    ...phones.map((p) => ({ start: p.start, end: p.end, label: '[phone]' })),
    ...[...text.matchAll(CARD)].map((m) => ({ start: m.index, end: m.index + m[0].length, label: '[card]' })),
    ...[...text.matchAll(LONG_DIGITS)].map((m) => ({ start: m.index, end: m.index + m[0].length, label: '[number]' })),
    ...[...text.matchAll(POSTCODE), ...text.matchAll(POSTCODE_UPPER)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      label: '[postcode]',
    })),
    ...[...text.matchAll(POSTCODE_AFTER_WORD)].map((m) => {
      const code = m[1] as string;
      const start = m.index + m[0].length - code.length;
      return { start, end: start + code.length, label: '[postcode]' };
    }),
    // Names given with a cue ("I'm …", "my name is …", a sign-off); a bare capitalised phrase
    // ("Gas safety certificate") is a topic far more often than a name here.
    ...findNameCandidates(text, normalized, [...emails, ...phones])
      .filter((n) => n.cue !== 'bare_name')
      .map((n) => ({ start: n.start, end: n.end, label: '[name]' })),
    ...nameSpans(text, options.names ?? []),
  ];
  // Earliest first, then longest: overlapping spans collapse into the first.
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    out += text.slice(at, s.start) + s.label;
    at = s.end;
  }
  return out + text.slice(at);
}

const PLACEHOLDER = /\[(?:email|phone|card|number|postcode|name)\]/g;
// A question: a question mark, or an opening interrogative in one of the seven languages.
const INTERROGATIVE =
  /^(?:what|which|when|where|who|whom|why|how|do|does|did|is|are|was|were|can|could|will|would|should|may|have|has|any|wie|was|wann|wo|warum|welche[rsn]?|gibt|haben|habt|kann|können|ist|sind|que|quel(?:le)?s?|quand|où|pourquoi|comment|combien|est-ce|avez|pouvez|qué|cuál|cuándo|dónde|por\s+qué|cómo|cuánto|tienen|hay|puedo|pueden|che|cosa|quale|quando|dove|perché|come|quanto|avete|posso|potete|c'è|o\s+que|qual|onde|porque|como|quanto|têm|tem|posso|podem|wat|welke|wanneer|waar|waarom|hoe|hoeveel|hebben|heeft|kan|kunnen|is|zijn)(?![\p{L}])/iu;
// Requests to be contacted and contact details: things to act on, not knowledge gaps. A question
// about bookings ("do you take bookings for Saturday mornings?") is a knowledge gap; a booking
// request without a question ("I'd like to book a table for Friday") fails the question test.
const REQUEST =
  /(?<![\p{L}])(?:(?:call|ring|phone|text|email|contact|reach)\s+(?:me|us)|(?:call|ring)\s*back|get\s+back\s+to\s+me|my\s+(?:number|phone|mobile|email|e-mail|name)|rappel(?:er|ez)|rückruf|zurückrufen|llám(?:e|a)me|llamarme|richiamar\p{L}*|ligar-me|terugbellen)/iu;

/**
 * Whether a message the bot could not answer is a real question (an unmet need worth adding to the
 * knowledge base): it asks something (a question mark or an opening interrogative), it is not a
 * request to be called back, and something is left once contact details are removed ("you can
 * reach me on [email] or [phone]" is not one).
 */
export function isUnmetQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0) return false;
  const asks = trimmed.includes('?') || INTERROGATIVE.test(normalizeText(trimmed).replace(/^[^\p{L}]+/u, ''));
  if (!asks || REQUEST.test(normalizeText(trimmed))) return false;
  const rest = redactPii(trimmed)
    .replace(PLACEHOLDER, ' ')
    .replace(/[^\p{L}\s]/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 1);
  return rest.length >= 2;
}
