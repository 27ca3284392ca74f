/** Topics and unmet needs are counted case- and spacing-insensitively ("Gas safety  certificate" = "gas safety certificate"). */
export function normalizeTermKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase().slice(0, 200);
}
