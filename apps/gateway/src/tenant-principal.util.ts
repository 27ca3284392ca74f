import type { Actor } from '@parley/contracts';
import { problems } from './http/problem.exception';
import type { Principal } from './auth/principal.types';

/** A principal that acts for a tenant: API key, session token or tenant staff. */
export type TenantPrincipal = Exclude<Principal, { kind: 'owner' }>;

/** The tenant a tenant route acts for; the owner (no tenant) is refused with 403. */
export function tenantPrincipal(principal: Principal): TenantPrincipal {
  if (principal.kind === 'owner') throw problems.forbidden('TENANT_REQUIRED', 'This route acts for a tenant; the owner has none.');
  return principal;
}

/** Who did it, for the audit log: tenant staff by user id, a tenant backend by API key id. */
export function actorOf(principal: TenantPrincipal): Actor {
  switch (principal.kind) {
    case 'staff':
      return { type: 'tenant_user', id: principal.userId };
    case 'api_key':
      return { type: 'api_key', id: principal.apiKeyId };
    case 'session':
    case 'idp_user':
      throw problems.forbidden('CREDENTIAL_NOT_ACCEPTED', 'A session token or an end user cannot change tenant data.');
  }
}
