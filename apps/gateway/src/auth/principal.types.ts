// Who is calling, as established by one of the gateway's guards. Route handlers read it with
// the @CurrentPrincipal() decorator and never look at headers themselves.

/** A tenant backend authenticated by `X-API-Key` (or `Authorization: Bearer sk_live_...`). */
export interface ApiKeyPrincipal {
  kind: 'api_key';
  tenantId: string;
  apiKeyId: string;
}

/** A visitor's browser authenticated by a session token (bound to one tenant and one session). */
export interface SessionPrincipal {
  kind: 'session';
  tenantId: string;
  sessionId: string;
}

/** The platform owner (no tenant). */
export interface OwnerPrincipal {
  kind: 'owner';
  userId: string;
}

/**
 * Tenant staff: a tenant_users login, or a user of the tenant's external identity provider
 * whose roles map to a staff role (`idp` set; `userId` is then derived, see IdpUserPrincipal).
 */
export interface StaffPrincipal {
  kind: 'staff';
  userId: string;
  tenantId: string;
  role: 'tenant_admin' | 'tenant_agent';
  idp?: { providerId: string; externalUserId: string };
}

/**
 * An end user (a tenant's customer) signed in with the tenant's external identity provider, with
 * no staff role (docs/adr/0024): may open chat sessions bound to itself, chat and read their
 * history. `externalUserId` is `idp:<providerId>:<sub>`; `userId` is the UUID v5 of the IdP
 * subject in the provider's namespace (stable across logins, fits every user id field).
 */
export interface IdpUserPrincipal {
  kind: 'idp_user';
  tenantId: string;
  userId: string;
  externalUserId: string;
  providerId: string;
  email?: string;
}

export type Principal = ApiKeyPrincipal | SessionPrincipal | OwnerPrincipal | StaffPrincipal | IdpUserPrincipal;
export type PrincipalKind = Principal['kind'];

/** The tenant a principal acts for, or undefined for the owner. */
export function principalTenantId(principal: Principal): string | undefined {
  return principal.kind === 'owner' ? undefined : principal.tenantId;
}
