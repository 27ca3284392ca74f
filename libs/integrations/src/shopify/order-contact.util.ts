// Order lookups by a visitor (issue 17): the order number alone never reaches an order. The
// email or phone the visitor gives must match the order's own, or the connector answers exactly
// as for a number that does not exist, so guessing numbers reveals nothing.

/** The order number as the visitor typed it, without a leading '#', lower case. */
export function normaliseOrderNumber(value: string): string {
  return value.trim().replace(/^#/, '').toLowerCase();
}

/** Whether two order numbers (with or without '#', any case) are the same. */
export function sameOrderNumber(a: string, b: string): boolean {
  return normaliseOrderNumber(a) === normaliseOrderNumber(b);
}

function phoneDigits(value: string): string {
  // Digits only, without a trunk or international prefix's leading zeros (0044..., 07700...).
  return value.replace(/\D/g, '').replace(/^0+/, '');
}

/** Minimum digits compared: fewer would let short guesses match; more would miss +44 vs 0 prefixes. */
const MIN_PHONE_DIGITS = 8;
const MAX_PHONE_DIGITS = 10;

/**
 * Two phone numbers match when their last digits agree: as many as the shorter one has, capped
 * at 10 (the national number without its country code) and at least 8.
 */
export function phonesMatch(given: string, stored: string): boolean {
  const a = phoneDigits(given);
  const b = phoneDigits(stored);
  const n = Math.min(a.length, b.length, MAX_PHONE_DIGITS);
  return n >= MIN_PHONE_DIGITS && a.slice(-n) === b.slice(-n);
}

export function emailsMatch(given: string, stored: string): boolean {
  const a = given.trim().toLowerCase();
  return a.length > 0 && a === stored.trim().toLowerCase();
}

export interface OrderContact {
  emails: readonly (string | null | undefined)[];
  phones: readonly (string | null | undefined)[];
}

/** Whether the visitor's email or phone matches one the order was placed with. */
export function contactMatches(given: { email?: string; phone?: string }, order: OrderContact): boolean {
  const { email, phone } = given;
  const emailOk = email !== undefined && order.emails.some((e) => typeof e === 'string' && emailsMatch(email, e));
  const phoneOk = phone !== undefined && order.phones.some((p) => typeof p === 'string' && phonesMatch(phone, p));
  return emailOk || phoneOk;
}
