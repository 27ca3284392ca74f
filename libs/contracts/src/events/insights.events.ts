import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineEvent } from '../contract.types';
import { EVENT_NAMES } from '../subjects';

export const alertSeveritySchema = z.enum(['info', 'warning', 'critical']);
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;

/** L5 threshold rules (client-insights evaluates them per tenant). */
export const insightAlertRuleSchema = z.enum(['sentiment_drop', 'escalation_rate', 'unanswered_question', 'usage_drop']);
export type InsightAlertRule = z.infer<typeof insightAlertRuleSchema>;

export const insightsAlertSchema = z.object({
  version: version1,
  /** The tenant concerned; PLATFORM_TENANT_ID for cross-tenant (L4) alerts. */
  tenantId: tenantIdSchema,
  alertId: uuidSchema,
  audience: z.enum(['tenant', 'owner']),
  severity: alertSeveritySchema,
  metric: z.string().min(1).max(100),
  value: z.number(),
  threshold: z.number(),
  comparator: z.enum(['gt', 'gte', 'lt', 'lte']),
  window: z.enum(['hour', 'day', 'week']),
  windowStart: isoDateTimeSchema,
  title: z.string().min(1).max(200),
  /** The rule that fired (L5); absent for alerts raised outside the rule set. */
  rule: insightAlertRuleSchema.optional(),
  /** What the condition is about beyond the rule, e.g. the unanswered question. */
  subject: z.string().max(200).optional(),
  /** A concrete next step, e.g. "Add an FAQ about pricing to Bob's Plumbing's knowledge". */
  suggestion: z.string().max(1000).optional(),
  occurredAt: isoDateTimeSchema,
});
export type InsightsAlert = z.infer<typeof insightsAlertSchema>;

/** L5: a rollup metric crossed a threshold. The notifier turns it into notifications. */
export const InsightsAlertEvent = defineEvent(EVENT_NAMES.insightsAlert, insightsAlertSchema);
