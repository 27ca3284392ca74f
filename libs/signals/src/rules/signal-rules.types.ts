import type { GatedLanguage } from '../normalize/language-gate.util';
import type { Severity, SignalType } from '../signal.types';

/**
 * Regex sources in the languages besides English, per language. The detector runs a language's
 * sources only when the message may be in that language (normalize/language-gate.util), beside
 * the rule's own `patterns`, which always run.
 */
export type LanguagePatterns = Readonly<Partial<Record<GatedLanguage, readonly string[]>>>;

/** Which context guards may suppress a match of a rule. All default to true. */
export interface RuleGuards {
  /** "not urgent", "no gas smell", "I don't need a person". */
  negation?: boolean;
  /** "what would I do if...", "in case of...", "do you cover burst pipes?". */
  hypothetical?: boolean;
  /** "my neighbour had a burst pipe last year". */
  past?: boolean;
}

/**
 * One detection rule, as data. `patterns` are regular-expression sources matched against the
 * normalised (lower-cased) message; `terms` are literal phrases (escaped, word-bounded, any
 * whitespace between words). `requires`, when present, must also match somewhere in the
 * message (unsuppressed) for the rule to fire, e.g. "no heating" requires "baby|elderly...".
 */
export interface SignalRule {
  id: string;
  type: SignalType;
  severity: Severity;
  confidence: number;
  patterns?: readonly string[];
  terms?: readonly string[];
  /** Patterns in the other languages, run only for a message that may be in that language. */
  languagePatterns?: LanguagePatterns;
  requires?: { patterns?: readonly string[]; terms?: readonly string[]; languagePatterns?: LanguagePatterns };
  guards?: RuleGuards;
  /**
   * A soft rule: the classifier's cue vetoes (classifier/cue-vetoes.util: "no need for a person any
   * more", a pet or property alone) drop its findings too, and a match of it that a guard suppressed
   * does not veto the classifier's finding of the same type (as other rules' suppressed matches do).
   */
  cueVeto?: boolean;
}

/** The context cues of a rule set (each a list of regex sources). */
export type CueKind = 'figurative' | 'negation' | 'hypothetical' | 'conditional' | 'negationOverrides' | 'past' | 'intensifiers';

/** Phrases whose words must not be read literally ("this price is killing me"). */
export interface SignalRuleSet {
  rules: readonly SignalRule[];
  /** Regex sources; a match overlapping one of these spans is figurative and dropped. */
  figurative: readonly string[];
  /** Regex sources of negation cues, looked for just before a match in the same clause. */
  negation: readonly string[];
  /** Regex sources of hypothetical / enquiry cues, looked for earlier in the same sentence. */
  hypothetical: readonly string[];
  /** Regex sources of conditional cues, looked for earlier in the same clause. */
  conditional: readonly string[];
  /** Regex sources that cancel a negation cue in the same clause ("why can't I..."). */
  negationOverrides: readonly string[];
  /** Regex sources of past or third-party story cues, looked for anywhere in the sentence. */
  past: readonly string[];
  /** Regex sources that raise confidence a little when present anywhere ("asap", "!!"). */
  intensifiers: readonly string[];
  /** Cues in the other languages, gated by language like the rules' `languagePatterns`. */
  languageCues?: Readonly<Partial<Record<CueKind, LanguagePatterns>>>;
}
