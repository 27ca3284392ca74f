import type { TenantConfig } from '@parley/contracts';
import type { ResponseDirective } from '@parley/llm';
import { highestSeverity, SEVERITY_RANK, type Severity, type SignalFinding } from '@parley/signals';

/** What the L1a findings of one message ask of this turn. */
export interface TurnPlan {
  directives: ResponseDirective[];
  /** Highest urgency severity, or null. */
  urgency: Severity | null;
  /** The most severe urgency finding (its subtype names the emergency). */
  urgencyFinding: SignalFinding | null;
  safetyFindings: SignalFinding[];
  /** The visitor asked for a person or refused the bot. */
  escalation: boolean;
  /** Escalation with the tenant's handoff enabled: the session goes to human mode after this turn. */
  handoff: boolean;
}

function mostSevere(findings: readonly SignalFinding[], type: SignalFinding['type']): SignalFinding | null {
  let best: SignalFinding | null = null;
  for (const f of findings) {
    if (f.type === type && (!best || SEVERITY_RANK[f.severity] > SEVERITY_RANK[best.severity])) best = f;
  }
  return best;
}

/**
 * Findings -> response directives: high or critical urgency asks for an urgent callback, any
 * safety finding gives the tenant's emergency text, escalation offers a person (or hands over
 * when the tenant enabled handoff), frustration is acknowledged first.
 */
export function planTurn(findings: readonly SignalFinding[], config: TenantConfig): TurnPlan {
  const directives: ResponseDirective[] = [];
  const safetyFindings = findings.filter((f) => f.type === 'safety');
  const safety = mostSevere(findings, 'safety');
  if (safety) directives.push({ kind: 'safety', category: safety.subtype, emergencyText: config.emergencyText });

  const urgency = highestSeverity(findings, 'urgency');
  const urgencyFinding = mostSevere(findings, 'urgency');
  if (urgencyFinding && (urgency === 'critical' || urgency === 'high')) {
    directives.push({ kind: 'urgent_callback', reason: urgencyFinding.subtype });
  }

  if (findings.some((f) => f.type === 'frustration')) directives.push({ kind: 'acknowledge_frustration' });

  const escalation = findings.some((f) => f.type === 'escalation');
  const handoff = escalation && config.escalation.handoffEnabled;
  if (handoff) directives.push({ kind: 'handoff', message: config.escalation.handoffMessage });
  else if (escalation) directives.push({ kind: 'offer_human' });

  return { directives, urgency, urgencyFinding, safetyFindings, escalation, handoff };
}
