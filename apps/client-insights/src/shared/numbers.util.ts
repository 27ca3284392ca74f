// The one rounding of every insights number (L3 rollups, L4 portfolio, L5 alert values and texts).

/** `value` rounded half up to `decimals` places. */
export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** part / whole to 4 decimals, or null when there is no whole (no sessions, no ratings...). */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : round(part / whole, 4);
}

/** A rate (0..1) as a whole percentage for a title or reason: 0.154 -> "15%". */
export function pct(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/** A SQL aggregate (bigint, numeric string or NULL) as a number; NULL (no rows) is 0. */
export function sqlNumber(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
