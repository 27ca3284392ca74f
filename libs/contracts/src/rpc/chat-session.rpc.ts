import { z } from 'zod';
import { isoDateTimeSchema, signalSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';

export const sessionChannelSchema = z.enum(['widget', 'api', 'openai_compat']);
/** A session's channel as read back: a staff assistant session (chat.assistant.session) is `assistant`. */
export const sessionViewChannelSchema = z.enum([...sessionChannelSchema.options, 'assistant']);

export const chatSessionSchema = z.object({
  id: uuidSchema,
  tenantId: tenantIdSchema,
  externalUserId: z.string().nullable(),
  contactId: uuidSchema.nullable(),
  status: z.enum(['open', 'closed']),
  needsHuman: z.boolean(),
  /** 'bot' normally; 'human' while tenant staff have taken the session over. */
  mode: z.enum(['bot', 'human']),
  channel: sessionViewChannelSchema,
  /** The tenant staff user of a staff assistant session; null (or absent) for a visitor session. */
  staffUserId: uuidSchema.nullable().optional(),
  messageCount: z.int().nonnegative(),
  startedAt: isoDateTimeSchema,
  lastActivityAt: isoDateTimeSchema,
  closedAt: isoDateTimeSchema.nullable(),
  closeReason: z.string().nullable(),
});
export type ChatSessionView = z.infer<typeof chatSessionSchema>;

export const ChatSessionCreateRpc = defineRpc(
  RPC_SUBJECTS.chatSessionCreate,
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    /** The tenant's own id for the visitor (customer id, account id); links returning customers. */
    externalUserId: z.string().trim().min(1).max(200).optional(),
    /** What the tenant's backend already knows about the visitor: matched against the CRM (returning customer). */
    customer: z.object({ email: z.email().max(320).optional(), phone: z.string().trim().min(5).max(40).optional() }).optional(),
    channel: sessionChannelSchema,
    origin: z.string().max(300).optional(),
    /** Free-form tenant metadata (page, locale...): at most 4 KB as JSON. */
    metadata: z
      .record(z.string().max(100), z.unknown())
      .refine((value) => JSON.stringify(value).length <= 4096, 'metadata must be at most 4 KB as JSON')
      .optional(),
  }),
  z.object({ version: version1, session: chatSessionSchema }),
);

export const ChatSessionGetRpc = defineRpc(
  RPC_SUBJECTS.chatSessionGet,
  z.object({ version: version1, tenantId: tenantIdSchema, sessionId: uuidSchema }),
  z.object({ version: version1, session: chatSessionSchema }),
);

/** Idempotent: closing a closed session returns it unchanged (no second session_closed event). */
export const ChatSessionCloseRpc = defineRpc(
  RPC_SUBJECTS.chatSessionClose,
  z.object({ version: version1, tenantId: tenantIdSchema, sessionId: uuidSchema }),
  z.object({ version: version1, session: chatSessionSchema }),
);

export const chatMessageViewSchema = z.object({
  id: uuidSchema,
  sessionId: uuidSchema,
  turnId: uuidSchema.nullable(),
  /** 'staff' marks a reply written by a person of the tenant during a handoff. */
  role: z.enum(['user', 'assistant', 'staff']),
  content: z.string(),
  interrupted: z.boolean(),
  signals: z.array(signalSchema),
  createdAt: isoDateTimeSchema,
});
export type ChatMessageView = z.infer<typeof chatMessageViewSchema>;

/** Oldest first within a page; the cursor walks towards older messages when `before` is used. */
export const ChatHistoryRpc = defineRpc(
  RPC_SUBJECTS.chatHistory,
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    sessionId: uuidSchema,
    limit: z.int().min(1).max(100),
    cursor: z.string().max(200).nullable(),
  }),
  z.object({ version: version1, items: z.array(chatMessageViewSchema), nextCursor: z.string().nullable() }),
);

/** Feedback on an assistant message of the session; a second rating replaces the first. */
export const ChatFeedbackRpc = defineRpc(
  RPC_SUBJECTS.chatFeedback,
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    sessionId: uuidSchema,
    messageId: uuidSchema,
    rating: z.union([z.literal(1), z.literal(-1)]),
    comment: z.string().trim().max(2000).optional(),
  }),
  z.object({ version: version1, feedbackId: uuidSchema, messageId: uuidSchema, rating: z.int(), updated: z.boolean() }),
);
