import { z } from 'zod';
import { chatMessageViewSchema } from '@parley/contracts';
import { chatAnswerSchema } from '../chat/dto/chat.schemas';
import { userTextSchema } from '../chat/dto/text-input.schema';

/** POST /api/v1/assistant/chat. The length limit (GATEWAY_MAX_MESSAGE_CHARS) answers 413, checked after this schema. */
export const assistantChatRequestSchema = z
  .object({
    message: userTextSchema.meta({ description: "The staff member's message to the tenant's internal assistant." }),
    stream: z.boolean().optional().meta({ description: 'Answer as SSE (same as `Accept: text/event-stream`).' }),
  })
  .strict()
  .meta({ id: 'AssistantChatRequest' });
export type AssistantChatRequest = z.output<typeof assistantChatRequestSchema>;

export const assistantAnswerSchema = chatAnswerSchema
  .extend({ session_id: z.uuid().meta({ description: "The caller's current assistant session." }) })
  .meta({ id: 'AssistantAnswer' });

/** GET /api/v1/assistant/history. Inline (no schema id) so Swagger lists the parameters. */
export const assistantHistoryQuerySchema = z
  .object({
    cursor: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const assistantHistoryPageSchema = z
  .object({ items: z.array(chatMessageViewSchema), next_cursor: z.string().nullable() })
  .meta({ id: 'AssistantHistoryPage' });
