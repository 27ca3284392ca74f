import { emailsMatch, phonesMatch } from '../shopify/order-contact.util';

/**
 * Whether the contact a visitor gave matches the one an order row or item carries, by the same
 * rule as the Shopify and WooCommerce connectors (shopify/order-contact.util.ts): emails compare
 * case-insensitively, phones by their last digits (non-digits and leading zeros dropped, as many
 * as the shorter has, at most 10 and at least 8: `+43 660 1234567` matches `0660 1234567`, a
 * 7-digit guess matches nothing). An order that carries neither an email nor a phone cannot be
 * checked and never matches, so a visitor who only guesses numbers reaches no one's order.
 */
export function contactMatches(given: { email?: string; phone?: string }, order: { email?: unknown; phone?: unknown }): boolean {
  if (given.email !== undefined && typeof order.email === 'string' && emailsMatch(given.email, order.email)) return true;
  if (given.phone !== undefined && (typeof order.phone === 'string' || typeof order.phone === 'number'))
    return phonesMatch(given.phone, String(order.phone));
  return false;
}
