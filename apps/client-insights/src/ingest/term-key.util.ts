import { redactPii } from '@parley/signals';

/** Topics and unmet needs are counted case- and spacing-insensitively ("Gas safety  certificate" = "gas safety certificate"). */
export function normalizeTermKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase().slice(0, 200);
}

/** At most this many clean terms are remembered (the whole memo is dropped when full). */
export const MAX_CLEAN_TERMS = 2_000;

/**
 * The counted key of a topic or unmet need: PII redacted (emails, phones, postcodes, cards, names
 * the extractor finds), then normalized. The same few terms come back with nearly every event
 * (a tenant's catalogue), and redaction is the costly part, so a term redaction left unchanged is
 * remembered with its key (bounded); a term with anything redacted is not kept, so the memo never
 * holds personal data redaction found.
 */
export class TermKeys {
  private readonly clean = new Map<string, string>();

  key(term: string): string {
    const known = this.clean.get(term);
    if (known !== undefined) return known;
    const redacted = redactPii(term);
    const key = normalizeTermKey(redacted);
    if (redacted === term) {
      if (this.clean.size >= MAX_CLEAN_TERMS) this.clean.clear();
      this.clean.set(term, key);
    }
    return key;
  }

  get size(): number {
    return this.clean.size;
  }
}
