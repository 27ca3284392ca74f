/** How many trailing digits of two phone numbers must agree (a national number, without the country prefix). */
const PHONE_SUFFIX_DIGITS = 7;

/**
 * Whether the contact a visitor gave matches the one the order carries: emails compare
 * case-insensitively, phones by their digits only, the shorter being a suffix of the longer
 * (`+49 171 2345678` matches `0171-2345678`: leading zeros aside) and at least 7 digits long. An order that carries
 * neither an email nor a phone cannot be checked and never matches, so a visitor who only
 * guesses numbers reaches no one's order.
 */
export function contactMatches(given: { email?: string; phone?: string }, order: { email?: unknown; phone?: unknown }): boolean {
  if (given.email !== undefined && typeof order.email === 'string' && order.email.trim() !== '') {
    if (order.email.trim().toLowerCase() === given.email.trim().toLowerCase()) return true;
  }
  if (given.phone !== undefined && (typeof order.phone === 'string' || typeof order.phone === 'number')) {
    const a = digits(String(order.phone));
    const b = digits(given.phone);
    const shorter = a.length <= b.length ? a : b;
    const longer = a.length <= b.length ? b : a;
    if (shorter.length >= PHONE_SUFFIX_DIGITS && longer.endsWith(shorter)) return true;
  }
  return false;
}

/** The digits without leading zeros (a national trunk prefix `0` or an international `00`). */
function digits(value: string): string {
  return value.replace(/\D/g, '').replace(/^0+/, '');
}
