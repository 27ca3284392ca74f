/**
 * Sentence and clause boundaries around a match, computed on the normalised text. A sentence
 * ends at . ! ? or a line break; a clause also at , ; : ( and at but/however/although/though.
 */
const SENTENCE_END = new Set(['.', '!', '?', '\n']);
const CLAUSE_END = new Set(['.', '!', '?', '\n', ',', ';', ':', '(', ')']);
const CLAUSE_WORDS = /\b(?:but|however|although|though|whereas|and then| - )\s/g;

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
  let start = 0;
  for (let i = index - 1; i >= 0; i -= 1) {
    if (CLAUSE_END.has(text[i] as string) && !isInnerDot(text, i)) {
      start = i + 1;
      break;
    }
  }
  const slice = text.slice(start, index);
  let last = -1;
  CLAUSE_WORDS.lastIndex = 0;
  for (let m = CLAUSE_WORDS.exec(slice); m; m = CLAUSE_WORDS.exec(slice)) last = m.index + m[0].length;
  return last >= 0 ? start + last : start;
}

/** The last `words` words before `index`, within its clause. */
export function clauseTail(text: string, index: number, words: number): string {
  const tail = text.slice(clauseStart(text, index), index);
  const parts = tail.trimEnd().split(/\s+/);
  return parts.slice(Math.max(0, parts.length - words)).join(' ');
}

/** "a.s.a.p", "3.5", "e.g." are not sentence ends: a dot between two non-spaces. */
function isInnerDot(text: string, i: number): boolean {
  if (text[i] !== '.') return false;
  const before = text[i - 1];
  const after = text[i + 1];
  return before !== undefined && after !== undefined && before !== ' ' && after !== ' ' && after !== '\n';
}
