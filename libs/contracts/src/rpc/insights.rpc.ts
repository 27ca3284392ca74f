import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';

// L3 tenant insights as client-insights serves them to the gateway (staff JWT or API key of
// that tenant; the tenant id always comes from the caller's credential, never from input).

export const insightPeriodSchema = z.enum(['day', 'week']);
export type InsightPeriod = z.infer<typeof insightPeriodSchema>;

/** A calendar date in the tenant's time zone, `YYYY-MM-DD`. */
export const localDateSchema = z.iso.date();

const rate = z.number().min(0).max(1).nullable();
const count = z.int().nonnegative();

export const insightMetricsSchema = z.object({
  /** IANA zone the period's local days were cut in. */
  timezone: z.string().min(1).max(100),
  volume: z.object({ sessions: count, closedSessions: count, turns: count, previousSessions: count, changePct: z.number().nullable() }),
  topTopics: z.array(z.object({ topic: z.string(), count })).max(10),
  sentiment: z.object({
    average: z.number().min(-1).max(1).nullable(),
    samples: count,
    series: z.array(z.object({ date: localDateSchema, average: z.number().min(-1).max(1).nullable(), samples: count })).max(7),
  }),
  conversion: z.object({ leadSessions: count, sessions: count, rate }),
  /** Busiest local hours of day (0-23) by turns, at most 3. */
  peakHours: z.array(z.object({ hour: z.int().min(0).max(23), turns: count })).max(3),
  unmetNeeds: z.array(z.object({ question: z.string(), count })).max(10),
  repeatVisitors: z.object({ returningSessions: count, sessions: count, rate }),
  escalation: z.object({ escalatedSessions: count, escalatedTurns: count, sessions: count, rate }),
  resolution: z.object({ resolvedWithoutHuman: count, summarizedSessions: count, rate }),
  feedback: z.object({ ratings: count, positive: count, negative: count, score: z.number().min(-1).max(1).nullable() }),
  usage: z.object({
    tokensIn: count,
    tokensOut: count,
    costUsd: z.number().nonnegative(),
    byModel: z.array(
      z.object({ provider: z.string(), model: z.string(), tokensIn: count, tokensOut: count, costUsd: z.number().nonnegative() }),
    ),
  }),
});
export type InsightMetrics = z.infer<typeof insightMetricsSchema>;

export const insightRollupViewSchema = z.object({
  period: insightPeriodSchema,
  /** First local day of the period (a Monday for weeks). */
  localDate: localDateSchema,
  /** The UTC instants of the period's local start and end (end exclusive). */
  periodStart: isoDateTimeSchema,
  periodEnd: isoDateTimeSchema,
  metrics: insightMetricsSchema,
  computedAt: isoDateTimeSchema,
});
export type InsightRollupView = z.infer<typeof insightRollupViewSchema>;

/** Rollups of the tenant's periods overlapping [from, to], local dates (defaults: the last 7 days / 4 weeks up to today). */
export const TenantInsightsGetRpc = defineRpc(
  RPC_SUBJECTS.insightsTenantGet,
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    period: insightPeriodSchema,
    from: localDateSchema.optional(),
    to: localDateSchema.optional(),
  }),
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    timezone: z.string(),
    period: insightPeriodSchema,
    rollups: z.array(insightRollupViewSchema),
  }),
);
