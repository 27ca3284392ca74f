import { z } from 'zod';

/** Every id on the wire is a uuid (PostgreSQL `gen_random_uuid()`, `crypto.randomUUID()`). */
export const uuidSchema = z.uuid();

/** Tenant ids are uuids; the nil uuid is reserved for platform-wide (owner) scope. */
export const tenantIdSchema = z.uuid();

/** Timestamps travel as ISO-8601 strings with an offset (`Date#toISOString()`). */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** Version 1 of a payload. A breaking change adds `version: 2` and both parse during a rollout. */
export const version1 = z.literal(1);

/** Tenant id used for owner-level, cross-tenant events (L4/L5 platform alerts). */
export const PLATFORM_TENANT_ID = '00000000-0000-0000-0000-000000000000';

export const usageSchema = z.object({
  inputTokens: z.int().nonnegative(),
  outputTokens: z.int().nonnegative(),
  model: z.string().min(1).max(200),
  provider: z.string().min(1).max(50),
  latencyMs: z.number().nonnegative(),
});
export type Usage = z.infer<typeof usageSchema>;

export const urgencySchema = z.enum(['none', 'low', 'medium', 'high', 'critical']);
export type Urgency = z.infer<typeof urgencySchema>;

export const sentimentLabelSchema = z.enum(['negative', 'neutral', 'positive']);
export type SentimentLabel = z.infer<typeof sentimentLabelSchema>;

/** One L1a signal as shown to clients (`{"type":"signal"}` frames) and stored in message_signals. */
export const signalSchema = z.object({
  kind: z.enum(['urgency', 'safety', 'escalation', 'sentiment', 'intent', 'entity']),
  label: z.string().min(1).max(100),
  score: z.number().min(0).max(1),
});
export type Signal = z.infer<typeof signalSchema>;

/** Compact L1a result carried on turn events; the full list lives in message_signals. */
export const signalsSummarySchema = z.object({
  urgency: urgencySchema,
  sentiment: sentimentLabelSchema,
  sentimentScore: z.number().min(-1).max(1),
  intents: z.array(z.string().min(1).max(100)).max(20),
  flags: z.array(z.enum(['safety', 'escalation', 'urgent', 'pii'])).max(10),
  entityCount: z.int().nonnegative(),
});
export type SignalsSummary = z.infer<typeof signalsSummarySchema>;

/** An action a turn triggered (tool call, handoff, booking...). */
export const actionSchema = z.object({
  id: uuidSchema,
  type: z.string().min(1).max(100),
  status: z.enum(['requested', 'completed', 'failed']),
  label: z.string().max(500).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type Action = z.infer<typeof actionSchema>;
