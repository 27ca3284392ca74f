import { z } from 'zod';
import { insightAlertRuleSchema } from '../events/insights.events';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import { insightPeriodSchema, localDateSchema } from './insights.rpc';

// L4 owner analytics (cross-tenant, owner only) as client-insights serves them to the gateway.
// Periods are UTC here (a portfolio spans time zones): days from 00:00 UTC, weeks from Monday.

const rate = z.number().min(0).max(1).nullable();
const count = z.int().nonnegative();
const money = z.number().nonnegative();

export const tenantHealthSchema = z.enum(['green', 'amber', 'red']);
export type TenantHealth = z.infer<typeof tenantHealthSchema>;

export const churnRiskSchema = z.enum(['low', 'medium', 'high', 'unknown']);
export type ChurnRisk = z.infer<typeof churnRiskSchema>;

export const portfolioTenantSchema = z.object({
  tenantId: tenantIdSchema,
  slug: z.string(),
  displayName: z.string(),
  kind: z.string(),
  status: z.string(),
  health: tenantHealthSchema,
  /** Why the health is not green (empty when green), e.g. "escalation rate 22% (over 15%)". */
  reasons: z.array(z.string()),
  sessions: count,
  previousSessions: count,
  changePct: z.number().nullable(),
  turns: count,
  leadSessions: count,
  conversionRate: rate,
  escalationRate: rate,
  resolvedSessions: count,
  resolutionRate: rate,
  sentimentAverage: z.number().min(-1).max(1).nullable(),
  feedbackScore: z.number().min(-1).max(1).nullable(),
  unmetNeeds: count,
  tokensIn: count,
  tokensOut: count,
  costUsd: money,
  /** Value vs cost: what one lead and one session cost in model spend (null without leads/sessions). */
  costPerLeadUsd: money.nullable(),
  costPerSessionUsd: money.nullable(),
  /** Against the average of tenants of the same kind (rate differences, e.g. +0.1 = 10 points above). */
  benchmark: z.object({
    kind: z.string(),
    peers: count,
    conversionDelta: z.number().nullable(),
    escalationDelta: z.number().nullable(),
    resolutionDelta: z.number().nullable(),
  }),
  /** Usage against the tenant's own trend (mean sessions of the previous four periods). */
  churn: z.object({ risk: churnRiskSchema, trendSessions: z.number().nonnegative(), ratio: z.number().nonnegative().nullable() }),
  config: z.object({ tone: z.string(), provider: z.string(), knowledgeChunks: count, handoffEnabled: z.boolean() }),
  activeAlerts: count,
});
export type PortfolioTenant = z.infer<typeof portfolioTenantSchema>;

const outcomeAverages = {
  tenants: count,
  conversionRate: rate,
  escalationRate: rate,
  resolutionRate: rate,
  sentimentAverage: z.number().min(-1).max(1).nullable(),
};

export const ownerPortfolioSchema = z.object({
  period: insightPeriodSchema,
  /** UTC date of the period's first day (a Monday for weeks). */
  date: localDateSchema,
  periodStart: isoDateTimeSchema,
  periodEnd: isoDateTimeSchema,
  totals: z.object({
    tenants: count,
    activeTenants: count,
    sessions: count,
    turns: count,
    leadSessions: count,
    costUsd: money,
    red: count,
    amber: count,
    green: count,
  }),
  tenants: z.array(portfolioTenantSchema),
  /** Averages over the tenants of each kind that had sessions in the period. */
  benchmarks: z.array(z.object({ kind: z.string(), sessionsPerTenant: z.number().nonnegative(), ...outcomeAverages })),
  /** Topics and unmet needs seen at several tenants this period, new or growing vs the previous one. */
  emergingTopics: z.array(z.object({ topic: z.string(), tenants: count, mentions: count, previousMentions: count })),
  /** Which configurations go with better outcomes (correlation over the portfolio, not causation). */
  configOutcomes: z.array(
    z.object({ dimension: z.enum(['tone', 'provider', 'knowledge', 'handoff']), value: z.string(), ...outcomeAverages }),
  ),
  computedAt: isoDateTimeSchema,
});
export type OwnerPortfolio = z.infer<typeof ownerPortfolioSchema>;

export const insightAlertViewSchema = z.object({
  alertId: uuidSchema,
  tenantId: tenantIdSchema,
  tenantSlug: z.string(),
  rule: insightAlertRuleSchema,
  subject: z.string(),
  status: z.enum(['active', 'resolved']),
  severity: z.string(),
  value: z.number(),
  threshold: z.number(),
  title: z.string(),
  suggestion: z.string(),
  firedAt: isoDateTimeSchema,
  resolvedAt: isoDateTimeSchema.nullable(),
});
export type InsightAlertView = z.infer<typeof insightAlertViewSchema>;

/** The owner's portfolio for the period containing `date` (default: today, UTC), with the active alerts. */
export const OwnerInsightsGetRpc = defineRpc(
  RPC_SUBJECTS.insightsOwnerGet,
  z.object({ version: version1, period: insightPeriodSchema, date: localDateSchema.optional() }),
  z.object({ version: version1, portfolio: ownerPortfolioSchema, alerts: z.array(insightAlertViewSchema) }),
);
