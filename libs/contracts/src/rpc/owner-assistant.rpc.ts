import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';

// The owner assistant's conversations (docs/adr/0026-owner-assistant.md). The gateway runs the
// assistant; provisioning keeps each conversation (platform-level table, no tenant) so
// follow-ups and confirmations work across requests and gateway replicas. Every save names the
// revision it read: a stale save is CONFLICT, so one proposal is confirmed at most once.

/** One operation the assistant proposed or performed, as it is stored and shown. */
export const ownerAssistantOperationSchema = z.object({
  kind: z.string().min(1).max(64),
  tenantId: uuidSchema.nullable(),
  args: z.record(z.string(), z.unknown()),
});
export type OwnerAssistantOperation = z.infer<typeof ownerAssistantOperationSchema>;

export const ownerAssistantStateSchema = z.object({
  messages: z.array(z.object({ role: z.enum(['owner', 'assistant']), content: z.string().max(20_000), at: isoDateTimeSchema })).max(40),
  /** The change waiting for the owner's explicit confirmation (the next turn only). */
  pending: z.object({ id: uuidSchema, operation: ownerAssistantOperationSchema, summary: z.string().max(2000) }).nullable(),
  /** A question asked back (which tenant?) and the request it belongs to. */
  clarification: z
    .object({ request: ownerAssistantOperationSchema, candidates: z.array(z.object({ id: uuidSchema, name: z.string() })).max(10) })
    .nullable(),
  /** Tenants the conversation is about (newest first), for "why is he amber?" follow-ups. */
  focusTenantIds: z.array(uuidSchema).max(20),
});
export type OwnerAssistantState = z.infer<typeof ownerAssistantStateSchema>;

export const ownerAssistantConversationSchema = z.object({
  id: uuidSchema,
  ownerId: uuidSchema,
  revision: z.int().min(1),
  state: ownerAssistantStateSchema,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type OwnerAssistantConversation = z.infer<typeof ownerAssistantConversationSchema>;

/** The owner's conversation, or null when it does not exist or is another owner's. */
export const OwnerAssistantLoadRpc = defineRpc(
  RPC_SUBJECTS.ownerAssistantLoad,
  z.object({ version: version1, ownerId: uuidSchema, conversationId: uuidSchema }),
  z.object({ version: version1, conversation: ownerAssistantConversationSchema.nullable() }),
);

/** Creates (expectedRevision 0) or replaces the state of the owner's conversation; CONFLICT when the revision moved on. */
export const OwnerAssistantSaveRpc = defineRpc(
  RPC_SUBJECTS.ownerAssistantSave,
  z.object({
    version: version1,
    ownerId: uuidSchema,
    conversationId: uuidSchema,
    expectedRevision: z.int().min(0),
    state: ownerAssistantStateSchema,
  }),
  z.object({ version: version1, conversation: ownerAssistantConversationSchema }),
);
