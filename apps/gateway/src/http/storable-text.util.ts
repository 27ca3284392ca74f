import type { ProblemFieldError } from './problem.exception';

// Text the platform cannot store: PostgreSQL refuses U+0000 in text and jsonb (error 22021, a
// 500 from whichever service got it first), and a lone UTF-16 surrogate, which JSON escapes
// (`"\ud800"`) can carry, has no UTF-8 form at all. No Parley field means either, so the
// gateway, the one door for outside input, refuses both in bodies, query strings and paths.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored, or undefined. */
export function unstorableTextReason(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL (U+0000) characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (no lone surrogates)';
  return undefined;
}

/** At most this many fields are listed (the first ones in document order). */
const MAX_ERRORS = 20;

/**
 * Every string and member name of a parsed JSON value that cannot be stored, with its dotted
 * path (`config.persona`, `messages.0.content`; `(body)` for the value itself). The value's
 * depth is already bounded by the body parser, so the walk's recursion is too.
 */
export function findUnstorableText(value: unknown, path: string[] = [], errors: ProblemFieldError[] = []): ProblemFieldError[] {
  if (errors.length >= MAX_ERRORS) return errors;
  const at = (segments: string[]) => (segments.length === 0 ? '(body)' : segments.join('.'));
  if (typeof value === 'string') {
    const reason = unstorableTextReason(value);
    if (reason) errors.push({ path: at(path), message: reason });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => findUnstorableText(item, [...path, String(i)], errors));
  } else if (value !== null && typeof value === 'object') {
    for (const [name, member] of Object.entries(value)) {
      const reason = unstorableTextReason(name);
      if (reason && errors.length < MAX_ERRORS) errors.push({ path: at([...path, name]), message: `member name ${reason}` });
      findUnstorableText(member, [...path, name], errors);
    }
  }
  return errors;
}
