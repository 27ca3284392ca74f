// Audit rows of logins (docs/adr/0023-audit-trail.md). The gateway verifies passwords; these are
// written by provisioning in the transaction that records the login (last_login_at), or on their
// own for a failed one. Staff logins go to their tenant's chain, the owner's and unknown emails'
// to the platform chain. Never a password; an unknown email only as its sha256.
import type { RpcRequestOf, UserLoginFailedRpc, UserRole } from '@parley/contracts';
import { writeAudit, type Db } from '@parley/persistence';

const actorOf = (role: UserRole, userId: string) => ({
  type: role === 'owner' ? ('owner' as const) : ('tenant_user' as const),
  id: userId,
});

/** A successful login: in the transaction that sets last_login_at. */
export function auditLogin(tx: Db, input: { userId: string; role: UserRole; tenantId: string | null }): Promise<void> {
  return writeAudit(tx, {
    tenantId: input.tenantId,
    actor: actorOf(input.role, input.userId),
    action: 'auth.login',
    targetType: input.role === 'owner' ? 'platform_user' : 'tenant_user',
    targetId: input.userId,
    data: { role: input.role },
  });
}

/** A refused login: a known user by id in its chain; an unknown email by hash in the platform chain. */
export function auditFailedLogin(tx: Db, req: RpcRequestOf<typeof UserLoginFailedRpc>): Promise<void> {
  const user = req.user;
  return writeAudit(tx, {
    tenantId: user?.tenantId ?? null,
    actor: user ? actorOf(user.role, user.id) : { type: 'anonymous', id: null },
    action: 'auth.login_failed',
    targetType: user ? (user.role === 'owner' ? 'platform_user' : 'tenant_user') : 'login',
    targetId: user?.id ?? null,
    data: user ? { reason: req.reason } : { reason: req.reason, emailSha256: req.emailSha256 },
    requestId: req.requestId ?? null,
  });
}
