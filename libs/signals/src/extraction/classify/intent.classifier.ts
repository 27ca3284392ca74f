import { evidenceOf } from '../evidence.util';
import type { Intent, IntentResult } from '../extraction.types';
import { CHANGE_BOOKING_CONFIDENCE, FEEDBACK_PATTERNS, INTENT_OVERRIDES, INTENT_PRECEDENCE, INTENT_RULES } from './intent.rules';
import {
  I18N_FEEDBACK_PATTERNS,
  I18N_INTENT_RULES,
  PRICE_OF_BOOKING,
  ROUND15_INTENT_RULES,
  ROUND15_OTHER_PATTERNS,
} from './intent.rules.i18n';

interface CompiledRule {
  intent: Intent;
  patterns: RegExp[];
  confidence: number;
}

// The other languages' cues join their intent's English ones (so two cues of one intent still raise it).
const COMPILED: readonly CompiledRule[] = [
  ...INTENT_RULES.map((r) => ({
    intent: r.intent,
    patterns: [
      ...r.patterns.map((p) => new RegExp(p)),
      ...[...I18N_INTENT_RULES, ...ROUND15_INTENT_RULES]
        .filter((i) => i.intent === r.intent)
        .flatMap((i) => i.patterns.map((p) => new RegExp(p, 'u'))),
    ],
    confidence: r.confidence,
  })),
  {
    intent: 'other',
    patterns: [
      ...FEEDBACK_PATTERNS.map((p) => new RegExp(p)),
      ...[...I18N_FEEDBACK_PATTERNS, ...ROUND15_OTHER_PATTERNS].map((p) => new RegExp(p, 'u')),
    ],
    confidence: 0.7,
  },
];

const PRICE_OF_BOOKING_RE = new RegExp(PRICE_OF_BOOKING, 'gu');
const OVERRIDES = INTENT_OVERRIDES.map((o) => ({ intent: o.intent, drops: o.drops, regex: new RegExp(o.pattern, 'u') }));

/** Each intent whose cues occur in the message, with its confidence and first evidence. */
export function intentCandidates(text: string, normalized: string): IntentResult[] {
  const overrides = OVERRIDES.map((o) => ({ ...o, match: o.regex.exec(normalized) })).filter((o) => o.match !== null);
  const dropped = new Set(overrides.flatMap((o) => o.drops));
  const out: IntentResult[] = [];
  // Changing an existing booking: support at a confidence that stands over the model (decideIntent).
  for (const o of overrides) {
    const m = o.match as RegExpExecArray;
    out.push({ label: o.intent, confidence: CHANGE_BOOKING_CONFIDENCE, evidence: evidenceOf(text, m.index, m.index + m[0].length) });
    dropped.add(o.intent);
  }
  // The price of a booking ("how much does it cost to book …") is blanked for the booking rules (same offsets).
  const forBooking = normalized.replace(PRICE_OF_BOOKING_RE, (m) => ' '.repeat(m.length));
  for (const rule of COMPILED) {
    if (dropped.has(rule.intent)) continue;
    const read = rule.intent === 'booking' ? forBooking : normalized;
    const hits = rule.patterns.map((p) => p.exec(read)).filter((m): m is RegExpExecArray => m !== null);
    if (hits.length === 0) continue;
    const first = hits.reduce((a, b) => (b.index < a.index ? b : a));
    // Two or more distinct cues of one intent raise its confidence.
    const confidence = Math.min(0.95, rule.confidence + 0.05 * (hits.length - 1));
    out.push({ label: rule.intent, confidence, evidence: evidenceOf(text, first.index, first.index + first[0].length) });
  }
  return out;
}

/** Picks by precedence (cancellation > complaint > booking > feedback > pricing > support > enquiry). */
export function pickIntent(candidates: readonly IntentResult[]): IntentResult {
  for (const label of INTENT_PRECEDENCE) {
    const hit = candidates.find((c) => c.label === label);
    if (hit !== undefined) return hit;
  }
  return { label: 'other', confidence: 0.4 };
}

export function classifyIntent(text: string, normalized: string): IntentResult {
  return pickIntent(intentCandidates(text, normalized));
}
