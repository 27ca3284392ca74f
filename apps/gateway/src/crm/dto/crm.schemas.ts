import { z } from 'zod';
import { contactViewSchema, intentSchema, interactionViewSchema, sessionSummaryViewSchema } from '@parley/contracts';

const limit = z.coerce.number().int().min(1).max(100).default(20);
const cursor = z.string().min(1).max(200).optional();
const booleanParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listContactsQuerySchema = z
  .object({
    search: z.string().trim().min(1).max(200).optional().meta({ description: 'Case-insensitive match on name, email or phone.' }),
    intent: intentSchema.optional(),
    lead: booleanParam.optional().meta({ description: 'Only contacts with (true) or without (false) a purchase-intent conversation.' }),
    seen_since: z.iso.datetime({ offset: true }).optional(),
    cursor,
    limit,
  })
  .strict();

export const listInteractionsQuerySchema = z
  .object({ contact_id: z.uuid().optional(), intent: intentSchema.optional(), lead: booleanParam.optional(), cursor, limit })
  .strict();

export const idParamSchema = z.uuid();

export const contactPageSchema = z
  .object({ items: z.array(contactViewSchema), next_cursor: z.string().nullable() })
  .meta({ id: 'ContactPage' });
export const contactDetailSchema = z
  .object({ contact: contactViewSchema, timeline: z.array(interactionViewSchema) })
  .meta({ id: 'ContactDetail' });
export const interactionPageSchema = z
  .object({ items: z.array(interactionViewSchema), next_cursor: z.string().nullable() })
  .meta({ id: 'InteractionPage' });
export const erasedContactSchema = z
  .object({ contact_id: z.uuid(), messages_pseudonymized: z.int(), sessions: z.int() })
  .meta({ id: 'ErasedContact' });
export const mergeContactBodySchema = z
  .object({
    duplicate_id: z.uuid().meta({ description: 'The contact merged into the one in the path (it is deleted).' }),
  })
  .strict()
  .meta({ id: 'MergeContactBody' });
export type MergeContactBody = z.output<typeof mergeContactBodySchema>;
export const mergedContactSchema = z
  .object({
    contact: contactViewSchema,
    duplicate_id: z.uuid(),
    moved: z.object({ sessions: z.int(), interactions: z.int(), summaries: z.int() }),
  })
  .meta({ id: 'MergedContact' });
export const sessionSummarySchema = z.object({ summary: sessionSummaryViewSchema }).meta({ id: 'SessionSummary' });
