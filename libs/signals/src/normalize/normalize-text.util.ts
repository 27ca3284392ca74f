/**
 * Normalises a message for matching without changing its length, so every offset in the
 * normalised text is the same offset in the original (evidence spans need no mapping):
 * lower case, typographic quotes and dashes folded to ASCII, exotic spaces to a space.
 * A character whose lower case would change the length (e.g. U+0130) is kept as is.
 */
const FOLD: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u00B4': "'",
  '`': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u00A0': ' ',
  '\u2007': ' ',
  '\u202F': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
  '\t': ' ',
  '\r': ' ',
};

const FOLDABLE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

export function normalizeText(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower.replace(FOLDABLE, (ch) => FOLD[ch] as string);
  // Rare: a character whose lower case is longer (U+0130). Fold per character to keep offsets.
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    const folded = FOLD[ch];
    if (folded !== undefined) {
      out += folded;
      continue;
    }
    const low = ch.toLowerCase();
    out += low.length === 1 ? low : ch;
  }
  return out;
}
