import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineEvent } from '../contract.types';
import { EVENT_NAMES } from '../subjects';

export const actionRequestedSchema = z.object({
  version: version1,
  tenantId: tenantIdSchema,
  actionId: uuidSchema,
  sessionId: uuidSchema,
  turnId: uuidSchema,
  contactId: uuidSchema.nullable(),
  /** Tool key from the catalog, e.g. `human_handoff`, `callback_request`, `book_appointment`. */
  type: z.string().min(1).max(100),
  label: z.string().min(1).max(500),
  params: z.record(z.string(), z.unknown()),
  occurredAt: isoDateTimeSchema,
});
export type ActionRequested = z.infer<typeof actionRequestedSchema>;

/** A turn triggered an action that needs a human or an integration (handoff, callback...). */
export const ActionRequestedEvent = defineEvent(EVENT_NAMES.actionRequested, actionRequestedSchema);
