import { z } from 'zod';
import { tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineMessage, defineRpc } from '../contract.types';
import { chatSessionEventsSubject, RPC_SUBJECTS } from '../subjects';
import { chatMessageViewSchema, chatSessionSchema } from './chat-session.rpc';

// Human handoff, tenant staff's side: the sessions waiting for a person, a reply written by a
// person (stored with role `staff`, delivered live to the visitor), and handing back to the bot.

/** Open sessions that need a person, longest-waiting first. */
export const ChatHandoffListRpc = defineRpc(
  RPC_SUBJECTS.chatHandoffList,
  z.object({ version: version1, tenantId: tenantIdSchema, limit: z.int().min(1).max(100) }),
  z.object({ version: version1, items: z.array(chatSessionSchema) }),
);

/** A staff reply: the session goes (or stays) in human mode; the bot stays quiet. */
export const ChatStaffReplyRpc = defineRpc(
  RPC_SUBJECTS.chatStaffReply,
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    sessionId: uuidSchema,
    staffUserId: uuidSchema,
    content: z.string().trim().min(1).max(8000),
  }),
  z.object({ version: version1, message: chatMessageViewSchema }),
);

/** Hands the session back to the bot: mode bot, needs_human cleared. */
export const ChatHandBackRpc = defineRpc(
  RPC_SUBJECTS.chatHandBack,
  z.object({ version: version1, tenantId: tenantIdSchema, sessionId: uuidSchema, staffUserId: uuidSchema }),
  z.object({ version: version1, session: chatSessionSchema }),
);

/**
 * What became of an action a turn requested (the turn's SSE said `requested`): `done` once the
 * notifier has stored it and planned who hears about it, `failed` when it could not be carried
 * out (invalid parameters, nobody to tell). `detail` is written for the visitor.
 */
export const actionOutcomeSchema = z.object({
  id: uuidSchema,
  type: z.string().min(1).max(100),
  status: z.enum(['done', 'failed']),
  detail: z.string().max(200),
});
export type ActionOutcome = z.infer<typeof actionOutcomeSchema>;

/**
 * Live events of one session on `chat.live.<sessionId>` (NATS core), relayed by the gateway
 * to the visitor's `GET /api/v1/chat/stream`: a staff reply, the session changing hands, or the
 * outcome of an action the bot requested (published by the notifier).
 */
export const chatSessionEventSchema = z.discriminatedUnion('type', [
  z.object({ version: version1, tenantId: tenantIdSchema, type: z.literal('staff_message'), message: chatMessageViewSchema }),
  z.object({ version: version1, tenantId: tenantIdSchema, type: z.literal('mode'), mode: z.enum(['bot', 'human']) }),
  z.object({ version: version1, tenantId: tenantIdSchema, type: z.literal('action'), action: actionOutcomeSchema }),
]);
export type ChatSessionEvent = z.infer<typeof chatSessionEventSchema>;

export const ChatSessionEventMessage = defineMessage('chat.live', chatSessionEventsSubject, chatSessionEventSchema);
