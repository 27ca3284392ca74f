import { resolveClassifierOptions, type ClassifierOptions } from '../classifier/classifier-options.schema';
import { vetoedByCue } from '../classifier/cue-vetoes.util';
import { isDownplayed } from '../classifier/downplayed.util';
import { classifierFindings } from '../classifier/combine-findings.util';
import { createSignalClassifier } from '../classifier/signal-classifier';
import { SIGNALS_MODEL } from '../classifier/signals-model.data';
import type { SignalsModelData } from '../classifier/signals-model.types';
import { ALL_LANGUAGES, GATED_LANGUAGES, languageMask, languagesOf } from '../normalize/language-gate.util';
import { normalizeText } from '../normalize/normalize-text.util';
import { DEFAULT_SIGNAL_RULES } from '../rules/default-rules.data';
import type { CueKind, LanguagePatterns, SignalRule, SignalRuleSet } from '../rules/signal-rules.types';
import { SEVERITY_RANK, type SignalFinding, type SignalType } from '../signal.types';
import { alternationSources } from './compile-pattern.util';
import { MessageTrigrams } from './literal-prefilter.util';
import { mergeRuleExtension } from './merge-rules.util';
import { PrunedAlternation } from './pruned-alternation.util';
import { TextBoundaries } from './text-boundaries.util';

export interface SignalDetector {
  /** All findings for one message, most severe first; at most one per rule. */
  detect(text: string): SignalFinding[];
  /** Ids of the active rules, after the tenant extension. */
  readonly ruleIds: readonly string[];
}

export interface SignalDetectorOptions {
  /** Replace the built-in rules entirely (tests, other languages). */
  baseRules?: SignalRuleSet;
  /** Only the first N characters are scanned, bounding the cost of a huge message. Default 20 000. */
  maxChars?: number;
  /**
   * The learned classifier beside the rules (on by default): `false` switches it off, an object
   * sets per-tenant thresholds (see classifierOptionsSchema). Invalid options throw
   * InvalidSignalRulesError.
   */
  classifier?: false | ClassifierOptions;
  /** Another trained model (tests); default the committed SIGNALS_MODEL. */
  model?: SignalsModelData;
  /**
   * Run a language's patterns only when the message may be in it (normalize/language-gate.util).
   * On by default; `false` runs every language's patterns on every message (evaluation, A/B).
   */
  languageGate?: boolean;
}

/**
 * A rule's or cue's alternation: its own sources (English, or any language) plus the sources of
 * the languages a message may be in. One PrunedAlternation per set of languages that has sources,
 * built the first time a message needs it and kept.
 */
class GatedAlternation {
  private readonly byMask: Array<PrunedAlternation | null | undefined> = [];
  /** The languages with sources here: other bits of a message's mask change nothing. */
  private readonly present: number;

  constructor(
    private readonly patterns: readonly string[] = [],
    private readonly terms: readonly string[] = [],
    private readonly languages: LanguagePatterns = {},
  ) {
    this.present = GATED_LANGUAGES.reduce((m, l, i) => ((languages[l]?.length ?? 0) > 0 ? m | (1 << i) : m), 0);
  }

  get(mask: number): PrunedAlternation | null {
    const key = mask & this.present;
    let alternation = this.byMask[key];
    if (alternation === undefined) {
      const sources = alternationSources([...this.patterns, ...languagesOf(key).flatMap((l) => this.languages[l] ?? [])], this.terms);
      alternation = PrunedAlternation.of(sources);
      this.byMask[key] = alternation;
    }
    return alternation;
  }
}

interface CompiledRule {
  rule: SignalRule;
  main: GatedAlternation;
  requires: GatedAlternation | null;
  negation: boolean;
  hypothetical: boolean;
  past: boolean;
}

type Cues = Record<CueKind, GatedAlternation>;
const CUE_KINDS: readonly CueKind[] = [
  'figurative',
  'negation',
  'negationOverrides',
  'hypothetical',
  'conditional',
  'past',
  'intensifiers',
];

const NEGATION_WINDOW_WORDS = 5;

/** A rule's requirement ("a baby", "tonight") is context, not a claim: only figurative use drops it. */
const REQUIREMENT = { negation: false, hypothetical: false, past: false } as const;

/**
 * Builds a detector from the built-in rules plus an optional tenant extension (validated with
 * zod; see signalRulesExtensionSchema). detect() normalises the text once, tells which of the
 * other languages it may be in (once), and runs the rules' expressions for English and those
 * languages; each expression is compiled once per set of languages, the first time it is needed.
 */
export function createSignalDetector(extraRules?: unknown, options: SignalDetectorOptions = {}): SignalDetector {
  const set = mergeRuleExtension(options.baseRules ?? DEFAULT_SIGNAL_RULES, extraRules);
  const maxChars = options.maxChars ?? 20_000;
  const model = options.model ?? SIGNALS_MODEL;
  const learned = resolveClassifierOptions(options.classifier, model.thresholds);
  const classifier = learned.enabled ? createSignalClassifier(model) : null;
  const gate = options.languageGate ?? true;
  const trigrams = new MessageTrigrams();
  const cues = Object.fromEntries(CUE_KINDS.map((kind) => [kind, new GatedAlternation(set[kind], [], set.languageCues?.[kind])])) as Cues;
  const compiled: CompiledRule[] = [];
  for (const rule of set.rules) {
    const main = new GatedAlternation(rule.patterns, rule.terms, rule.languagePatterns);
    if (!main.get(ALL_LANGUAGES)) continue;
    const req = rule.requires;
    compiled.push({
      rule,
      main,
      requires: req ? new GatedAlternation(req.patterns, req.terms, req.languagePatterns) : null,
      negation: rule.guards?.negation ?? true,
      hypothetical: rule.guards?.hypothetical ?? true,
      past: rule.guards?.past ?? true,
    });
  }

  return {
    ruleIds: compiled.map((c) => c.rule.id),
    detect(text: string): SignalFinding[] {
      const original = text.length > maxChars ? text.slice(0, maxChars) : text;
      const norm = normalizeText(original);
      const messageMask = gate ? languageMask(norm) : ALL_LANGUAGES;
      // A long message in which the test found no other language but English (its mask is 0) still
      // runs the safety rules in every language: an English message can quote a danger in another
      // language without any of its function words ("my colleague says his baby is bewusstlos
      // now"). Running them on every message cost 10-17 % at p99 (bench:signals), this 1-6 %. A
      // message plainly in some languages runs theirs. Guards read the message's languages' cues
      // (English's always): a missing guard can only add a finding.
      const safetyMask = messageMask === 0 ? ALL_LANGUAGES : messageMask;
      const ctx = new MessageContext(norm, cues, messageMask, trigrams);
      const boost = ctx.spans('intensifiers').length > 0 ? 0.04 : 0;
      const findings: SignalFinding[] = [];
      const vetoed = new Set<SignalType>();
      let downplayed: boolean | undefined;
      for (const c of compiled) {
        const mask = c.rule.type === 'safety' ? safetyMask : messageMask;
        const main = c.main.get(mask);
        // A rule with cueVeto is a soft rule: a guarded match of it ("se o gerente não me ligar, …")
        // does not veto the classifier's finding of its type.
        // Only the alternatives the message may match run (none: the rule is skipped).
        const re = main && ctx.expression(main);
        const hit = re && firstLiteral(c, re, ctx, c.rule.cueVeto ? undefined : () => vetoed.add(c.rule.type));
        if (!hit) continue;
        const requires = c.requires?.get(mask);
        const requiresRe = requires && ctx.expression(requires);
        if (c.requires && !(requiresRe && firstLiteral(REQUIREMENT, requiresRe, ctx))) continue;
        // A soft rule's cue veto reads the match's sentence only (cheap; the decline is said there).
        if (c.rule.cueVeto && vetoedByCue(c.rule.type, sentenceOf(ctx, hit))) continue;
        // A message its sender plays down ("… an emergency lol", "no rush") is not urgent, whoever
        // found it (round 14); read once per message, and only after an urgency rule matched.
        if (c.rule.type === 'urgency' && (downplayed ??= isDownplayed(norm))) {
          vetoed.add('urgency');
          continue;
        }
        findings.push({
          type: c.rule.type,
          subtype: c.rule.id,
          severity: c.rule.severity,
          confidence: Math.min(0.99, round(c.rule.confidence + boost)),
          evidence: { start: hit.start, end: hit.end, text: original.slice(hit.start, hit.end) },
        });
      }
      if (classifier) {
        const ruleTypes = new Set(findings.map((f) => f.type));
        // Nothing for the classifier to add when every label is found or vetoed by a guarded or
        // played-down match (the vetoes hold when ruleVetoes is on).
        const settled = (l: SignalType) => ruleTypes.has(l) || (learned.ruleVetoes && vetoed.has(l));
        if (!classifier.labels.every(settled)) {
          const added = classifierFindings(
            original,
            classifier.score(original),
            learned.thresholds,
            ruleTypes,
            learned.ruleVetoes ? vetoed : new Set(),
          );
          if (learned.ruleVetoes) {
            // Safety first: whether urgency stands may depend on a safety finding that survived.
            const safe = added.filter((f) => f.type !== 'urgency' && !vetoedByCue(f.type, norm, { confidence: f.confidence }));
            const found = new Set([...ruleTypes, ...safe.map((f) => f.type)]);
            findings.push(...safe, ...added.filter((f) => f.type === 'urgency' && !vetoedByCue(f.type, norm, { found })));
          } else findings.push(...added);
        }
      }
      return findings.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.confidence - a.confidence);
    },
  };
}

type Guards = Pick<CompiledRule, 'negation' | 'hypothetical' | 'past'>;
type Span = readonly [number, number];

/** Per-message cue positions, each computed at most once and only when a match needs it. */
class MessageContext {
  private readonly cache = new Map<CueKind, Span[]>();
  private bounds: TextBoundaries | null = null;
  private trigramsRead = false;

  constructor(
    readonly norm: string,
    private readonly cues: Cues,
    private readonly mask: number,
    private readonly trigrams: MessageTrigrams,
  ) {}

  /** The alternation's alternatives this message may match as one RegExp, or null when it cannot match. */
  expression(alternation: PrunedAlternation): RegExp | null {
    if (!this.trigramsRead) {
      this.trigrams.read(this.norm);
      this.trigramsRead = true;
    }
    return alternation.forMessage(this.norm, this.trigrams);
  }

  spans(kind: CueKind): Span[] {
    let found = this.cache.get(kind);
    if (!found) {
      const alternation = this.cues[kind].get(this.mask);
      const re = alternation && this.expression(alternation);
      found = re ? spans(re, this.norm) : [];
      this.cache.set(kind, found);
    }
    return found;
  }

  get boundaries(): TextBoundaries {
    this.bounds ??= new TextBoundaries(this.norm);
    return this.bounds;
  }

  /** True when a cue of `kind` lies wholly inside [from, to). */
  within(kind: CueKind, from: number, to: number): boolean {
    for (const [s, e] of this.spans(kind)) if (s >= from && e <= to) return true;
    return false;
  }
}

function firstLiteral(c: Guards, re: RegExp, ctx: MessageContext, onSuppressed?: () => void): { start: number; end: number } | null {
  const norm = ctx.norm;
  re.lastIndex = 0;
  for (let m = re.exec(norm); m; m = re.exec(norm)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    if (!suppressed(c, ctx, start, end)) return { start, end };
    onSuppressed?.();
  }
  return null;
}

function suppressed(c: Guards, ctx: MessageContext, start: number, end: number): boolean {
  for (const [fs, fe] of ctx.spans('figurative')) if (fs < end && start < fe) return true;
  const b = ctx.boundaries;
  const cStart = c.negation || c.hypothetical ? b.clauseStart(start) : 0;
  if (c.negation) {
    const tailStart = b.wordsBack(start, NEGATION_WINDOW_WORDS, cStart);
    if (ctx.within('negation', tailStart, start) && !ctx.within('negationOverrides', cStart, start)) return true;
  }
  if (!c.hypothetical && !c.past) return false;
  const sStart = b.sentenceStart(start);
  if (c.hypothetical && (ctx.within('hypothetical', sStart, start) || ctx.within('conditional', cStart, start))) return true;
  return c.past && ctx.within('past', sStart, b.sentenceEnd(end));
}

function spans(re: RegExp, norm: string): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(norm); m; m = re.exec(norm)) {
    if (m[0].length === 0) re.lastIndex += 1;
    else out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function sentenceOf(ctx: MessageContext, hit: { start: number; end: number }): string {
  return ctx.norm.slice(ctx.boundaries.sentenceStart(hit.start), ctx.boundaries.sentenceEnd(hit.end));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
