import { z } from 'zod';
import { isoDateTimeSchema, signalSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import { chatMessageViewSchema, chatSessionSchema } from './chat-session.rpc';

// Visitor conversations as tenant staff read them in the console: the sessions (never a staff
// user's assistant session), each with its contact, latest signals and whether L2 summarised
// it, and one session's transcript with the signals of each message.

/** open: not closed; closed; handoff: open and waiting for, or taken over by, a person. */
export const conversationStatusFilterSchema = z.enum(['open', 'closed', 'handoff']);
export type ConversationStatusFilter = z.infer<typeof conversationStatusFilterSchema>;

/** The signal kinds a list can be filtered on: sessions with at least one such finding. */
export const conversationSignalFilterSchema = z.enum(['urgency', 'safety', 'escalation']);

/** The CRM contact a session is linked to (by external user id, email or phone). */
export const conversationContactSchema = z.object({
  id: uuidSchema,
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const conversationViewSchema = chatSessionSchema.extend({
  contact: conversationContactSchema.nullable(),
  /** The session's most recent signals, newest first, one per kind and label (at most 5). */
  latestSignals: z.array(signalSchema).max(5),
  /** Whether tenant-intelligence has written the L2 summary (read it with intel.session_summary.get). */
  hasSummary: z.boolean(),
});
export type ConversationView = z.infer<typeof conversationViewSchema>;

/** Newest first by start time (id breaks ties); `nextCursor` walks on to older sessions. */
export const ChatConversationListRpc = defineRpc(
  RPC_SUBJECTS.chatConversationList,
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    limit: z.int().min(1).max(100),
    cursor: z.string().max(200).nullable(),
    status: conversationStatusFilterSchema.optional(),
    /** Sessions started at or after this instant. */
    since: isoDateTimeSchema.optional(),
    /** Sessions started before this instant. */
    until: isoDateTimeSchema.optional(),
    contactId: uuidSchema.optional(),
    signal: conversationSignalFilterSchema.optional(),
  }),
  z.object({ version: version1, items: z.array(conversationViewSchema), nextCursor: z.string().nullable() }),
);

/**
 * One conversation and its transcript: the newest `limit` messages older than the cursor,
 * oldest first, each with its signals; `nextCursor` walks on to older messages. NOT_FOUND for
 * an unknown session, another tenant's, or a staff assistant session.
 */
export const ChatConversationGetRpc = defineRpc(
  RPC_SUBJECTS.chatConversationGet,
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    sessionId: uuidSchema,
    limit: z.int().min(1).max(500),
    cursor: z.string().max(200).nullable(),
  }),
  z.object({
    version: version1,
    conversation: conversationViewSchema,
    messages: z.array(chatMessageViewSchema),
    nextCursor: z.string().nullable(),
  }),
);
