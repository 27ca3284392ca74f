import { compileSources } from './compile-pattern.util';
import { LiteralPrefilter, type MessageTrigrams } from './literal-prefilter.util';
import { requiredLiterals, topLevelBranches } from './required-literals.util';

/** Groups of alternatives with a prefilter: at most 2^(this + 1) variants of one alternation. */
const MAX_FILTERED_GROUPS = 5;

/**
 * A rule's or cue's alternation whose alternatives a message cannot match are left out before it
 * runs. The alternatives (the sources' top-level branches) are put in a few groups, each with the
 * union of its alternatives' required literals (required-literals.util) as prefilter, plus one
 * group of the alternatives without any, which always runs. Per message only the groups whose
 * prefilter finds a literal run, as one RegExp of their alternatives in the original order,
 * compiled the first time that set of groups is needed and kept. An alternative none of whose
 * literals occurs matches nowhere in the message, so leaving it out changes no match: at every
 * position the remaining alternatives are tried in the same order as before. Alternatives are
 * grouped weakest literals first (short, common words such as " me" that most messages contain),
 * so the groups of selective ones ("bewusstlos", "carbon monoxide") mostly stay out.
 */
export class PrunedAlternation {
  private readonly variants: Array<RegExp | undefined> = [];

  private constructor(
    private readonly branches: readonly string[],
    /** Per branch, its group. */
    private readonly groupOf: readonly number[],
    /** Per group, its prefilter; null for the group that always runs. */
    private readonly groups: ReadonlyArray<LiteralPrefilter | null>,
  ) {}

  /** The alternation of `sources` (as compileSources joins them), or null when there are none. */
  static of(sources: readonly string[]): PrunedAlternation | null {
    if (sources.length === 0) return null;
    const split = sources.map(topLevelBranches);
    // A back-reference (or a source that does not parse): the whole alternation always runs.
    if (split.some((s) => s === null))
      return new PrunedAlternation(
        sources,
        sources.map(() => 0),
        [null],
      );
    const branches = split.flat() as string[];
    const literals = branches.map(requiredLiterals);
    const filtered = branches.map((_, i) => i).filter((i) => literals[i] !== null);
    const always = filtered.length < branches.length;
    // Weakest first: the shortest literal (up to 8 characters), then the most literals.
    const strength = (i: number): number => {
      const lits = literals[i] as string[];
      return Math.min(8, ...lits.map((l) => l.length)) * 1000 - Math.min(999, lits.length);
    };
    filtered.sort((a, b) => strength(a) - strength(b) || a - b);
    const count = Math.min(MAX_FILTERED_GROUPS, filtered.length);
    const total = filtered.reduce((sum, i) => sum + (branches[i] as string).length, 0);
    const groupOf = branches.map(() => 0);
    const first = always ? 1 : 0;
    let before = 0;
    for (const i of filtered) {
      const length = (branches[i] as string).length;
      groupOf[i] = first + Math.min(count - 1, Math.floor(((before + length / 2) * count) / total));
      before += length;
    }
    const groups: Array<LiteralPrefilter | null> = always ? [null] : [];
    for (let g = first; g < first + count; g += 1) {
      const union = new Set<string>();
      filtered.forEach((i) => {
        if (groupOf[i] === g) for (const l of literals[i] as string[]) union.add(l);
      });
      groups.push(new LiteralPrefilter([...union]));
    }
    return new PrunedAlternation(branches, groupOf, groups);
  }

  /** The expression to run on `text` (trigrams: its MessageTrigrams), or null when it cannot match. */
  forMessage(text: string, trigrams: MessageTrigrams): RegExp | null {
    let active = 0;
    for (let g = 0; g < this.groups.length; g += 1) {
      const prefilter = this.groups[g];
      if (!prefilter || prefilter.mayMatch(text, trigrams)) active |= 1 << g;
    }
    if (active === 0) return null;
    let re = this.variants[active];
    if (!re) {
      re = compileSources(this.branches.filter((_, i) => (active & (1 << (this.groupOf[i] as number))) !== 0));
      this.variants[active] = re;
    }
    return re;
  }
}
