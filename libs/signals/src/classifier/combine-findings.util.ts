import type { Severity, SignalFinding, SignalType } from '../signal.types';
import type { ClassifierLabel } from './corpus-split.util';
import type { LabelScore } from './signal-classifier';

/** Severity of a classifier-only finding: it never claims `critical` (only a rule can). */
const SEVERITY: Readonly<Record<ClassifierLabel, Severity>> = { urgency: 'high', safety: 'high', escalation: 'medium' };

/** Rule id of classifier findings (the wire label). */
export const CLASSIFIER_SUBTYPE = 'classifier';

/**
 * Rules first: a label a rule already found is not added again; a label whose rule matched but
 * was suppressed by a guard (figurative, negated, hypothetical, past) is vetoed; otherwise the
 * classifier adds a finding when its calibrated probability reaches the threshold.
 */
export function classifierFindings(
  text: string,
  scores: readonly LabelScore[],
  thresholds: Readonly<Record<ClassifierLabel, number>>,
  ruleTypes: ReadonlySet<SignalType>,
  vetoed: ReadonlySet<SignalType>,
): SignalFinding[] {
  const out: SignalFinding[] = [];
  for (const s of scores) {
    // Thresholds apply to the reported confidence (two decimals), so what a tenant sees on a
    // finding is exactly what its threshold was compared with.
    const confidence = Math.min(0.99, Math.round(s.probability * 100) / 100);
    if (ruleTypes.has(s.label) || vetoed.has(s.label) || confidence < thresholds[s.label]) continue;
    out.push({
      type: s.label,
      subtype: CLASSIFIER_SUBTYPE,
      severity: SEVERITY[s.label],
      confidence,
      evidence: { start: s.start, end: s.end, text: text.slice(s.start, s.end) },
    });
  }
  return out;
}
