import type { SignalDetector } from '../detector/signal-detector';

/** The types a detector finds in a message as initials in a fixed order: 'esu', 'su', 'e', '' … (the probe specs' expected labels). */
export function probeLabels(detector: SignalDetector, text: string): string {
  const types = new Set(detector.detect(text).map((f) => f.type));
  return (['escalation', 'safety', 'urgency'] as const)
    .filter((t) => types.has(t))
    .map((t) => t[0])
    .join('');
}
