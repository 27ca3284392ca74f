import type { Signal } from '@parley/contracts';
import { SEVERITY_RANK, type Severity, type SignalFinding } from './signal.types';

/**
 * Maps findings to the wire `Signal` of @parley/contracts (SSE signal frames, message_signals).
 * Frustration travels as kind `sentiment`, label `frustration`.
 */
export function toWireSignals(findings: readonly SignalFinding[]): Signal[] {
  return findings.map((f) => ({
    kind: f.type === 'frustration' ? 'sentiment' : f.type,
    label: f.subtype.slice(0, 100),
    score: f.confidence,
  }));
}

/** The highest severity among findings of a type, or null when there are none. */
export function highestSeverity(findings: readonly SignalFinding[], type?: SignalFinding['type']): Severity | null {
  let best: Severity | null = null;
  for (const f of findings) {
    if (type && f.type !== type) continue;
    if (best === null || SEVERITY_RANK[f.severity] > SEVERITY_RANK[best]) best = f.severity;
  }
  return best;
}
