import { findEmails } from './email.detector';
import { createNameFinder } from './name.detector';
import { findPhones } from './phone.detector';
import type { PiiKind, PiiMatch } from './pii.types';
import { assertValidTag, formatPlaceholder, placeholderPattern, randomTag } from './placeholder.util';
import { createRestoreStreamFor, restoreText, type PlaceholderTable, type RestoreStream } from './restore-stream.util';

export interface PseudonymizerOptions {
  /** Person names found by the extractor for this turn; matched whole-word, case-insensitively. */
  names?: readonly string[];
  /** Per-turn tag inside every placeholder (A-Z, 0-9, 2-12 chars). Random by default; fixed only in tests. */
  tag?: string;
}

/** One turn's pseudonymizer: every message of the turn (history included) goes through the same instance. */
export interface Pseudonymizer {
  /** The per-turn tag used in this turn's placeholders. */
  readonly tag: string;
  /** Adds person names to hide from now on (e.g. a customer name in a tool result); the same name keeps one placeholder. */
  addNames(names: readonly string[]): void;
  /** Replaces emails, phone numbers and the given names with placeholders such as `[EMAIL_1_K7Q2]`. */
  pseudonymize(text: string): string;
  /** Puts the originals back for exactly-formed placeholders of this turn; everything else is left as is. */
  restore(text: string): string;
  /** A streaming restore for the model's answer. */
  createRestoreStream(): RestoreStream;
  /** How many distinct values were replaced, per kind (counts only, never the values). */
  counts(): Record<PiiKind, number>;
}

// When spans overlap, the earliest wins, then the longest, then email over phone over name.
const PRIORITY: Record<PiiKind, number> = { EMAIL: 0, PHONE: 1, NAME: 2 };

function resolveOverlaps(matches: PiiMatch[]): PiiMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end || PRIORITY[a.kind] - PRIORITY[b.kind]);
  const kept: PiiMatch[] = [];
  let end = 0;
  for (const m of sorted) {
    if (m.start < end) continue;
    kept.push(m);
    end = m.end;
  }
  return kept;
}

export function createPseudonymizer(options: PseudonymizerOptions = {}): Pseudonymizer {
  const tag = options.tag ?? randomTag();
  assertValidTag(tag);
  const names = [...(options.names ?? [])];
  let findNames = createNameFinder(names);
  const byKey = new Map<string, string>(); // `${kind}:${key}` -> placeholder
  const originals = new Map<string, string>(); // placeholder -> first-seen original
  const counts: Record<PiiKind, number> = { EMAIL: 0, PHONE: 0, NAME: 0 };
  let maxLength = 0;

  const placeholderFor = (match: PiiMatch, original: string): string => {
    const id = `${match.kind}:${match.key}`;
    const existing = byKey.get(id);
    if (existing !== undefined) return existing;
    counts[match.kind] += 1;
    const placeholder = formatPlaceholder(match.kind, counts[match.kind], tag);
    byKey.set(id, placeholder);
    originals.set(placeholder, original);
    maxLength = Math.max(maxLength, placeholder.length);
    return placeholder;
  };

  // Compiled when first needed: most turns issue no placeholder and never restore one.
  let pattern: RegExp | undefined;
  const table: PlaceholderTable = {
    get pattern() {
      pattern ??= placeholderPattern(tag);
      return pattern;
    },
    lookup: (p) => originals.get(p),
    isPartial: (text) => {
      for (const p of originals.keys()) if (p.length > text.length && p.startsWith(text)) return true;
      return false;
    },
    maxLength: () => maxLength,
  };

  return {
    tag,
    addNames(more) {
      if (more.length === 0) return;
      names.push(...more);
      findNames = createNameFinder(names);
    },
    pseudonymize(text) {
      const matches = resolveOverlaps([...findEmails(text), ...findPhones(text), ...findNames(text)]);
      let out = '';
      let last = 0;
      for (const m of matches) {
        out += text.slice(last, m.start) + placeholderFor(m, text.slice(m.start, m.end));
        last = m.end;
      }
      return out + text.slice(last);
    },
    restore: (text) => restoreText(text, table),
    createRestoreStream: () => createRestoreStreamFor(table),
    counts: () => ({ ...counts }),
  };
}
