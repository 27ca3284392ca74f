import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import { actorSchema, tenantStatusSchema } from './tenant.schema';

/**
 * The gateway resolves `X-API-Key: sk_live_<prefix><secret>` by prefix, verifies the bcrypt
 * hash itself and caches the verdict, so bcrypt is not paid on every request and the
 * plaintext key never crosses the bus. NOT_FOUND when no key has this prefix. Provisioning
 * records last_used_at (at most once a minute per key).
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
      /** A key past this time is no longer valid (rotation grace period over). */
      expiresAt: isoDateTimeSchema.nullable(),
    }),
    tenantStatus: tenantStatusSchema,
  }),
);

export const userRoleSchema = z.enum(['owner', 'tenant_admin', 'tenant_agent']);
export type UserRole = z.infer<typeof userRoleSchema>;
export const staffRoleSchema = z.enum(['tenant_admin', 'tenant_agent']);

/**
 * Login: the gateway verifies the password hash and signs the JWT. Owners (platform_users)
 * and tenant staff (tenant_users) share one email namespace. NOT_FOUND for an unknown email.
 */
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
      /** tenant_users.token_version (staff), carried in the user JWT; absent from older providers: 0. */
      tokenVersion: z.number().int().min(0).optional(),
    }),
    tenantStatus: tenantStatusSchema.nullable(),
  }),
);

/** Records a successful login (last_login_at) after the gateway verified the password. */
export const UserLoginRecordedRpc = defineRpc(
  RPC_SUBJECTS.userLoginRecorded,
  z
    .object({ version: version1, userId: uuidSchema, role: userRoleSchema, tenantId: tenantIdSchema.nullable() })
    .refine((r) => (r.role === 'owner') === (r.tenantId === null), {
      message: 'staff logins carry their tenant id, the owner none',
      path: ['tenantId'],
    }),
  z.object({ version: version1, userId: uuidSchema, lastLoginAt: isoDateTimeSchema }),
);

export const staffUserSchema = z.object({
  id: uuidSchema,
  tenantId: tenantIdSchema,
  email: z.email(),
  displayName: z.string(),
  role: staffRoleSchema,
  status: z.enum(['active', 'disabled']),
  createdAt: isoDateTimeSchema,
});
export type StaffUser = z.infer<typeof staffUserSchema>;

/** The owner (or a tenant_admin of that tenant) adds a staff user. CONFLICT when the email is taken. */
export const StaffUserCreateRpc = defineRpc(
  RPC_SUBJECTS.staffUserCreate,
  z.object({
    version: version1,
    actor: actorSchema,
    tenantId: tenantIdSchema,
    email: z.email().max(320),
    password: z.string().min(12).max(72),
    displayName: z.string().max(200).optional(),
    role: staffRoleSchema,
  }),
  z.object({ version: version1, user: staffUserSchema }),
);

/** A staff user as listed to the tenant's admins: never the password hash. */
export const staffUserListItemSchema = staffUserSchema.extend({ lastLoginAt: isoDateTimeSchema.nullable() });
export type StaffUserListItem = z.infer<typeof staffUserListItemSchema>;

/** The staff of one tenant, oldest first (a tenant has a handful; at most 500 are returned). */
export const StaffUserListRpc = defineRpc(
  RPC_SUBJECTS.staffUserList,
  z.object({ version: version1, tenantId: tenantIdSchema }),
  z.object({ version: version1, items: z.array(staffUserListItemSchema) }),
);
