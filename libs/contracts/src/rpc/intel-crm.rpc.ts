import { z } from 'zod';
import { isoDateTimeSchema, sentimentLabelSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import { actorSchema } from './tenant.schema';

// The tenant's CRM as tenant-intelligence serves it to the gateway (staff JWT or API key of
// that tenant; the tenant id always comes from the caller's credential, never from input).

export const intentSchema = z.enum(['enquiry', 'booking', 'complaint', 'support', 'pricing', 'cancellation', 'other']);
export type Intent = z.infer<typeof intentSchema>;

const provenanceSchema = z.object({
  value: z.string(),
  sourceMessageId: uuidSchema.nullable(),
  confidence: z.number().min(0).max(1),
  correction: z.boolean(),
  observedAt: isoDateTimeSchema,
});

/**
 * Another contact of the tenant that may be the same person: it matched an identifier (a shared
 * phone number) but a field conflicts, so the two were kept apart. Current values of that contact.
 */
export const possibleDuplicateSchema = z.object({
  contactId: uuidSchema,
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Why they were kept apart, in words ("Same phone number; the name and email differ"). */
  reason: z.string(),
});
export type PossibleDuplicate = z.infer<typeof possibleDuplicateSchema>;

export const contactViewSchema = z.object({
  id: uuidSchema,
  externalUserId: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Where each field's value came from and how sure the extractor was. */
  fields: z.partialRecord(z.enum(['name', 'email', 'phone']), provenanceSchema),
  preferences: z.array(z.object({ kind: z.string(), value: z.string(), sourceMessageId: uuidSchema.nullable() })),
  firstSeenAt: isoDateTimeSchema,
  lastSeenAt: isoDateTimeSchema,
  interactionCount: z.int().nonnegative(),
  /** Contacts kept apart from this one that staff may merge into it (only ones that still exist). */
  possibleDuplicates: z.array(possibleDuplicateSchema),
});
export type ContactView = z.infer<typeof contactViewSchema>;

export const interactionViewSchema = z.object({
  id: uuidSchema,
  contactId: uuidSchema.nullable(),
  sessionId: uuidSchema.nullable(),
  intent: intentSchema.nullable(),
  sentiment: sentimentLabelSchema.nullable(),
  sentimentScore: z.number().min(-1).max(1).nullable(),
  products: z.array(z.string()),
  lead: z.boolean(),
  entities: z.array(z.object({ type: z.string(), value: z.string() })),
  occurredAt: isoDateTimeSchema,
});
export type InteractionView = z.infer<typeof interactionViewSchema>;

export const ContactListRpc = defineRpc(
  RPC_SUBJECTS.intelContactList,
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    /** Matches name, email or phone (case-insensitive substring). */
    search: z.string().trim().min(1).max(200).optional(),
    intent: intentSchema.optional(),
    lead: z.boolean().optional(),
    seenSince: isoDateTimeSchema.optional(),
    limit: z.int().min(1).max(100),
    cursor: z.string().max(200).nullable(),
  }),
  z.object({ version: version1, items: z.array(contactViewSchema), nextCursor: z.string().nullable() }),
);

export const ContactGetRpc = defineRpc(
  RPC_SUBJECTS.intelContactGet,
  z.object({ version: version1, tenantId: tenantIdSchema, contactId: uuidSchema }),
  z.object({ version: version1, contact: contactViewSchema, timeline: z.array(interactionViewSchema) }),
);

/** Erases the contact and pseudonymizes their messages (right to erasure). */
export const ContactEraseRpc = defineRpc(
  RPC_SUBJECTS.intelContactErase,
  z.object({ version: version1, actor: actorSchema, tenantId: tenantIdSchema, contactId: uuidSchema }),
  z.object({ version: version1, contactId: uuidSchema, messagesPseudonymized: z.int().nonnegative(), sessions: z.int().nonnegative() }),
);

/**
 * Merges `duplicateId` into `contactId` (the one kept): sessions, interactions and summaries move,
 * field records merge (earlier values stay in the history), identifiers the kept contact lacks are
 * carried over, the duplicate is deleted. NOT_FOUND when either is unknown in the tenant (or was
 * merged or erased meanwhile), VALIDATION when they are the same contact. Audited.
 */
export const ContactMergeRpc = defineRpc(
  RPC_SUBJECTS.intelContactMerge,
  z.object({ version: version1, actor: actorSchema, tenantId: tenantIdSchema, contactId: uuidSchema, duplicateId: uuidSchema }),
  z.object({
    version: version1,
    contact: contactViewSchema,
    duplicateId: uuidSchema,
    moved: z.object({ sessions: z.int().nonnegative(), interactions: z.int().nonnegative(), summaries: z.int().nonnegative() }),
  }),
);

/** Everything held about a contact (right of access). */
export const ContactExportRpc = defineRpc(
  RPC_SUBJECTS.intelContactExport,
  z.object({ version: version1, actor: actorSchema, tenantId: tenantIdSchema, contactId: uuidSchema }),
  z.object({
    version: version1,
    exportedAt: isoDateTimeSchema,
    contact: contactViewSchema,
    interactions: z.array(interactionViewSchema),
    sessions: z.array(
      z.object({
        id: uuidSchema,
        startedAt: isoDateTimeSchema,
        closedAt: isoDateTimeSchema.nullable(),
        messages: z.array(z.object({ id: uuidSchema, role: z.string(), content: z.string(), createdAt: isoDateTimeSchema })),
        summary: z.string().nullable(),
      }),
    ),
  }),
);

export const InteractionListRpc = defineRpc(
  RPC_SUBJECTS.intelInteractionList,
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    contactId: uuidSchema.optional(),
    intent: intentSchema.optional(),
    lead: z.boolean().optional(),
    limit: z.int().min(1).max(100),
    cursor: z.string().max(200).nullable(),
  }),
  z.object({ version: version1, items: z.array(interactionViewSchema), nextCursor: z.string().nullable() }),
);

export const sessionSummaryViewSchema = z.object({
  sessionId: uuidSchema,
  contactId: uuidSchema.nullable(),
  outcome: z.enum(['resolved', 'unresolved', 'needs_follow_up']),
  summary: z.string(),
  topics: z.array(z.string()),
  unmetNeeds: z.array(z.string()),
  sentimentStart: z.number().min(-1).max(1).nullable(),
  sentimentEnd: z.number().min(-1).max(1).nullable(),
  followUps: z.array(z.object({ action: z.string(), due: z.string().nullable() })),
  generatedBy: z.enum(['deterministic', 'llm']),
  createdAt: isoDateTimeSchema,
});
export type SessionSummaryView = z.infer<typeof sessionSummaryViewSchema>;

/** NOT_FOUND until the session is closed and summarised. */
export const SessionSummaryGetRpc = defineRpc(
  RPC_SUBJECTS.intelSessionSummaryGet,
  z.object({ version: version1, tenantId: tenantIdSchema, sessionId: uuidSchema }),
  z.object({ version: version1, summary: sessionSummaryViewSchema }),
);
