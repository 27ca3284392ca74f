import { z } from 'zod';
import { isoDateTimeSchema, sentimentLabelSchema, tenantIdSchema, urgencySchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineEvent } from '../contract.types';
import { EVENT_NAMES } from '../subjects';

export const extractionMethodSchema = z.enum(['llm', 'deterministic']);

export const extractedEntitySchema = z.object({
  type: z.enum(['person', 'email', 'phone', 'organization', 'location', 'date', 'money', 'product', 'other']),
  value: z.string().min(1).max(500),
});

export const intelMessageExtractedSchema = z.object({
  version: version1,
  tenantId: tenantIdSchema,
  sessionId: uuidSchema,
  turnId: uuidSchema,
  messageId: uuidSchema,
  contactId: uuidSchema.nullable(),
  interactionId: uuidSchema,
  intent: z.string().min(1).max(100),
  sentiment: sentimentLabelSchema,
  sentimentScore: z.number().min(-1).max(1),
  urgency: urgencySchema,
  topics: z.array(z.string().min(1).max(100)).max(20),
  entities: z.array(extractedEntitySchema).max(50),
  leadScore: z.number().min(0).max(100).nullable(),
  method: extractionMethodSchema,
  occurredAt: isoDateTimeSchema,
});
export type IntelMessageExtracted = z.infer<typeof intelMessageExtractedSchema>;

/** L1b result for one user message, stored as a tenant interaction. */
export const IntelMessageExtractedEvent = defineEvent(EVENT_NAMES.intelMessageExtracted, intelMessageExtractedSchema);

export const intelSessionSummarizedSchema = z.object({
  version: version1,
  tenantId: tenantIdSchema,
  sessionId: uuidSchema,
  summaryId: uuidSchema,
  contactId: uuidSchema.nullable(),
  outcome: z.enum(['resolved', 'unresolved', 'needs_follow_up']),
  sentiment: sentimentLabelSchema,
  sentimentStart: z.number().min(-1).max(1).nullable(),
  sentimentEnd: z.number().min(-1).max(1).nullable(),
  topics: z.array(z.string().min(1).max(100)).max(20),
  /** Questions the bot could not answer in this session. */
  unmetNeeds: z.array(z.string().min(1).max(500)).max(20),
  lead: z.boolean(),
  followUpRequired: z.boolean(),
  messageCount: z.int().nonnegative(),
  method: extractionMethodSchema,
  occurredAt: isoDateTimeSchema,
});
export type IntelSessionSummarized = z.infer<typeof intelSessionSummarizedSchema>;

/** L2 summary of a closed session (the text itself stays in session_summaries). */
export const IntelSessionSummarizedEvent = defineEvent(EVENT_NAMES.intelSessionSummarized, intelSessionSummarizedSchema);
