import { NOT_A_NAME, NOT_A_SURNAME, TITLES } from './name.rules';

/** One word that could be part of a name: letters and marks, inner apostrophes and hyphens. */
export const NAME_TOKEN = /[\p{L}][\p{L}\p{M}]*(?:['\u2019][\p{L}\p{M}]+)*(?:-[\p{L}][\p{L}\p{M}]*(?:['\u2019][\p{L}\p{M}]+)*)*/uy;

export interface NameToken {
  start: number;
  end: number;
  raw: string;
  capitalised: boolean;
  /** "Dave's": the token is a possessive; `end` excludes the 's. */
  possessive: boolean;
}

/** Reads the name-like token starting exactly at `index`, or undefined. */
export function tokenAt(text: string, index: number): NameToken | undefined {
  NAME_TOKEN.lastIndex = index;
  const m = NAME_TOKEN.exec(text);
  if (m === null) return undefined;
  let raw = m[0];
  let possessive = false;
  const poss = /^(.{2,})['\u2019]s$/u.exec(raw);
  if (poss !== null) {
    raw = poss[1] as string;
    possessive = true;
  }
  return { start: index, end: index + raw.length, raw, capitalised: /^\p{Lu}/u.test(raw), possessive };
}

/**
 * A word that can be (part of) a name: not a common word, not an -ing word, not a lower-case -ed
 * word. `continuation`: a capitalised word after a capitalised first name ("Gareth Price",
 * "Joanne Price-Davies") is only refused when it is a function word, a greeting, a day or a month.
 */
export function isNameWord(token: NameToken, continuation = false): boolean {
  const lower = token.raw.toLowerCase().replace(/\u2019/g, "'");
  if ([...lower].length < 2) return false;
  if (continuation && token.capitalised ? NOT_A_SURNAME.has(lower) : NOT_A_NAME.has(lower)) return false;
  // A capitalised surname after a capitalised first name may end in -ing (Kettering, Manning, Fleming).
  // Round 19 review: given names that end in -ing ("Aisling Ní Bhriain") when capitalised.
  if (/ing$/.test(lower) && lower.length > 4 && !(continuation && token.capitalised) && !(token.capitalised && ING_NAMES.has(lower)))
    return false;
  // Lower-case -ly words are adverbs ("i'm mostly free"); capitalised ones may be names (Kelly, Emily).
  // Surnames may end in -ly too (o'reilly, connolly): only a first word is refused.
  if (!continuation && !token.capitalised && /ly$/.test(lower) && lower.length > 4 && !lower.includes("'")) return false;
  // Spelled out letter by letter ("J-A-N"): the name is the word before it.
  if (/^(?:\p{L}-)+\p{L}$/u.test(lower)) return false;
  if (!token.capitalised && /ed$/.test(lower) && lower.length > 4) return false;
  // ALL-CAPS words of 2-3 letters are acronyms (MOT, NHS), not names.
  if (token.raw.length <= 3 && token.raw === token.raw.toUpperCase() && token.raw.length > 1) return false;
  return true;
}

/** Given names ending in -ing, which the -ing rule would refuse as a first word. */
const ING_NAMES: ReadonlySet<string> = new Set(['aisling', 'irving', 'sterling', 'channing', 'ewing']);

/**
 * Given names that are also common words ("Will", "Mark", "Rose"): a name only when written with a
 * capital and followed by a capitalised surname ("Cheers, Will Ashworth", "Put it under Will Carpenter").
 */
export const NAME_HOMOGRAPHS: ReadonlySet<string> = new Set(
  'will bill mark may rose grace hope faith joy summer dawn june april sunny chase pat art rich mari'.split(' '),
);

export function isTitle(token: NameToken): boolean {
  return TITLES.has(token.raw.toLowerCase());
}

function capitalisePart(part: string): string {
  if (part.length === 0) return part;
  const lower = part.toLowerCase();
  if (/^ma?c\p{L}{3,}$/u.test(lower) && lower.startsWith('mc')) return `Mc${lower.charAt(2).toUpperCase()}${lower.slice(3)}`;
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Title case for a name written in all lower or all upper case; mixed case is kept as written. */
export function titleCaseName(raw: string): string {
  const folded = raw.normalize('NFC').replace(/\u2019/g, "'");
  const isMixed = folded !== folded.toLowerCase() && folded !== folded.toUpperCase();
  const parts = folded.split(/(\s+|-|')/);
  const isSeparator = (part: string) => /^(\s+|-|')$/.test(part);
  const words = parts.map((part, i) => (isSeparator(part) || part === '' ? -1 : i)).filter((i) => i >= 0);
  const [firstWord, lastWord] = [words[0], words[words.length - 1]];
  return parts
    .map((part, i) => {
      if (isSeparator(part)) return part;
      // "jan van der berg" -> "Jan van der Berg": a particle inside the name stays lower case.
      const particle = i !== firstWord && i !== lastWord && PARTICLE_WORDS.has(part.toLowerCase());
      if (isMixed) {
        // Mixed case is kept as written, each word starting with a capital, except a particle or a
        // letter after an apostrophe that was written in lower case ("Daan van 't Hof").
        if (parts[i - 1] === "'" || (particle && part === part.toLowerCase())) return part;
        return part.charAt(0).toUpperCase() + part.slice(1);
      }
      return particle ? part.toLowerCase() : capitalisePart(part);
    })
    .join('');
}

/** Surname particles kept in lower case inside a name (see SURNAME_PARTICLES in name.extractor.ts). */
const PARTICLE_WORDS = new Set(
  'van von vom zu zum zur ten ter de der den dem het del della degli dei di da das dos do du le la las los d l t i el al ben bin ibn abu'.split(
    ' ',
  ),
);
