/** Escapes a literal phrase for a RegExp; spaces match any whitespace, apostrophes are optional. */
export function termToSource(term: string): string {
  return term
    .trim()
    .toLowerCase()
    .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    .replace(/['\u2019]/g, "'?")
    .replace(/\s+/g, '\\s+');
}

/**
 * Joins pattern sources and literal terms into one RegExp with word-edge guards on both
 * sides (a letter or digit may not touch the match), so "gas" never matches "Vegas".
 */
export function compileAlternation(patterns: readonly string[] = [], terms: readonly string[] = [], flags = 'g'): RegExp | null {
  const sources = [...patterns, ...terms.map(termToSource)].filter((s) => s.length > 0);
  if (sources.length === 0) return null;
  return new RegExp(`(?<![a-z0-9])(?:${sources.join('|')})(?![a-z0-9])`, flags);
}
