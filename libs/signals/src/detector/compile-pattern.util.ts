/** Escapes a literal phrase for a RegExp; spaces match any whitespace, apostrophes are optional. */
export function termToSource(term: string): string {
  return term
    .trim()
    .toLowerCase()
    .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    .replace(/['\u2019]/g, "'?")
    .replace(/\s+/g, '\\s+');
}

/** The alternatives of a rule or cue: pattern sources, then its terms as sources (empty ones left out). */
export function alternationSources(patterns: readonly string[] = [], terms: readonly string[] = []): string[] {
  return [...patterns, ...terms.map(termToSource)].filter((s) => s.length > 0);
}

/** One RegExp of alternatives with word-edge guards on both sides (a letter or digit may not touch the match). */
export function compileSources(sources: readonly string[], flags = 'g'): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${sources.join('|')})(?![a-z0-9])`, flags);
}

/**
 * Joins pattern sources and literal terms into one RegExp with word-edge guards on both
 * sides (a letter or digit may not touch the match), so "gas" never matches "Vegas".
 */
export function compileAlternation(patterns: readonly string[] = [], terms: readonly string[] = [], flags = 'g'): RegExp | null {
  const sources = alternationSources(patterns, terms);
  return sources.length === 0 ? null : compileSources(sources, flags);
}
