import { z } from 'zod';
import { errorCodeSchema } from './error-code';

/** One offending field: `path` is dotted (`patch.contactEmail`, `items.0.id`). */
export const fieldIssueSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const errorBodySchema = z.object({
  code: errorCodeSchema,
  message: z.string().max(2000),
  details: z
    .object({ issues: z.array(fieldIssueSchema).optional() })
    .catchall(z.unknown())
    .optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const failureReplySchema = z.object({ ok: z.literal(false), error: errorBodySchema });
export type FailureReply = z.infer<typeof failureReplySchema>;

/** The reply of every RPC: `{ ok: true, data } | { ok: false, error: { code, message, details? } }`. */
export function replyEnvelopeSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), failureReplySchema]);
}
export type ReplyEnvelope<T> = { ok: true; data: T } | FailureReply;
