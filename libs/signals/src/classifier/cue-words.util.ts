/**
 * A regex over normalised text matching any of the alternatives at the start of a word (no letter
 * before it); an alternative may end in a word (`'fit(?!\\p{L})'`) or match a word's start
 * (`'bleed'` also finds "bleeding"). Used by the classifier's cue vetoes.
 */
export function wordStart(alternatives: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}])(?:${alternatives.join('|')})`, 'u');
}
