import { evidenceOf } from '../evidence.util';
import type { PurchaseSignal } from '../extraction.types';
import { PURCHASE_SIGNAL_RULES } from './purchase-signal.rules';

/** At most this many purchase signals are read from one message. */
const MAX_SIGNALS = 10;
const COMPILED = PURCHASE_SIGNAL_RULES.map((r) => ({ ...r, regex: new RegExp(r.pattern, 'g') }));

/** Purchase signals ("how much would it cost to...", "can you come Tuesday", "I'd like to book"), one per span. */
export function findPurchaseSignals(text: string, normalized: string): PurchaseSignal[] {
  const out: PurchaseSignal[] = [];
  for (const rule of COMPILED) {
    for (const m of normalized.matchAll(rule.regex)) {
      if (out.length >= MAX_SIGNALS) break;
      const end = m.index + m[0].trimEnd().length;
      if (out.some((s) => s.evidence.start < end && m.index < s.evidence.end)) continue;
      out.push({ kind: rule.kind, confidence: rule.confidence, evidence: evidenceOf(text, m.index, end) });
    }
  }
  return out.sort((a, b) => a.evidence.start - b.evidence.start);
}
