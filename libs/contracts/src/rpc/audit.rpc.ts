import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import { userRoleSchema } from './provisioning-auth.rpc';

// The audit trail (audit_log: append-only hash chains, docs/adr/0023-audit-trail.md) as
// client-insights serves it: tenant admins read their own tenant's chain (the tenant id comes
// from the credential), the owner reads every chain (analytics role) and verifies them.

export const auditActorTypeSchema = z.enum(['owner', 'tenant_user', 'api_key', 'system', 'session', 'anonymous']);

/** One audit row. `data` holds ids, counts and field names: never message content, secrets or personal data. */
export const auditEntryViewSchema = z.object({
  id: uuidSchema,
  /** null: the platform chain (owner logins, failed logins of unknown emails, the owner's own channels). */
  tenantId: tenantIdSchema.nullable(),
  seq: z.string().regex(/^\d+$/),
  actorType: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  hash: z.string(),
  prevHash: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

export const AUDIT_PAGE_MAX = 200;

/** Filters of a listing (all optional, combined with AND); `cursor` is the previous page's nextCursor. */
export const auditFilterSchema = z.object({
  action: z.string().min(1).max(100).optional(),
  actorId: z.string().min(1).max(100).optional(),
  targetType: z.string().min(1).max(100).optional(),
  /** Rows whose target is this chat session (its turns, handoff replies); ANDed with targetId like every filter. */
  sessionId: uuidSchema.optional(),
  targetId: z.string().min(1).max(200).optional(),
  /** Inclusive lower bound of created_at. */
  from: isoDateTimeSchema.optional(),
  /** Exclusive upper bound of created_at. */
  to: isoDateTimeSchema.optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/**
 * A page of audit rows, newest first. `tenantId` null with `scope: 'owner'` lists every chain
 * (the platform chain too); the gateway only sends `scope: 'owner'` for the owner's token.
 * VALIDATION for a cursor that is not a previous page's.
 */
export const AuditListRpc = defineRpc(
  RPC_SUBJECTS.auditList,
  z
    .object({
      version: version1,
      scope: z.enum(['tenant', 'owner']),
      tenantId: tenantIdSchema.nullable(),
      /** Owner scope only: just the platform chain (rows with no tenant). */
      platformOnly: z.boolean().optional(),
      filter: auditFilterSchema,
      limit: z.int().min(1).max(AUDIT_PAGE_MAX),
      cursor: z.string().min(1).max(200).optional(),
    })
    .refine((r) => r.scope === 'owner' || r.tenantId !== null, { message: 'a tenant listing names its tenant', path: ['tenantId'] }),
  z.object({ version: version1, items: z.array(auditEntryViewSchema), nextCursor: z.string().nullable() }),
);

export const auditChainBreakSchema = z.object({
  chainId: uuidSchema,
  rowId: uuidSchema.nullable(),
  seq: z.string(),
  reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'seq_gap', 'wrong_chain', 'head_mismatch', 'no_head']),
  detail: z.string(),
});

/** Walks every chain (or one tenant's) and reports the first broken link of each (owner only). */
export const AuditVerifyRpc = defineRpc(
  RPC_SUBJECTS.auditVerify,
  z.object({ version: version1, tenantId: tenantIdSchema.optional() }),
  z.object({
    version: version1,
    ok: z.boolean(),
    chains: z.int().nonnegative(),
    rows: z.int().nonnegative(),
    breaks: z.array(auditChainBreakSchema),
  }),
);

/**
 * A failed login, recorded by provisioning in the audit trail (the gateway verifies passwords).
 * Never the attempted password; a known user by id (in its tenant's chain, or the platform
 * chain for the owner), an unknown email only as its sha256 (platform chain).
 */
export const UserLoginFailedRpc = defineRpc(
  RPC_SUBJECTS.userLoginFailed,
  z
    .object({
      version: version1,
      reason: z.enum(['unknown_email', 'wrong_password', 'user_disabled', 'tenant_deactivated']),
      user: z.object({ id: uuidSchema, role: userRoleSchema, tenantId: tenantIdSchema.nullable() }).nullable(),
      emailSha256: z.string().regex(/^[0-9a-f]{64}$/),
      requestId: z.string().max(200).optional(),
    })
    .refine((r) => (r.user === null) === (r.reason === 'unknown_email'), {
      message: 'an unknown email has no user, a known one has',
      path: ['user'],
    }),
  z.object({ version: version1, recorded: z.literal(true) }),
);
