import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, version1 } from '../common/primitives.schema';
import { fieldIssueSchema } from '../common/reply-envelope.schema';

/**
 * Why a consumer gave up on a message:
 * - `schema`: the payload failed its contract (poison message, never retried);
 * - `unknown_subject`: no contract handles this subject;
 * - `permanent`: the handler threw a PermanentError;
 * - `max_deliver`: every allowed delivery failed; `message` is the last error.
 */
export const deadLetterReasonSchema = z.object({
  kind: z.enum(['schema', 'unknown_subject', 'permanent', 'max_deliver']),
  message: z.string().max(2000),
  errorCode: z.string().max(100).nullable(),
  issues: z.array(fieldIssueSchema).optional(),
});
export type DeadLetterReason = z.infer<typeof deadLetterReasonSchema>;

/** Body of a message on dlq.<consumer>: the original message, verbatim, plus the reason. */
export const deadLetterSchema = z.object({
  version: version1,
  consumer: z.string().min(1),
  stream: z.string().min(1),
  streamSequence: z.int().nonnegative(),
  /** The original subject without any namespace prefix. */
  originalSubject: z.string().min(1),
  tenantId: tenantIdSchema.nullable(),
  msgId: z.string().nullable(),
  deliveryCount: z.int().nonnegative(),
  headers: z.record(z.string(), z.array(z.string())),
  payload: z.string(),
  payloadEncoding: z.enum(['utf8', 'base64']),
  reason: deadLetterReasonSchema,
  deadLetteredAt: isoDateTimeSchema,
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;
