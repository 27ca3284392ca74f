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

/** Tenant staff. */
export interface StaffPrincipal {
  kind: 'staff';
  userId: string;
  tenantId: string;
  role: 'tenant_admin' | 'tenant_agent';
}

export type Principal = ApiKeyPrincipal | SessionPrincipal | OwnerPrincipal | StaffPrincipal;
export type PrincipalKind = Principal['kind'];

/** The tenant a principal acts for, or undefined for the owner. */
export function principalTenantId(principal: Principal): string | undefined {
  return principal.kind === 'owner' ? undefined : principal.tenantId;
}
