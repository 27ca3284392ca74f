import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import { staffRoleSchema } from '../rpc/provisioning-auth.rpc';
import { actorSchema } from '../rpc/tenant.schema';

// A tenant's external OpenID Connect identity providers (issue 18, docs/adr/0024): the gateway
// verifies their tokens against the JWKS URL, with the issuer and audience registered here.

const url = z.url({ protocol: /^https?$/ }).max(500);

/** A claim name, or a dotted path into nested objects (Keycloak: `realm_access.roles`). */
export const claimPathSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_:-]{1,64}(\.[A-Za-z0-9_:-]{1,64}){0,4}$/, 'a claim name or a dotted path (letters, digits, _ : -)');

export const identityProviderClaimsSchema = z
  .object({
    /** The stable user id (default `sub`). */
    userId: claimPathSchema.default('sub'),
    email: claimPathSchema.default('email'),
    /** An array of role names, or one string (default Keycloak's `realm_access.roles`). */
    roles: claimPathSchema.default('realm_access.roles'),
  })
  .strict();

/** IdP role value -> Parley staff role. A user with none of these roles is an end user (visitor). */
export const roleMappingSchema = z
  .record(z.string().trim().min(1).max(100), staffRoleSchema)
  .refine((m) => Object.keys(m).length <= 50, 'at most 50 role mappings');

export const identityProviderStatusSchema = z.enum(['active', 'disabled']);

export const identityProviderInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** The `iss` of the IdP's tokens, exactly (e.g. https://sso.example.com/realms/shop). Unique on the platform. */
    issuer: url,
    /** The `aud` the tokens must carry (Keycloak: the client id). */
    audience: z.string().trim().min(1).max(200),
    jwksUrl: url,
    claims: identityProviderClaimsSchema.default({ userId: 'sub', email: 'email', roles: 'realm_access.roles' }),
    roleMapping: roleMappingSchema.default({}),
    status: identityProviderStatusSchema.default('active'),
  })
  .strict();
export type IdentityProviderInput = z.infer<typeof identityProviderInputSchema>;

export const identityProviderViewSchema = z.object({
  id: uuidSchema,
  tenantId: tenantIdSchema,
  name: z.string(),
  issuer: z.string(),
  audience: z.string(),
  jwksUrl: z.string(),
  claims: z.object({ userId: z.string(), email: z.string(), roles: z.string() }),
  roleMapping: z.record(z.string(), staffRoleSchema),
  status: identityProviderStatusSchema,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type IdentityProviderView = z.infer<typeof identityProviderViewSchema>;

export const IdentityProviderListRpc = defineRpc(
  RPC_SUBJECTS.identityProviderList,
  z.object({ version: version1, tenantId: tenantIdSchema }),
  z.object({ version: version1, items: z.array(identityProviderViewSchema) }),
);

/** NOT_FOUND for an unknown provider or one of another tenant. */
export const IdentityProviderGetRpc = defineRpc(
  RPC_SUBJECTS.identityProviderGet,
  z.object({ version: version1, tenantId: tenantIdSchema, providerId: uuidSchema }),
  z.object({ version: version1, provider: identityProviderViewSchema }),
);

/** CONFLICT when the issuer is already registered (by any tenant: the issuer names the tenant). */
export const IdentityProviderCreateRpc = defineRpc(
  RPC_SUBJECTS.identityProviderCreate,
  z.object({ version: version1, actor: actorSchema, tenantId: tenantIdSchema, provider: identityProviderInputSchema }),
  z.object({ version: version1, provider: identityProviderViewSchema }),
);

/** Absent fields keep their value; `claims` and `roleMapping`, when given, replace the whole object. */
export const IdentityProviderUpdateRpc = defineRpc(
  RPC_SUBJECTS.identityProviderUpdate,
  z.object({
    version: version1,
    actor: actorSchema,
    tenantId: tenantIdSchema,
    providerId: uuidSchema,
    patch: z
      .object({
        name: z.string().trim().min(1).max(100).optional(),
        issuer: url.optional(),
        audience: z.string().trim().min(1).max(200).optional(),
        jwksUrl: url.optional(),
        claims: identityProviderClaimsSchema.optional(),
        roleMapping: roleMappingSchema.optional(),
        status: identityProviderStatusSchema.optional(),
      })
      .strict(),
  }),
  z.object({ version: version1, provider: identityProviderViewSchema }),
);

export const IdentityProviderDeleteRpc = defineRpc(
  RPC_SUBJECTS.identityProviderDelete,
  z.object({ version: version1, actor: actorSchema, tenantId: tenantIdSchema, providerId: uuidSchema }),
  z.object({ version: version1, providerId: uuidSchema }),
);

/**
 * The gateway's lookup of a bearer token's issuer (before the tenant is known): the registered
 * provider with its tenant's status. NOT_FOUND when no tenant registered that issuer.
 */
export const IdentityProviderResolveRpc = defineRpc(
  RPC_SUBJECTS.identityProviderResolve,
  z.object({ version: version1, issuer: z.string().min(1).max(500) }),
  z.object({ version: version1, provider: identityProviderViewSchema, tenantStatus: z.enum(['active', 'deactivated']) }),
);
