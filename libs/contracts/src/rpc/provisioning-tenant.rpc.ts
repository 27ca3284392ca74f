import { z } from 'zod';
import { tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import { planSchema } from './plans.rpc';
import {
  actorSchema,
  apiKeySummarySchema,
  issuedApiKeySchema,
  tenantConfigSchema,
  tenantKindSchema,
  tenantSchema,
  tenantSlugSchema,
  tenantStatusSchema,
  timeZoneSchema,
  webOriginSchema,
} from './tenant.schema';

const tenantWithConfig = tenantSchema.extend({ config: tenantConfigSchema });
const tenantReply = z.object({ version: version1, tenant: tenantWithConfig });
export type TenantWithConfig = z.infer<typeof tenantWithConfig>;
export const tenantWithConfigSchema = tenantWithConfig;

/** Partial config for create/update; `escalation` and `llm` replace as a whole when given. */
export const tenantConfigPatchSchema = tenantConfigSchema.partial();
export type TenantConfigPatch = z.infer<typeof tenantConfigPatchSchema>;

export const TenantCreateRpc = defineRpc(
  RPC_SUBJECTS.tenantCreate,
  z.object({
    version: version1,
    actor: actorSchema,
    displayName: z.string().trim().min(1).max(200),
    slug: tenantSlugSchema,
    kind: tenantKindSchema,
    timezone: timeZoneSchema,
    /** The tenant's website: becomes the only allowed CORS origin unless config.allowedOrigins is given. */
    domain: webOriginSchema.nullable(),
    config: tenantConfigPatchSchema.optional(),
    /** Optional first staff user (tenant_admin). */
    admin: z
      .object({ email: z.email().max(320), password: z.string().min(12).max(72), displayName: z.string().max(200).optional() })
      .optional(),
  }),
  z.object({ version: version1, tenant: tenantWithConfig, apiKey: issuedApiKeySchema }),
);

export const TenantListRpc = defineRpc(
  RPC_SUBJECTS.tenantList,
  z.object({
    version: version1,
    limit: z.int().min(1).max(100),
    cursor: z.string().max(200).nullable(),
    status: tenantStatusSchema.optional(),
    search: z.string().min(1).max(200).optional(),
  }),
  z.object({ version: version1, items: z.array(tenantSchema), nextCursor: z.string().nullable() }),
);

export const TenantGetRpc = defineRpc(RPC_SUBJECTS.tenantGet, z.object({ version: version1, tenantId: tenantIdSchema }), tenantReply);

export const TenantUpdateRpc = defineRpc(
  RPC_SUBJECTS.tenantUpdate,
  z.object({
    version: version1,
    actor: actorSchema,
    tenantId: tenantIdSchema,
    patch: z
      .object({
        displayName: z.string().trim().min(1).max(200).optional(),
        kind: tenantKindSchema.optional(),
        timezone: timeZoneSchema.optional(),
        config: tenantConfigPatchSchema.optional(),
      })
      .refine((patch) => Object.values(patch).some((v) => v !== undefined), 'patch must change at least one field'),
  }),
  tenantReply,
);

export const TenantDeactivateRpc = defineRpc(
  RPC_SUBJECTS.tenantDeactivate,
  z.object({ version: version1, actor: actorSchema, tenantId: tenantIdSchema, reason: z.string().trim().min(1).max(500) }),
  tenantReply,
);

/**
 * Resumes a deactivated (paused) tenant: status active again, its API keys, site keys and
 * sessions work again. Emits evt.tenant.updated with changedFields ['status'].
 * CONFLICT when the tenant is already active.
 */
export const TenantReactivateRpc = defineRpc(
  RPC_SUBJECTS.tenantReactivate,
  z.object({ version: version1, actor: actorSchema, tenantId: tenantIdSchema }),
  tenantReply,
);

export const TenantRotateKeyRpc = defineRpc(
  RPC_SUBJECTS.tenantRotateKey,
  z.object({
    version: version1,
    actor: actorSchema,
    tenantId: tenantIdSchema,
    /** Keys to retire; omitted: every active key of the tenant. */
    revokeKeyIds: z.array(uuidSchema).max(100).optional(),
    /** 0: the old keys stop working now; otherwise they keep working this many seconds. */
    graceSeconds: z
      .int()
      .min(0)
      .max(30 * 24 * 3600),
  }),
  z.object({
    version: version1,
    apiKey: issuedApiKeySchema,
    /** Keys retired: revoked now (grace 0) or expiring at `retiresAt`. */
    retiredKeyIds: z.array(uuidSchema),
    retiresAt: z.iso.datetime({ offset: true }),
  }),
);

export const TenantKeyListRpc = defineRpc(
  RPC_SUBJECTS.tenantKeyList,
  z.object({ version: version1, tenantId: tenantIdSchema }),
  z.object({ version: version1, items: z.array(apiKeySummarySchema) }),
);

export const TenantConfigGetRpc = defineRpc(
  RPC_SUBJECTS.tenantConfigGet,
  z.object({ version: version1, tenantId: tenantIdSchema }),
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    status: tenantStatusSchema,
    displayName: z.string(),
    timezone: timeZoneSchema,
    config: tenantConfigSchema,
    /** The tenant's billing plan (ADR 0025); null or absent: no plan (unlimited, not invoiced). */
    plan: planSchema.nullable().optional(),
  }),
);
