/**
 * Sentence and clause boundaries around a match, computed on the normalised text without
 * allocating. A sentence ends at . ! ? or a line break; a clause also at , ; : ( ) and before
 * but/however/although/though/whereas.
 */
const SENTENCE_END = new Set(['.', '!', '?', '\n']);
const CLAUSE_END = new Set(['.', '!', '?', '\n', ',', ';', ':', '(', ')']);
const CLAUSE_WORDS = ['but', 'however', 'although', 'though', 'whereas'];

export function sentenceStart(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i -= 1) {
    if (SENTENCE_END.has(text[i] as string) && !isInnerDot(text, i)) return i + 1;
  }
  return 0;
}

export function sentenceEnd(text: string, index: number): number {
  for (let i = index; i < text.length; i += 1) {
    if (SENTENCE_END.has(text[i] as string) && !isInnerDot(text, i)) return i;
  }
  return text.length;
}

export function clauseStart(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i -= 1) {
    const ch = text[i] as string;
    if (CLAUSE_END.has(ch) && !isInnerDot(text, i)) return i + 1;
    if (ch === ' ' || ch === '-') {
      for (const word of CLAUSE_WORDS) {
        const from = i - word.length;
        if (from >= 0 && text.startsWith(word, from) && (from === 0 || !isWordChar(text.charCodeAt(from - 1)))) return i + 1;
      }
    }
  }
  return 0;
}

/** Start of the `words`-th word before `index` (never before `floor`). */
export function wordsBack(text: string, index: number, words: number, floor: number): number {
  let seen = 0;
  let inWord = false;
  for (let i = index - 1; i >= floor; i -= 1) {
    const space = text[i] === ' ' || text[i] === '\n';
    if (!space && !inWord) {
      inWord = true;
      seen += 1;
    } else if (space && inWord) {
      inWord = false;
      if (seen === words) return i + 1;
    }
  }
  return floor;
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** "a.s.a.p", "3.5", "e.g." are not sentence ends: a dot between two non-spaces. */
function isInnerDot(text: string, i: number): boolean {
  if (text[i] !== '.') return false;
  const before = text[i - 1];
  const after = text[i + 1];
  return before !== undefined && after !== undefined && before !== ' ' && after !== ' ' && after !== '\n';
}
