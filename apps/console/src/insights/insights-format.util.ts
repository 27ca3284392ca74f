/** Number formats of the insights and portfolio views (fixed, so tests and screen readers agree). */

/** 0.253 -> "25%"; null -> "no data". */
export function percent(rate: number | null | undefined, digits = 0): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return 'no data';
  return `${(rate * 100).toFixed(digits)}%`;
}

/** A change in percent: 12.5 -> "+13%", -4 -> "-4%", 0 -> "no change", null -> "no earlier data". */
export function signedPercent(change: number | null | undefined): string {
  if (change === null || change === undefined || Number.isNaN(change)) return 'no earlier data';
  const rounded = Math.round(change);
  if (rounded === 0) return 'no change';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)}%`;
}

/** US dollars with cents, or more digits for the tiny amounts model usage costs: 0.0042 -> "$0.0042". */
export function usd(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return 'no data';
  if (amount === 0) return '$0.00';
  if (Math.abs(amount) < 0.01) return `$${amount.toPrecision(2)}`;
  return `$${amount.toFixed(2)}`;
}

/** 12345 -> "12,345" (en-GB grouping, independent of the viewer's locale). */
export function count(value: number): string {
  return value.toLocaleString('en-GB');
}

/** A sentiment average in [-1, 1]: 0.25 -> "+0.25"; null -> "no data". */
export function sentiment(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'no data';
  const fixed = value.toFixed(2);
  return value > 0 ? `+${fixed}` : fixed === '-0.00' ? '0.00' : fixed;
}

/** A local hour of day: 9 -> "09:00–10:00". */
export function hourRange(hour: number): string {
  const pad = (h: number) => String(h % 24).padStart(2, '0');
  return `${pad(hour)}:00–${pad(hour + 1)}:00`;
}
