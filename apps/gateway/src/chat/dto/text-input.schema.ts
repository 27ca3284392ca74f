import { z } from 'zod';

// The gateway's body parsers refuse invalid UTF-8 bytes (400 INVALID_UTF8), but JSON escapes
// (`"\ud800"`) can still carry lone surrogates: not text a person typed, not encodable as
// UTF-8 for storage or a model, so text fields refuse them.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isCleanText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

export const INVALID_TEXT_MESSAGE = 'must be valid Unicode text (no lone surrogates)';

/** A required piece of user text: trimmed, non-empty, valid UTF-8. Length limits are the route's (413). */
export const userTextSchema = z.string().trim().min(1, 'must not be empty').refine(isCleanText, INVALID_TEXT_MESSAGE);
