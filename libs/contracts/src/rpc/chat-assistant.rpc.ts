import { z } from 'zod';
import { tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import { chatMessageViewSchema, chatSessionSchema } from './chat-session.rpc';

// The staff assistant (issue 13 point 5, docs/adr/0012-staff-assistant.md): a tenant's staff
// user chats with the tenant's agent in sessions of their own. The gateway takes the tenant and
// the user from the staff JWT; chat checks that the user is an active staff user of that tenant.

/**
 * The user's current assistant session: their newest open one, or a new one when they have
 * none open (the last one was closed by the idle sweeper). `created` says which.
 */
export const ChatAssistantSessionRpc = defineRpc(
  RPC_SUBJECTS.chatAssistantSession,
  z.object({ version: version1, tenantId: tenantIdSchema, staffUserId: uuidSchema }),
  z.object({ version: version1, session: chatSessionSchema, created: z.boolean() }),
);

/**
 * The user's own messages across all their assistant sessions: newest page first, oldest first
 * within a page; the cursor walks towards older messages. Never another user's.
 */
export const ChatAssistantHistoryRpc = defineRpc(
  RPC_SUBJECTS.chatAssistantHistory,
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    staffUserId: uuidSchema,
    limit: z.int().min(1).max(100),
    cursor: z.string().max(200).nullable(),
  }),
  z.object({ version: version1, items: z.array(chatMessageViewSchema), nextCursor: z.string().nullable() }),
);
