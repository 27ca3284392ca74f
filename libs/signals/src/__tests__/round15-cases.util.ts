import { createSignalDetector } from '../detector/signal-detector';
import type { SignalType } from '../signal.types';

const detector = createSignalDetector();
const rulesOnly = createSignalDetector(undefined, { classifier: false });

/** One round-15 case: a message, a type and whether that type is found. */
export type Round15Case = readonly [text: string, type: SignalType, expected: boolean];

/**
 * Round 15's table tests: a positive must be found by the rules alone (a rule must read it), a
 * negative by neither the rules nor the classifier.
 */
export function describeCases(title: string, cases: readonly Round15Case[]): void {
  describe(title, () => {
    it.each(cases)('%j -> %s %s', (text, type, expected) => {
      const found = (expected ? rulesOnly : detector).detect(text).some((f) => f.type === type);
      expect(found).toBe(expected);
    });
  });
}

/** Cases written one a line: `<type> <+|-> <message>`; blank lines and `# notes` are skipped. */
export function parseCases(lines: string): Round15Case[] {
  return lines
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const m = /^(urgency|safety|escalation) ([+-]) (.+)$/.exec(l);
      if (!m) throw new Error(`not a case: ${l}`);
      return [m[3] ?? '', m[1] as SignalType, m[2] === '+'] as const;
    });
}
