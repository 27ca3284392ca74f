import { z } from 'zod';
import { tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import { staffRoleSchema, staffUserSchema } from '../rpc/provisioning-auth.rpc';
import { actorSchema } from '../rpc/tenant.schema';

// Revocation of staff tokens (issue 18 point 3, docs/adr/0024): every change that must end the
// user's existing tokens (disabled, password changed, role changed) bumps tenant_users.token_version
// in the same transaction, and publishes evt.tenant.updated with changedFields ['users'].

/**
 * A tenant admin (or the owner) changes a staff user: role, status, password. NOT_FOUND for an
 * unknown user or one of another tenant. Any change bumps the user's token version.
 */
export const StaffUserUpdateRpc = defineRpc(
  RPC_SUBJECTS.staffUserUpdate,
  z.object({
    version: version1,
    actor: actorSchema,
    tenantId: tenantIdSchema,
    userId: uuidSchema,
    patch: z
      .object({
        role: staffRoleSchema.optional(),
        status: z.enum(['active', 'disabled']).optional(),
        password: z.string().min(12).max(72).optional(),
        displayName: z.string().max(200).optional(),
      })
      .strict()
      .refine((p) => Object.keys(p).length > 0, 'change at least one field'),
  }),
  z.object({ version: version1, user: staffUserSchema.extend({ tokenVersion: z.number().int().min(0) }) }),
);

/** What the gateway checks a staff token against (cached a few seconds). NOT_FOUND: no such user. */
export const UserTokenStateRpc = defineRpc(
  RPC_SUBJECTS.userTokenState,
  z.object({ version: version1, tenantId: tenantIdSchema, userId: uuidSchema }),
  z.object({
    version: version1,
    userId: uuidSchema,
    role: staffRoleSchema,
    status: z.enum(['active', 'disabled']),
    tokenVersion: z.number().int().min(0),
  }),
);

/** Field names of evt.tenant.updated's changedFields for these changes. */
export const TENANT_UPDATED_FIELDS = { users: 'users', identityProviders: 'identity_providers' } as const;
