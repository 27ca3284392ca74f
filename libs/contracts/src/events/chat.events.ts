import { z } from 'zod';
import { isoDateTimeSchema, signalsSummarySchema, tenantIdSchema, usageSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineEvent } from '../contract.types';
import { EVENT_NAMES } from '../subjects';

const MAX_TEXT = 32_000;

/** A visitor's conversation, or a tenant staff user's staff assistant session. */
export const conversationAudienceSchema = z.enum(['visitor', 'staff']);
export type ConversationAudience = z.infer<typeof conversationAudienceSchema>;

export const chatTurnCompletedSchema = z.object({
  version: version1,
  tenantId: tenantIdSchema,
  sessionId: uuidSchema,
  turnId: uuidSchema,
  userMessageId: uuidSchema,
  assistantMessageId: uuidSchema,
  contactId: uuidSchema.nullable(),
  userText: z.string().min(1).max(MAX_TEXT),
  assistantText: z.string().max(MAX_TEXT),
  signals: signalsSummarySchema,
  actionIds: z.array(uuidSchema).max(20),
  usage: usageSchema,
  occurredAt: isoDateTimeSchema,
  /**
   * Who was talking to the bot: `staff` for a tenant staff user's assistant session (not a
   * customer: the CRM does not mine it). Absent in older events, which were all `visitor`.
   */
  audience: conversationAudienceSchema.optional(),
});
export type ChatTurnCompleted = z.infer<typeof chatTurnCompletedSchema>;

/** A turn finished and both messages are stored. Consumed by tenant-intelligence (L1b) and client-insights. */
export const ChatTurnCompletedEvent = defineEvent(EVENT_NAMES.chatTurnCompleted, chatTurnCompletedSchema);

export const chatSessionClosedSchema = z.object({
  version: version1,
  tenantId: tenantIdSchema,
  sessionId: uuidSchema,
  contactId: uuidSchema.nullable(),
  reason: z.enum(['client', 'idle_timeout', 'expired', 'tenant_deactivated']),
  turnCount: z.int().nonnegative(),
  startedAt: isoDateTimeSchema,
  closedAt: isoDateTimeSchema,
  occurredAt: isoDateTimeSchema,
  /** `staff` for a staff assistant session (no L2 summary); absent in older events (visitor). */
  audience: conversationAudienceSchema.optional(),
});
export type ChatSessionClosed = z.infer<typeof chatSessionClosedSchema>;

/** A session ended (explicitly or by idle timeout). Triggers the L2 summary. */
export const ChatSessionClosedEvent = defineEvent(EVENT_NAMES.chatSessionClosed, chatSessionClosedSchema);
