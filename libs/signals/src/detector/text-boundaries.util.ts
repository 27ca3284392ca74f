/**
 * Sentence and clause boundaries of a normalised message, found in one forward pass and looked
 * up by binary search, so judging a match costs O(log n) however long the sentence is.
 * A sentence ends at . ! ? or a line break (not a dot inside "a.s.a.p" or "3.5"); a clause also
 * at , ; : ( ) and after but/however/although/though/whereas.
 */
const SENTENCE_END = new Set(['.', '!', '?', '\n']);
const CLAUSE_END = new Set([',', ';', ':', '(', ')']);
const CLAUSE_WORDS = ['but', 'however', 'although', 'though', 'whereas'];

export class TextBoundaries {
  /** Indexes of sentence-ending characters, ascending. */
  private readonly sentenceEnds: number[] = [];
  /** Indexes where a clause starts (after a sentence end, a clause mark or a clause word), ascending. */
  private readonly clauseStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i] as string;
      if (SENTENCE_END.has(ch) && !isInnerDot(text, i)) {
        this.sentenceEnds.push(i);
        this.clauseStarts.push(i + 1);
      } else if (CLAUSE_END.has(ch)) {
        this.clauseStarts.push(i + 1);
      } else if ((ch === ' ' || ch === '-') && endsWithClauseWord(text, i)) {
        this.clauseStarts.push(i + 1);
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

function isInnerDot(text: string, i: number): boolean {
  if (text[i] !== '.') return false;
  const before = text[i - 1];
  const after = text[i + 1];
  return before !== undefined && after !== undefined && before !== ' ' && after !== ' ' && after !== '\n';
}
