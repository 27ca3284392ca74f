// What a tenant's plan allows at its current usage (docs/adr/0025-plans-quotas-invoice-preview.md).
// Billed usage: stored answers (messages) and their tokens in + out. A limit is reached when the
// usage is at or over the included amount: on a hard cap the next turn is refused; on a soft cap
// it is served and billed as overage.
import type { CapMode, Plan } from '@parley/contracts';

export type QuotaPlan = Pick<Plan, 'capMode' | 'includedMessages' | 'includedTokens'>;

export interface QuotaUsage {
  messages: number;
  tokens: number;
}

export type QuotaDimension = 'messages' | 'tokens';

export type QuotaDecision =
  /** Under every included amount (or none is set). */
  | { kind: 'within' }
  /** Soft cap: an included amount is used up; served and billed as overage. */
  | { kind: 'soft_exceeded'; dimension: QuotaDimension; limit: number; used: number }
  /** Hard cap: an included amount is used up; refused until the period resets. */
  | { kind: 'blocked'; dimension: QuotaDimension; limit: number; used: number };

/** Notification thresholds, in percent of an included amount. */
export const QUOTA_THRESHOLDS = [80, 100] as const;
export type QuotaThreshold = (typeof QUOTA_THRESHOLDS)[number];

function limitsOf(plan: QuotaPlan, usage: QuotaUsage): Array<{ dimension: QuotaDimension; limit: number; used: number }> {
  const out: Array<{ dimension: QuotaDimension; limit: number; used: number }> = [];
  if (plan.includedMessages !== null) out.push({ dimension: 'messages', limit: plan.includedMessages, used: usage.messages });
  if (plan.includedTokens !== null) out.push({ dimension: 'tokens', limit: plan.includedTokens, used: usage.tokens });
  return out;
}

/** The decision for the next turn: the first used-up amount (messages before tokens) decides. */
export function decideQuota(plan: QuotaPlan, usage: QuotaUsage): QuotaDecision {
  const reached = limitsOf(plan, usage).find((l) => l.used >= l.limit);
  if (!reached) return { kind: 'within' };
  const kind: Exclude<QuotaDecision['kind'], 'within'> = capKind(plan.capMode);
  return { kind, ...reached };
}

function capKind(mode: CapMode): 'blocked' | 'soft_exceeded' {
  return mode === 'hard' ? 'blocked' : 'soft_exceeded';
}

/**
 * The thresholds the usage has reached on any included amount (integer arithmetic: 80% of 1,000
 * messages is reached at 800), with the dimension that reached each first.
 */
export function thresholdsReached(plan: QuotaPlan, usage: QuotaUsage): Array<{ threshold: QuotaThreshold; dimension: QuotaDimension }> {
  const out: Array<{ threshold: QuotaThreshold; dimension: QuotaDimension }> = [];
  for (const threshold of QUOTA_THRESHOLDS) {
    const hit = limitsOf(plan, usage).find((l) => l.used * 100 >= l.limit * threshold);
    if (hit) out.push({ threshold, dimension: hit.dimension });
  }
  return out;
}
