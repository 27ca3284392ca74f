import { z } from 'zod';
import { actionSchema, signalSchema, tenantIdSchema, usageSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';

/** `assistant`: a tenant staff user's turn in their staff assistant session (staffUserId set). */
export const chatChannelSchema = z.enum(['widget', 'api', 'openai_compat', 'assistant']);

export const chatTurnRequestSchema = z.object({
  version: version1,
  tenantId: tenantIdSchema,
  sessionId: uuidSchema,
  /** Chosen by the gateway so it can subscribe to chat.stream.<turnId> before it asks. */
  turnId: uuidSchema,
  message: z.string().min(1).max(8000),
  /** When true, chat publishes token frames on chat.stream.<turnId> while it generates. */
  stream: z.boolean(),
  channel: chatChannelSchema,
  /**
   * The staff user of an `assistant` turn. Chat answers NOT_FOUND unless the session is this
   * user's assistant session; a visitor channel never reaches an assistant session.
   */
  staffUserId: uuidSchema.optional(),
  /** Prior messages supplied by the caller (OpenAI-compatible endpoint); else session memory is used. */
  context: z
    .array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().max(32_000) }))
    .max(100)
    .optional(),
  requestId: z.string().min(1).max(200),
});
export type ChatTurnRequest = z.infer<typeof chatTurnRequestSchema>;

export const chatTurnResponseSchema = z.object({
  version: version1,
  turnId: uuidSchema,
  sessionId: uuidSchema,
  messageId: uuidSchema,
  content: z.string(),
  finishReason: z.enum(['stop', 'length', 'cancelled']),
  signals: z.array(signalSchema),
  actions: z.array(actionSchema),
  usage: usageSchema,
});
export type ChatTurnResponse = z.infer<typeof chatTurnResponseSchema>;

/** gateway -> chat: run one turn. The reply arrives after the done frame when streaming. */
export const ChatTurnRpc = defineRpc(RPC_SUBJECTS.chatTurn, chatTurnRequestSchema, chatTurnResponseSchema);
