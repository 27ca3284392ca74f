import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineEvent } from '../contract.types';
import { EVENT_NAMES } from '../subjects';

export const alertSeveritySchema = z.enum(['info', 'warning', 'critical']);
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;

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
  occurredAt: isoDateTimeSchema,
});
export type InsightsAlert = z.infer<typeof insightsAlertSchema>;

/** L5: a rollup metric crossed a threshold. The notifier turns it into notifications. */
export const InsightsAlertEvent = defineEvent(EVENT_NAMES.insightsAlert, insightsAlertSchema);
