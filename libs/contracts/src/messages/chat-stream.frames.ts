import { z } from 'zod';
import { actionSchema, signalSchema, tenantIdSchema, usageSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { errorBodySchema } from '../common/reply-envelope.schema';
import { defineMessage } from '../contract.types';
import { chatCancelSubject, chatStreamSubject } from '../subjects';

// Frames of one turn on chat.stream.<turnId>, mirroring the SSE frames of ARCHITECTURE.md.
// `seq` starts at 0 and increases by one so the gateway can detect a gap (NATS core drops
// messages for slow consumers). The error frame carries a service error body (code, message);
// the gateway maps it to an RFC 9457 problem like any other error code.

const frameBase = { version: version1, seq: z.int().nonnegative() };

export const signalFrameSchema = z.object({ ...frameBase, type: z.literal('signal'), signals: z.array(signalSchema).min(1) });
export const tokenFrameSchema = z.object({ ...frameBase, type: z.literal('token'), content: z.string() });
export const actionFrameSchema = z.object({ ...frameBase, type: z.literal('action'), action: actionSchema });
/** A data tool (live shop data) starting or ending during the answer; never its arguments or result. */
export const toolCallSchema = z.object({
  call_id: z.string().min(1).max(200),
  name: z.string().min(1).max(64),
  phase: z.enum(['started', 'finished']),
  /** Only when finished. */
  outcome: z.enum(['ok', 'failed']).optional(),
});
export type ToolCallFrameBody = z.infer<typeof toolCallSchema>;
export const toolFrameSchema = z.object({ ...frameBase, type: z.literal('tool'), tool: toolCallSchema });
export const doneFrameSchema = z.object({ ...frameBase, type: z.literal('done'), message_id: uuidSchema, usage: usageSchema });
export const errorFrameSchema = z.object({ ...frameBase, type: z.literal('error'), error: errorBodySchema });

export const chatStreamFrameSchema = z.discriminatedUnion('type', [
  signalFrameSchema,
  tokenFrameSchema,
  actionFrameSchema,
  toolFrameSchema,
  doneFrameSchema,
  errorFrameSchema,
]);
export type ChatStreamFrame = z.infer<typeof chatStreamFrameSchema>;

/** Frames that end a turn's stream: exactly one of them is the last frame. */
export function isTerminalFrame(frame: ChatStreamFrame): boolean {
  return frame.type === 'done' || frame.type === 'error';
}

export const ChatStreamFrameMessage = defineMessage('chat.stream', chatStreamSubject, chatStreamFrameSchema);

export const chatCancelSchema = z.object({
  version: version1,
  tenantId: tenantIdSchema,
  turnId: uuidSchema,
  reason: z.enum(['client_disconnected', 'timeout']),
});
export type ChatCancel = z.infer<typeof chatCancelSchema>;

/** The gateway asks chat to stop generating a turn whose client went away. */
export const ChatCancelMessage = defineMessage('chat.cancel', chatCancelSubject, chatCancelSchema);
