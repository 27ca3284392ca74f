import { requiredLiterals } from './required-literals.util';

/**
 * A cheap test that a compiled expression cannot match a message, so the detector skips running
 * it: none of its required literals (required-literals.util) occurs in the text. A literal of
 * three or more characters counts as absent when one of its three-character windows is missing
 * from the message's trigram table (MessageTrigrams, one pass per message); a shorter one is
 * looked up with `includes`. A hash collision can only make a literal look present, so the test
 * never skips an expression that would have matched: it saves time and changes no finding.
 */
const TRIGRAM_BITS = 14;
const TABLE_WORDS = (1 << TRIGRAM_BITS) >>> 5;
const HASH_SHIFT = 32 - TRIGRAM_BITS;

function trigramOf(c0: number, c1: number, c2: number): number {
  return Math.imul(Math.imul(Math.imul(c0, 31) + c1, 31) + c2, 0x9e3779b1) >>> HASH_SHIFT;
}

/** The three-character windows of one message as a bit table (one instance per detector, reused). */
export class MessageTrigrams {
  private readonly bits = new Int32Array(TABLE_WORDS);

  /** Fills the table for `text`, forgetting the previous message. */
  read(text: string): void {
    const bits = this.bits;
    bits.fill(0);
    const n = text.length;
    if (n < 3) return;
    let c0 = text.charCodeAt(0);
    let c1 = text.charCodeAt(1);
    for (let i = 2; i < n; i += 1) {
      const c2 = text.charCodeAt(i);
      const t = trigramOf(c0, c1, c2);
      bits[t >>> 5] = (bits[t >>> 5] as number) | (1 << (t & 31));
      c0 = c1;
      c1 = c2;
    }
  }

  has(t: number): boolean {
    return ((this.bits[t >>> 5] as number) & (1 << (t & 31))) !== 0;
  }
}

export class LiteralPrefilter {
  /** Per literal of three or more characters, the trigrams of its windows. */
  private readonly long: readonly Int32Array[];
  /** Literals of one or two characters. */
  private readonly short: readonly string[];

  constructor(literals: readonly string[]) {
    this.short = literals.filter((l) => l.length < 3);
    this.long = literals
      .filter((l) => l.length >= 3)
      .map((l) => {
        const windows = new Set<number>();
        for (let i = 2; i < l.length; i += 1) windows.add(trigramOf(l.charCodeAt(i - 2), l.charCodeAt(i - 1), l.charCodeAt(i)));
        return Int32Array.from(windows);
      });
  }

  /** False only when no required literal occurs in `text` (whose trigrams `trigrams` holds). */
  mayMatch(text: string, trigrams: MessageTrigrams): boolean {
    for (const windows of this.long) {
      let all = true;
      for (let i = 0; i < windows.length; i += 1)
        if (!trigrams.has(windows[i] as number)) {
          all = false;
          break;
        }
      if (all) return true;
    }
    for (const lit of this.short) if (text.includes(lit)) return true;
    return false;
  }
}

/** The prefilter of a regular-expression source, or null when none is known (then it always runs). */
export function prefilterOf(source: string): LiteralPrefilter | null {
  const literals = requiredLiterals(source);
  return literals ? new LiteralPrefilter(literals) : null;
}
