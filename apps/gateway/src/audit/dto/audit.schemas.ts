import { AUDIT_PAGE_MAX, type AuditEntryView, type AuditFilter } from '@parley/contracts';
import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });

/** Filters shared by the listing and the export (snake_case, unknown parameters refused). */
const filterShape = {
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)*(\.\*)?$/, 'must be an action such as chat.turn, or a prefix such as handoff.*')
    .max(100)
    .optional()
    .meta({ description: 'Exact action (`chat.turn`) or every action under a prefix (`handoff.*`).' }),
  actor_id: z.string().min(1).max(100).optional().meta({ description: 'User, API key or session id that acted.' }),
  target_id: z.string().min(1).max(200).optional().meta({ description: 'Id of what was acted on (tenant, user, contact, channel...).' }),
  session_id: z.uuid().optional().meta({ description: "A chat session's rows (its turns, handoff replies): target_type chat_session." }),
  from: isoDateTime.optional().meta({ description: 'Inclusive lower bound of created_at (ISO 8601 with offset).' }),
  to: isoDateTime.optional().meta({ description: 'Exclusive upper bound of created_at (ISO 8601 with offset).' }),
};

function refineFilters(q: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (q.from !== undefined && q.to !== undefined && Date.parse(q.from) >= Date.parse(q.to))
    ctx.addIssue({ code: 'custom', path: ['from'], message: `from (${q.from}) must be before to (${q.to})` });
}

/** The owner's extra filter: one tenant's chain, or `platform` for the rows with no tenant. */
const ownerShape = {
  tenant_id: z
    .union([z.uuid(), z.literal('platform')])
    .optional()
    .meta({ description: "One tenant's rows, or `platform` for the rows with no tenant (owner logins, unknown emails)." }),
};

const pageShape = {
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'must be a next_cursor of an earlier page')
    .max(200)
    .optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
};

export const auditListQuerySchema = z
  .object({ ...filterShape, ...pageShape })
  .strict()
  .superRefine(refineFilters);
export const auditExportQuerySchema = z.object(filterShape).strict().superRefine(refineFilters);
export const ownerAuditListQuerySchema = z
  .object({ ...filterShape, ...ownerShape, ...pageShape })
  .strict()
  .superRefine(refineFilters);
export const ownerAuditExportQuerySchema = z
  .object({ ...filterShape, ...ownerShape })
  .strict()
  .superRefine(refineFilters);
export const auditVerifyQuerySchema = z
  .object({ tenant_id: z.uuid().optional().meta({ description: "Walk only this tenant's chain." }) })
  .strict();

export type AuditListQuery = z.output<typeof auditListQuerySchema>;
export type OwnerAuditListQuery = z.output<typeof ownerAuditListQuerySchema>;

/** The contract's filter from the HTTP query. */
export function toAuditFilter(q: z.output<typeof auditExportQuerySchema>): AuditFilter {
  return {
    ...(q.action !== undefined ? { action: q.action } : {}),
    ...(q.actor_id !== undefined ? { actorId: q.actor_id } : {}),
    ...(q.session_id !== undefined ? { sessionId: q.session_id } : {}),
    ...(q.target_id !== undefined ? { targetId: q.target_id } : {}),
    ...(q.from !== undefined ? { from: q.from } : {}),
    ...(q.to !== undefined ? { to: q.to } : {}),
  };
}

export const auditEntryHttpSchema = z
  .object({
    id: z.uuid(),
    tenant_id: z.uuid().nullable().meta({ description: 'null: the platform chain.' }),
    seq: z.string().meta({ description: "Position in its chain (the tenant's, or the platform's), from 1." }),
    actor_type: z.string().meta({ description: 'owner | tenant_user | api_key | system | session | anonymous' }),
    actor_id: z.string().nullable(),
    action: z.string(),
    target_type: z.string().nullable(),
    target_id: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).meta({ description: 'Ids, counts and field names; never message content or personal data.' }),
    request_id: z.string().nullable(),
    created_at: isoDateTime,
    prev_hash: z.string(),
    hash: z.string().meta({ description: 'sha256 over the row and prev_hash (docs/adr/0023-audit-trail.md).' }),
  })
  .meta({ id: 'AuditEntry' });

export const auditPageSchema = z
  .object({ items: z.array(auditEntryHttpSchema), next_cursor: z.string().nullable() })
  .meta({ id: 'AuditPage' });

export const auditVerifyResponseSchema = z
  .object({
    ok: z.boolean(),
    chains: z.int(),
    rows: z.int(),
    breaks: z.array(
      z.object({
        chain_id: z.uuid().meta({ description: 'The tenant id, or the all-zero uuid for the platform chain.' }),
        row_id: z.uuid().nullable(),
        seq: z.string(),
        reason: z.string(),
        detail: z.string(),
      }),
    ),
  })
  .meta({ id: 'AuditVerifyReport' });

export function toAuditEntryHttp(e: AuditEntryView): z.output<typeof auditEntryHttpSchema> {
  return {
    id: e.id,
    tenant_id: e.tenantId,
    seq: e.seq,
    actor_type: e.actorType,
    actor_id: e.actorId,
    action: e.action,
    target_type: e.targetType,
    target_id: e.targetId,
    data: e.data,
    request_id: e.requestId,
    created_at: e.createdAt,
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}
