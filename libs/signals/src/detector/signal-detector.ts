import { normalizeText } from '../normalize/normalize-text.util';
import { DEFAULT_SIGNAL_RULES } from '../rules/default-rules.data';
import type { SignalRule, SignalRuleSet } from '../rules/signal-rules.types';
import { SEVERITY_RANK, type SignalFinding } from '../signal.types';
import { compileAlternation } from './compile-pattern.util';
import { mergeRuleExtension } from './merge-rules.util';
import { clauseStart, clauseTail, sentenceEnd, sentenceStart } from './text-context.util';

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
}

interface CompiledRule {
  rule: SignalRule;
  main: RegExp;
  requires: RegExp | null;
  negation: boolean;
  hypothetical: boolean;
  past: boolean;
}

interface Cues {
  figurative: RegExp | null;
  negation: RegExp | null;
  negationOverride: RegExp | null;
  hypothetical: RegExp | null;
  conditional: RegExp | null;
  past: RegExp | null;
  intensifier: RegExp | null;
}

const NEGATION_WINDOW_WORDS = 5;

/** A rule's requirement ("a baby", "tonight") is context, not a claim: only figurative use drops it. */
const REQUIREMENT = { negation: false, hypothetical: false, past: false } as const;

/**
 * Builds a detector from the built-in rules plus an optional tenant extension (validated with
 * zod; see signalRulesExtensionSchema). Every RegExp is compiled here, once; detect() only
 * normalises the text once and runs the precompiled expressions.
 */
export function createSignalDetector(extraRules?: unknown, options: SignalDetectorOptions = {}): SignalDetector {
  const set = mergeRuleExtension(options.baseRules ?? DEFAULT_SIGNAL_RULES, extraRules);
  const maxChars = options.maxChars ?? 20_000;
  const cues: Cues = {
    figurative: compileAlternation(set.figurative),
    negation: compileAlternation(set.negation, [], ''),
    negationOverride: compileAlternation(set.negationOverrides, [], ''),
    hypothetical: compileAlternation(set.hypothetical, [], ''),
    conditional: compileAlternation(set.conditional, [], ''),
    past: compileAlternation(set.past, [], ''),
    intensifier: compileAlternation(set.intensifiers, [], ''),
  };
  const compiled: CompiledRule[] = [];
  for (const rule of set.rules) {
    const main = compileAlternation(rule.patterns, rule.terms);
    if (!main) continue;
    compiled.push({
      rule,
      main,
      requires: rule.requires ? compileAlternation(rule.requires.patterns, rule.requires.terms) : null,
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
      const figurative = spans(cues.figurative, norm);
      const boost = cues.intensifier?.test(norm) ? 0.04 : 0;
      const findings: SignalFinding[] = [];
      for (const c of compiled) {
        const hit = firstLiteral(c, c.main, norm, figurative, cues);
        if (!hit) continue;
        if (c.requires && !firstLiteral(REQUIREMENT, c.requires, norm, figurative, cues)) continue;
        findings.push({
          type: c.rule.type,
          subtype: c.rule.id,
          severity: c.rule.severity,
          confidence: Math.min(0.99, round(c.rule.confidence + boost)),
          evidence: { start: hit.start, end: hit.end, text: original.slice(hit.start, hit.end) },
        });
      }
      return findings.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.confidence - a.confidence);
    },
  };
}

function firstLiteral(c: Pick<CompiledRule, 'negation' | 'hypothetical' | 'past'>, re: RegExp, norm: string, figurative: Array<[number, number]>, cues: Cues): { start: number; end: number } | null {
  re.lastIndex = 0;
  for (let m = re.exec(norm); m; m = re.exec(norm)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    if (!suppressed(c, norm, start, end, figurative, cues)) return { start, end };
  }
  return null;
}

function suppressed(c: Pick<CompiledRule, 'negation' | 'hypothetical' | 'past'>, norm: string, start: number, end: number, figurative: Array<[number, number]>, cues: Cues): boolean {
  for (const [fs, fe] of figurative) if (fs < end && start < fe) return true;
  if (c.negation && cues.negation) {
    const tail = clauseTail(norm, start, NEGATION_WINDOW_WORDS);
    if (cues.negation.test(tail) && !cues.negationOverride?.test(norm.slice(clauseStart(norm, start), start))) return true;
  }
  if (!c.hypothetical && !c.past) return false;
  const sStart = sentenceStart(norm, start);
  if (c.hypothetical) {
    if (cues.hypothetical?.test(norm.slice(sStart, start))) return true;
    if (cues.conditional?.test(norm.slice(clauseStart(norm, start), start))) return true;
  }
  if (c.past && cues.past?.test(norm.slice(sStart, sentenceEnd(norm, end)))) return true;
  return false;
}

function spans(re: RegExp | null, norm: string): Array<[number, number]> {
  if (!re) return [];
  const out: Array<[number, number]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(norm); m; m = re.exec(norm)) {
    if (m[0].length === 0) re.lastIndex += 1;
    else out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
