import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import { tenantStatusSchema } from './tenant.schema';

/**
 * The gateway resolves `X-API-Key: sk_live_<prefix><secret>` by prefix, verifies the bcrypt
 * hash itself and caches the verdict, so bcrypt is not paid on every request and the
 * plaintext key never crosses the bus. NOT_FOUND when no key has this prefix.
 */
export const ApiKeyLookupRpc = defineRpc(
  RPC_SUBJECTS.apiKeyLookup,
  z.object({ version: version1, prefix: z.string().min(8).max(40) }),
  z.object({
    version: version1,
    apiKey: z.object({
      id: uuidSchema,
      tenantId: tenantIdSchema,
      prefix: z.string(),
      hash: z.string().min(1),
      status: z.enum(['active', 'revoked']),
      expiresAt: isoDateTimeSchema.nullable(),
    }),
    tenantStatus: tenantStatusSchema,
  }),
);

export const userRoleSchema = z.enum(['owner', 'tenant_admin', 'tenant_agent']);
export type UserRole = z.infer<typeof userRoleSchema>;

/** Login: the gateway verifies the password hash and signs the JWT. NOT_FOUND for an unknown email. */
export const UserLookupRpc = defineRpc(
  RPC_SUBJECTS.userLookup,
  z.object({ version: version1, email: z.email().max(320) }),
  z.object({
    version: version1,
    user: z.object({
      id: uuidSchema,
      /** null for the platform owner. */
      tenantId: tenantIdSchema.nullable(),
      email: z.email(),
      passwordHash: z.string().min(1),
      role: userRoleSchema,
      status: z.enum(['active', 'disabled']),
    }),
    tenantStatus: tenantStatusSchema.nullable(),
  }),
);
