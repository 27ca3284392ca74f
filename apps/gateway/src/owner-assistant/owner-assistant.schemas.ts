import { z } from 'zod';
import { userTextSchema } from '../chat/dto/text-input.schema';

/** POST /api/v1/admin/assistant. The length limit (GATEWAY_MAX_MESSAGE_CHARS) answers 413, checked after this schema. */
export const ownerAssistantRequestSchema = z
  .object({
    conversation_id: z.uuid().optional().meta({ description: 'The conversation to continue (omit to start one; the answer names it).' }),
    message: userTextSchema.meta({ description: 'What the owner asks, in plain English.' }),
    stream: z.boolean().optional().meta({ description: 'Answer as SSE (same as `Accept: text/event-stream`).' }),
  })
  .strict()
  .meta({ id: 'OwnerAssistantRequest' });
export type OwnerAssistantRequestBody = z.output<typeof ownerAssistantRequestSchema>;

export const ownerAssistantOperationViewSchema = z
  .object({
    kind: z.string(),
    status: z.enum(['proposed', 'performed', 'failed', 'cancelled', 'read', 'asked']),
    tenant_id: z.uuid().nullable(),
    summary: z.string(),
    proposal_id: z.uuid().optional(),
    result: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'OwnerAssistantOperation' });

export const ownerAssistantAnswerSchema = z
  .object({
    conversation_id: z.uuid(),
    answer: z.string(),
    operations: z.array(ownerAssistantOperationViewSchema),
    pending_proposal: z.object({ id: z.uuid(), summary: z.string() }).nullable(),
  })
  .meta({ id: 'OwnerAssistantAnswer' });
