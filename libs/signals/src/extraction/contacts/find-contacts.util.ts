import { evidenceOf } from '../evidence.util';
import type { ContactField, ContactMention, CustomerContact, Extraction } from '../extraction.types';
import { findEmailCandidates } from './email.extractor';
import { findNameCandidates } from './name.extractor';
import { hasCorrectionCue, isCorrection, isSuperseded, ownershipAt, type Ownership } from './ownership.util';
import { findPhoneCandidates } from './phone.extractor';
import { quotedRanges, withoutQuoted } from './quoted-text.util';

interface Found {
  field: ContactField;
  start: number;
  end: number;
  value: string;
  confidence: number;
  ownership: Ownership;
  /** For a name: the cue that found it. */
  cue?: string;
}

/** At most this many names, emails and phone numbers are read from one message (a pasted list is not a contact). */
export const MAX_MENTIONS_PER_FIELD = 10;

function collect(text: string, normalized: string, region: string): Found[] {
  const emails = findEmailCandidates(text).slice(0, MAX_MENTIONS_PER_FIELD);
  const phones = findPhoneCandidates(text, normalized, 2 * MAX_MENTIONS_PER_FIELD, region)
    .filter((p) => !emails.some((e) => p.start < e.end && e.start < p.end))
    .slice(0, MAX_MENTIONS_PER_FIELD);
  const names = findNameCandidates(text, normalized, [...emails, ...phones]).slice(0, MAX_MENTIONS_PER_FIELD);
  return [
    ...emails.map((e) => ({
      field: 'email' as const,
      start: e.start,
      end: e.end,
      value: e.value,
      confidence: 0.95,
      ownership: ownershipAt(normalized, e.start),
    })),
    ...phones.map((p) => ({
      field: 'phone' as const,
      start: p.start,
      end: p.end,
      value: p.value,
      confidence: p.valid ? 0.9 : 0.8,
      ownership: ownershipAt(normalized, p.start),
    })),
    ...names.map((n) => {
      // "my wife's name is Sarah": a name given after "name is" belongs to whoever the clause names.
      const ownership: Ownership =
        n.owner === 'third_party'
          ? { owner: 'third_party', ...(n.relation !== undefined ? { relation: n.relation } : {}) }
          : n.cue === 'name_is'
            ? ownershipAt(normalized, n.start)
            : { owner: 'customer' };
      return { field: 'name' as const, start: n.start, end: n.end, value: n.value, confidence: n.confidence, ownership, cue: n.cue };
    }),
  ].sort((a, b) => a.start - b.start);
}

/** Every contact mention of the message, in text order, with owner and correction flag. */
export function findContacts(
  original: string,
  normalizedOriginal: string,
  previous: Extraction | undefined,
  region = 'GB',
): ContactMention[] {
  // Round 16: a pasted or forwarded e-mail thread is someone else's text; its contact details are not read.
  const quoted = quotedRanges(original);
  const text = withoutQuoted(original, quoted);
  const normalized = withoutQuoted(normalizedOriginal, quoted);
  const mentions: ContactMention[] = [];
  const messageHasCue = hasCorrectionCue(normalized);
  for (const f of collect(text, normalized, region)) {
    const earlier = [...mentions].reverse().find((m) => m.field === f.field);
    const correctsEarlier = earlier !== undefined && isCorrection(normalized, f.start, f.end, true, messageHasCue);
    // "Their number is 01622 ... sorry, it's 01632 ...": a correction with no owner cue of its own
    // corrects the value before it, so it is that value's owner's.
    const ownership: Ownership =
      correctsEarlier && earlier.owner === 'third_party' && f.ownership.owner === 'customer' && f.ownership.explicit !== true
        ? { owner: 'third_party', ...(earlier.relation !== undefined ? { relation: earlier.relation } : {}) }
        : f.ownership;
    const customer = ownership.owner === 'customer';
    const hadEarlier =
      customer && (previous?.customer?.[f.field] !== undefined || mentions.some((m) => m.field === f.field && m.owner === 'customer'));
    const superseded = f.field !== 'name' && isSuperseded(normalized, f.start);
    // A name with no cue of its own corrects only a name given before ("sorry no 07723 418 950, fat fingers"
    // corrects the number); "Sorry, it's Smyth" is a correction by its own cue.
    const nameMayCorrect = f.field !== 'name' || hadEarlier || f.cue !== 'bare_name';
    const correction = customer && !superseded && nameMayCorrect && isCorrection(normalized, f.start, f.end, hadEarlier, messageHasCue);
    mentions.push({
      field: f.field,
      value: f.value,
      // An out-of-date value ("old one was ...") is kept as evidence but never preferred.
      confidence: superseded ? 0.2 : f.confidence,
      evidence: evidenceOf(text, f.start, f.end),
      owner: ownership.owner,
      ...(ownership.relation !== undefined ? { relation: ownership.relation } : {}),
      correction,
    });
  }
  return mentions;
}

/**
 * Orders two mentions of one field: a correction beats a non-correction, then the later correction
 * wins; without corrections the more confident wins, then the later one.
 */
export function preferMention<T extends { mention: ContactMention; order: number }>(a: T, b: T): T {
  if (a.mention.correction !== b.mention.correction) return a.mention.correction ? a : b;
  if (a.mention.correction) return a.order >= b.order ? a : b;
  if (a.mention.confidence !== b.mention.confidence) return a.mention.confidence > b.mention.confidence ? a : b;
  return a.order >= b.order ? a : b;
}

/** The customer's own name, email and phone of one message. */
export function customerContact(mentions: readonly ContactMention[]): CustomerContact {
  const out: CustomerContact = {};
  for (const field of ['name', 'email', 'phone'] as const) {
    const own = mentions
      .filter((m) => m.field === field && m.owner === 'customer')
      .map((mention) => ({ mention, order: mention.evidence.start }));
    if (own.length > 0) out[field] = own.reduce((a, b) => preferMention(a, b)).mention;
  }
  return out;
}
