import type { PiiMatch } from './pii.types';

const APOSTROPHES = /['\u2019\u02bc]/g;
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`;

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Canonical form of a name: NFC, lower case, straight apostrophes, single spaces. */
export function canonicalName(name: string): string {
  return name.normalize('NFC').replace(APOSTROPHES, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A pattern for one spelling: any apostrophe for an apostrophe, any whitespace run for a space. */
function spellingPattern(name: string): string {
  return name
    .split(/(['\u2019\u02bc]|\s+)/)
    .map((part) => (/^['\u2019\u02bc]$/.test(part) ? `['\u2019\u02bc]` : /^\s+$/.test(part) ? String.raw`\s+` : escapeForPattern(part)))
    .join('');
}

/**
 * Builds a matcher for the names the extractor found. Matching is whole-word (Unicode letters, marks
 * and digits count as word characters), case-insensitive, accepts composed and decomposed accents
 * (Zoë either way) and any apostrophe style (O'Brien, O’Brien). Longer names win over their parts.
 * Names shorter than two characters are ignored: they would match ordinary words.
 */
export function createNameFinder(names: readonly string[]): (text: string) => PiiMatch[] {
  const canonical = [...new Set(names.map(canonicalName).filter((n) => [...n].length >= 2))];
  if (canonical.length === 0) return () => [];
  const spellings = new Set<string>();
  for (const name of canonical) for (const form of [name.normalize('NFC'), name.normalize('NFD')]) spellings.add(form);
  const alternation = [...spellings]
    .sort((a, b) => b.length - a.length)
    .map(spellingPattern)
    .join('|');
  const pattern = new RegExp(`(?<!${WORD_CHAR})(?:${alternation})(?!${WORD_CHAR})`, 'giu');
  return (text) =>
    [...text.matchAll(pattern)].map((m) => ({
      kind: 'NAME' as const,
      start: m.index,
      end: m.index + m[0].length,
      key: canonicalName(m[0]),
    }));
}
