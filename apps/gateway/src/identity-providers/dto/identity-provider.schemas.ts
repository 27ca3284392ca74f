import { z } from 'zod';
import { claimPathSchema, identityProviderStatusSchema, roleMappingSchema, type IdentityProviderView } from '@parley/contracts';

// /api/v1/identity-providers: snake_case documents (like /api/v1/integrations). The keys of
// role_mapping are the IdP's own role names and are passed through unchanged.

const httpUrl = z.url({ protocol: /^https?$/ }).max(500);

const claimsBodySchema = z
  .object({
    user_id: claimPathSchema.optional().meta({ description: 'Claim holding the stable user id (default `sub`).' }),
    email: claimPathSchema.optional().meta({ description: 'Claim holding the email (default `email`).' }),
    roles: claimPathSchema
      .optional()
      .meta({ description: 'Claim (or dotted path) holding the roles, an array or one string (default `realm_access.roles`).' }),
  })
  .strict();

const fields = {
  name: z.string().trim().min(1).max(100),
  issuer: httpUrl.meta({
    description: 'The exact `iss` of the tokens (e.g. https://sso.example.com/realms/shop); unique on the platform.',
  }),
  audience: z.string().trim().min(1).max(200).meta({ description: 'The `aud` the tokens must carry (Keycloak: the client id).' }),
  jwks_url: httpUrl.meta({ description: "The IdP's JSON Web Key Set (public keys); private and loopback addresses are refused." }),
  claims: claimsBodySchema,
  role_mapping: roleMappingSchema.meta({
    description: 'IdP role -> `tenant_admin` | `tenant_agent`. A user with no mapped role is an end user (chat only).',
  }),
  status: identityProviderStatusSchema,
};

export const identityProviderBodySchema = z
  .object({
    ...fields,
    claims: fields.claims.optional(),
    role_mapping: fields.role_mapping.optional(),
    status: fields.status.optional(),
  })
  .strict()
  .meta({ id: 'IdentityProviderRequest' });
export type IdentityProviderBody = z.output<typeof identityProviderBodySchema>;

export const identityProviderPatchSchema = z
  .object({
    name: fields.name.optional(),
    issuer: fields.issuer.optional(),
    audience: fields.audience.optional(),
    jwks_url: fields.jwks_url.optional(),
    claims: fields.claims.optional(),
    role_mapping: fields.role_mapping.optional(),
    status: fields.status.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one field' })
  .meta({ id: 'IdentityProviderPatch' });
export type IdentityProviderPatch = z.output<typeof identityProviderPatchSchema>;

export const identityProviderIdParamSchema = z.uuid();

const identityProviderDocSchema = z
  .object({
    id: z.uuid(),
    tenant_id: z.uuid(),
    name: z.string(),
    issuer: z.string(),
    audience: z.string(),
    jwks_url: z.string(),
    claims: z.object({ user_id: z.string(), email: z.string(), roles: z.string() }),
    role_mapping: z.record(z.string(), z.enum(['tenant_admin', 'tenant_agent'])),
    status: identityProviderStatusSchema,
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'IdentityProvider' });

export const identityProviderAnswerSchema = z
  .object({ identity_provider: identityProviderDocSchema })
  .meta({ id: 'IdentityProviderAnswer' });
export const identityProviderListSchema = z.object({ items: z.array(identityProviderDocSchema) }).meta({ id: 'IdentityProviderList' });
export const identityProviderDeletedSchema = z.object({ identity_provider_id: z.uuid() }).meta({ id: 'IdentityProviderDeleted' });

/** Contract field names -> HTTP names, for the field paths of a VALIDATION answer. */
export const IDENTITY_PROVIDER_HTTP_NAMES: Readonly<Record<string, string>> = {
  jwksUrl: 'jwks_url',
  roleMapping: 'role_mapping',
  userId: 'user_id',
};

export function toIdentityProviderDoc(view: IdentityProviderView): z.output<typeof identityProviderDocSchema> {
  return {
    id: view.id,
    tenant_id: view.tenantId,
    name: view.name,
    issuer: view.issuer,
    audience: view.audience,
    jwks_url: view.jwksUrl,
    claims: { user_id: view.claims.userId, email: view.claims.email, roles: view.claims.roles },
    role_mapping: view.roleMapping,
    status: view.status,
    created_at: view.createdAt,
    updated_at: view.updatedAt,
  };
}

type ClaimsBody = z.output<typeof claimsBodySchema>;

function toClaims(claims: ClaimsBody) {
  return { userId: claims.user_id ?? 'sub', email: claims.email ?? 'email', roles: claims.roles ?? 'realm_access.roles' };
}

/** The HTTP body as the contract's input (defaults for absent claims, mapping and status). */
export function toProviderInput(body: IdentityProviderBody) {
  return {
    name: body.name,
    issuer: body.issuer,
    audience: body.audience,
    jwksUrl: body.jwks_url,
    claims: toClaims(body.claims ?? {}),
    roleMapping: body.role_mapping ?? {},
    status: body.status ?? 'active',
  };
}

/** The HTTP patch as the contract's patch (`claims`, when given, is a whole object: absent names take their defaults). */
export function toProviderPatch(body: IdentityProviderPatch) {
  return {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.issuer !== undefined ? { issuer: body.issuer } : {}),
    ...(body.audience !== undefined ? { audience: body.audience } : {}),
    ...(body.jwks_url !== undefined ? { jwksUrl: body.jwks_url } : {}),
    ...(body.claims !== undefined ? { claims: toClaims(body.claims) } : {}),
    ...(body.role_mapping !== undefined ? { roleMapping: body.role_mapping } : {}),
    ...(body.status !== undefined ? { status: body.status } : {}),
  };
}
