import { z } from 'zod';
import { actionSchema, signalSchema, usageSchema } from '@parley/contracts';
import { INVALID_TEXT_MESSAGE, isCleanText, userTextSchema } from './text-input.schema';

/** POST /api/v1/chat. The message length limit (GATEWAY_MAX_MESSAGE_CHARS) answers 413, so it is checked after this schema. */
export const chatRequestSchema = z
  .object({
    message: userTextSchema.meta({ description: "The visitor's message." }),
    stream: z.boolean().optional().meta({ description: 'Answer as SSE (same as `Accept: text/event-stream`).' }),
    session_id: z
      .uuid()
      .optional()
      .meta({
        description:
          "The session to chat in: required with an end user's token of the tenant's identity provider (a session opened with it); " +
          'a session token chats in its own session.',
      }),
  })
  .strict()
  .meta({ id: 'ChatRequest' });
export type ChatRequest = z.output<typeof chatRequestSchema>;

export const chatAnswerSchema = z
  .object({
    message_id: z.uuid(),
    content: z.string(),
    signals: z.array(signalSchema),
    actions: z.array(actionSchema),
    usage: usageSchema,
  })
  .meta({ id: 'ChatAnswer' });
export type ChatAnswer = z.output<typeof chatAnswerSchema>;

/** GET /api/v1/chat/history. No schema id: query schemas must stay inline for Swagger to list their parameters. */
export const chatHistoryQuerySchema = z
  .object({
    session_id: z.uuid().optional().meta({
      description:
        "Required with an API key, a staff token or an identity provider's end-user token (its own sessions only); a session token reads its own session.",
    }),
    cursor: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

/** POST /api/v1/chat/feedback. */
export const chatFeedbackSchema = z
  .object({
    message_id: z.uuid(),
    rating: z.union([z.literal(1), z.literal(-1)]),
    comment: z.string().trim().max(2000).refine(isCleanText, INVALID_TEXT_MESSAGE).optional(),
  })
  .strict()
  .meta({ id: 'ChatFeedbackRequest' });
