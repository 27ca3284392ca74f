/**
 * Sentence and clause boundaries of a normalised message, found in one forward pass and looked
 * up by binary search, so judging a match costs O(log n) however long the sentence is.
 * A sentence ends at . ! ? or a line break (not a dot inside "a.s.a.p" or "3.5"); a clause also
 * at , ; : ( ) and after but/however/although/though/whereas.
 */
const DOT = 46;
const SPACE = 32;
const NEWLINE = 10;
const HYPHEN = 45;
/** Per char code below 128: 1 ends a sentence (. ! ? line break), 2 a clause (, ; : ( )). */
const MARK = new Uint8Array(128);
for (const ch of '.!?\n') MARK[ch.charCodeAt(0)] = 1;
for (const ch of ',;:()') MARK[ch.charCodeAt(0)] = 2;
const CLAUSE_WORDS = ['but', 'however', 'although', 'though', 'whereas'];
/** The last letters of the clause words: only a space or hyphen after one of them can end a clause word. */
const CLAUSE_WORD_END = new Uint8Array(128);
for (const word of CLAUSE_WORDS) CLAUSE_WORD_END[word.charCodeAt(word.length - 1)] = 1;

export class TextBoundaries {
  /** Indexes of sentence-ending characters, ascending. */
  private readonly sentenceEnds: number[] = [];
  /** Indexes where a clause starts (after a sentence end, a clause mark or a clause word), ascending. */
  private readonly clauseStarts: number[] = [0];

  constructor(private readonly text: string) {
    // One pass over char codes (no one-character strings); a clause word is looked for only after
    // one of their last letters.
    const n = text.length;
    for (let i = 0; i < n; i += 1) {
      const c = text.charCodeAt(i);
      const mark = c < 128 ? (MARK[c] as number) : 0;
      if (mark === 1 && !isInnerDot(text, i, c)) {
        this.sentenceEnds.push(i);
        this.clauseStarts.push(i + 1);
      } else if (mark === 2) {
        this.clauseStarts.push(i + 1);
      } else if ((c === SPACE || c === HYPHEN) && i > 0) {
        const before = text.charCodeAt(i - 1);
        if (before < 128 && CLAUSE_WORD_END[before] === 1 && endsWithClauseWord(text, i)) this.clauseStarts.push(i + 1);
      }
    }
  }

  sentenceStart(index: number): number {
    const k = lastBelow(this.sentenceEnds, index);
    return k < 0 ? 0 : (this.sentenceEnds[k] as number) + 1;
  }

  sentenceEnd(index: number): number {
    const k = lastBelow(this.sentenceEnds, index) + 1;
    return k < this.sentenceEnds.length ? (this.sentenceEnds[k] as number) : this.text.length;
  }

  clauseStart(index: number): number {
    const k = lastBelow(this.clauseStarts, index + 1);
    return k < 0 ? 0 : (this.clauseStarts[k] as number);
  }

  /** Start of the `words`-th word before `index`, never before `floor`. */
  wordsBack(index: number, words: number, floor: number): number {
    const text = this.text;
    let seen = 0;
    let inWord = false;
    for (let i = index - 1; i >= floor; i -= 1) {
      const c = text.charCodeAt(i);
      const space = c === SPACE || c === NEWLINE;
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
}

/** Index of the last element < value in an ascending array, or -1. */
function lastBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function endsWithClauseWord(text: string, i: number): boolean {
  for (const word of CLAUSE_WORDS) {
    const from = i - word.length;
    if (from >= 0 && text.startsWith(word, from) && (from === 0 || !isWordChar(text.charCodeAt(from - 1)))) return true;
  }
  return false;
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** A dot between two characters that are not spaces ("a.s.a.p", "3.5"); `c` is the code at i. */
function isInnerDot(text: string, i: number, c: number): boolean {
  if (c !== DOT || i === 0 || i + 1 >= text.length) return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i + 1);
  return before !== SPACE && after !== SPACE && after !== NEWLINE;
}
