import { z } from 'zod';
import { tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import {
  actorSchema,
  issuedApiKeySchema,
  tenantConfigSchema,
  tenantPlanSchema,
  tenantSchema,
  tenantSlugSchema,
  tenantStatusSchema,
} from './tenant.schema';

const tenantReply = z.object({ version: version1, tenant: tenantSchema });

export const TenantCreateRpc = defineRpc(
  RPC_SUBJECTS.tenantCreate,
  z.object({
    version: version1,
    actor: actorSchema,
    name: z.string().min(1).max(200),
    slug: tenantSlugSchema,
    plan: tenantPlanSchema,
    contactEmail: z.email(),
    config: tenantConfigSchema.partial().optional(),
  }),
  z.object({ version: version1, tenant: tenantSchema, apiKey: issuedApiKeySchema }),
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

export const TenantGetRpc = defineRpc(
  RPC_SUBJECTS.tenantGet,
  z.object({ version: version1, tenantId: tenantIdSchema }),
  tenantReply,
);

export const TenantUpdateRpc = defineRpc(
  RPC_SUBJECTS.tenantUpdate,
  z.object({
    version: version1,
    actor: actorSchema,
    tenantId: tenantIdSchema,
    patch: z
      .object({
        name: z.string().min(1).max(200).optional(),
        contactEmail: z.email().optional(),
        plan: tenantPlanSchema.optional(),
        config: tenantConfigSchema.partial().optional(),
      })
      .refine((patch) => Object.values(patch).some((v) => v !== undefined), 'patch must change at least one field'),
  }),
  tenantReply,
);

export const TenantDeactivateRpc = defineRpc(
  RPC_SUBJECTS.tenantDeactivate,
  z.object({ version: version1, actor: actorSchema, tenantId: tenantIdSchema, reason: z.string().min(1).max(500) }),
  tenantReply,
);

export const TenantRotateKeyRpc = defineRpc(
  RPC_SUBJECTS.tenantRotateKey,
  z.object({
    version: version1,
    actor: actorSchema,
    tenantId: tenantIdSchema,
    /** Keys to revoke; omitted: every active key of the tenant. */
    revokeKeyIds: z.array(uuidSchema).max(100).optional(),
  }),
  z.object({ version: version1, apiKey: issuedApiKeySchema, revokedKeyIds: z.array(uuidSchema) }),
);

export const TenantConfigGetRpc = defineRpc(
  RPC_SUBJECTS.tenantConfigGet,
  z.object({ version: version1, tenantId: tenantIdSchema }),
  z.object({ version: version1, tenantId: tenantIdSchema, status: tenantStatusSchema, config: tenantConfigSchema }),
);
