import { PLATFORM_TENANT_ID, type Actor } from '@parley/contracts';
import type { OwnerPrincipal, Principal, StaffPrincipal } from '../auth/principal.types';
import { problems } from '../http/problem.exception';

// Who the notifier acts for. The scope (`tenantId` of every notifier request) always comes
// from the credential, never from input: the caller's tenant for tenant staff and API keys,
// PLATFORM_TENANT_ID for the owner (the owner's own inbox, channels and rules).

/** A principal the notification routes accept: tenant staff, a tenant API key, or the owner. */
export type NotifierPrincipal = Exclude<Principal, { kind: 'session' | 'idp_user' }>;

/** A principal with an inbox of its own: a person (tenant staff or the owner). */
export type InboxPrincipal = StaffPrincipal | OwnerPrincipal;

function notifierPrincipal(principal: Principal): NotifierPrincipal {
  if (principal.kind === 'session' || principal.kind === 'idp_user')
    throw problems.forbidden('CREDENTIAL_NOT_ACCEPTED', 'A session token or an end user cannot use the notification routes.');
  return principal;
}

/** The notifier scope of a caller: its tenant, or PLATFORM_TENANT_ID for the owner. */
export function notifierScope(principal: Principal): string {
  const caller = notifierPrincipal(principal);
  return caller.kind === 'owner' ? PLATFORM_TENANT_ID : caller.tenantId;
}

/** Who made a change, for the notifier's audit trail. */
export function notifierActor(principal: Principal): Actor {
  const caller = notifierPrincipal(principal);
  switch (caller.kind) {
    case 'owner':
      return { type: 'owner', id: caller.userId };
    case 'staff':
      return { type: 'tenant_user', id: caller.userId };
    case 'api_key':
      return { type: 'api_key', id: caller.apiKeyId };
  }
}

/** The inbox a caller reads: its own (scope + user id). API keys and session tokens have none: 403. */
export function inboxOwner(principal: Principal): { tenantId: string; userId: string } {
  if (principal.kind !== 'staff' && principal.kind !== 'owner') {
    throw problems.forbidden('CREDENTIAL_NOT_ACCEPTED', 'Only a signed-in person (tenant staff or the owner) has an inbox.');
  }
  return { tenantId: notifierScope(principal), userId: principal.userId };
}
