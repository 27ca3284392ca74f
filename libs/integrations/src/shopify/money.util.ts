// Shop amounts arrive as decimal strings ("799.0" from Shopify, "799.00" or "" from
// WooCommerce). The normalised results carry them as decimal strings with the currency's own
// number of minor digits (799.00 USD, 1200 JPY), never as floats, so 0.1 + 0.2 never shows.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** The minor digits of an ISO 4217 currency (2 when the code is unknown or missing). */
export function currencyDigits(currency: string | null | undefined): number {
  if (!currency || !/^[A-Za-z]{3}$/.test(currency)) return 2;
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/**
 * `amount` as a decimal string with the currency's minor digits, rounded half away from zero on
 * the string itself; null for a missing, empty or non-numeric amount.
 */
export function formatMoney(amount: string | number | null | undefined, currency: string | null | undefined): string | null {
  if (amount === null || amount === undefined) return null;
  const text = typeof amount === 'number' ? (Number.isFinite(amount) ? String(amount) : '') : amount.trim();
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const digits = currencyDigits(currency);
  const padded = fraction.padEnd(digits + 1, '0');
  let units = BigInt(whole + padded.slice(0, digits));
  if (Number(padded[digits]) >= 5) units += 1n;
  const scale = 10n ** BigInt(digits);
  const integer = (units / scale).toString();
  const minor = (units % scale).toString().padStart(digits, '0');
  const body = digits > 0 ? `${integer}.${minor}` : integer;
  return sign === '-' && units !== 0n ? `-${body}` : body;
}

/** The upper-case currency code, or null when it is not a three-letter code. */
export function currencyCode(value: unknown): string | null {
  return typeof value === 'string' && /^[A-Za-z]{3}$/.test(value) ? value.toUpperCase() : null;
}
