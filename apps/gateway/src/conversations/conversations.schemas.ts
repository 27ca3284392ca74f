import { z } from 'zod';
import {
  chatMessageViewSchema,
  conversationSignalFilterSchema,
  conversationStatusFilterSchema,
  conversationViewSchema,
  sessionSummaryViewSchema,
} from '@parley/contracts';

const cursor = z.string().min(1).max(200).optional();
const instant = z.iso.datetime({ offset: true });

export const listConversationsQuerySchema = z
  .object({
    status: conversationStatusFilterSchema
      .optional()
      .meta({ description: 'open, closed, or handoff (open and waiting for or taken over by a person).' }),
    since: instant.optional().meta({ description: 'Sessions started at or after this instant.' }),
    until: instant.optional().meta({ description: 'Sessions started before this instant.' }),
    contact_id: z.uuid().optional(),
    signal: conversationSignalFilterSchema.optional().meta({ description: 'Only sessions with at least one finding of this kind.' }),
    cursor,
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const conversationQuerySchema = z
  .object({
    cursor: cursor.meta({ description: '`next_cursor` of the previous answer: older messages.' }),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .strict();

export const conversationIdParamSchema = z.uuid();

export const conversationPageSchema = z
  .object({ items: z.array(conversationViewSchema), next_cursor: z.string().nullable() })
  .meta({ id: 'ConversationPage' });

export const conversationDetailSchema = z
  .object({
    conversation: conversationViewSchema,
    messages: z
      .array(chatMessageViewSchema)
      .meta({ description: 'The newest `limit` messages (older than the cursor), oldest first, each with its signals.' }),
    next_cursor: z.string().nullable(),
    summary: sessionSummaryViewSchema.nullable().meta({ description: 'The L2 summary, once the session is closed and summarised.' }),
  })
  .meta({ id: 'ConversationDetail' });
