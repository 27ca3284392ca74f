import type { ChurnRisk, Health } from './portfolio.types';

export interface HealthView {
  /** Said in words next to the colour, so the colour is never the only signal. */
  label: string;
  className: string;
  /** Sort rank: the tenants that need attention first. */
  rank: number;
}

const HEALTH: Record<Health, HealthView> = {
  red: { label: 'At risk', className: 'health health-red', rank: 0 },
  amber: { label: 'Needs attention', className: 'health health-amber', rank: 1 },
  green: { label: 'Healthy', className: 'health health-green', rank: 2 },
};

export function healthView(health: Health): HealthView {
  return HEALTH[health];
}

/** The reasons as one sentence; a green tenant has none. */
export function healthReasons(reasons: readonly string[]): string {
  return reasons.length === 0 ? 'No issues' : reasons.join('; ');
}

const CHURN: Record<ChurnRisk, { label: string; rank: number }> = {
  high: { label: 'High', rank: 0 },
  medium: { label: 'Medium', rank: 1 },
  low: { label: 'Low', rank: 2 },
  unknown: { label: 'Unknown (no history)', rank: 3 },
};

export function churnLabel(risk: ChurnRisk): string {
  return CHURN[risk].label;
}

export function churnRank(risk: ChurnRisk): number {
  return CHURN[risk].rank;
}

const RULE_LABEL: Record<string, string> = {
  sentiment_drop: 'Sentiment drop',
  escalation_rate: 'Escalation rate',
  unanswered_question: 'Unanswered question',
  usage_drop: 'Usage drop',
};

export function alertRuleLabel(rule: string): string {
  return RULE_LABEL[rule] ?? rule;
}
