import { TenantUpdatedEvent, TENANT_UPDATED_FIELDS, type Actor, type RpcResponseOf, type StaffUserUpdateRpc } from '@parley/contracts';
import { enqueueOutbox, writeAudit, type TenantTx } from '@parley/persistence';

type UpdatedStaffUser = RpcResponseOf<typeof StaffUserUpdateRpc>['user'];

export interface StaffUserChange {
  role?: 'tenant_admin' | 'tenant_agent';
  status?: 'active' | 'disabled';
  passwordHash?: string;
  displayName?: string;
}

const SELECT = {
  id: true,
  tenantId: true,
  email: true,
  displayName: true,
  role: true,
  status: true,
  createdAt: true,
  tokenVersion: true,
} as const;

/** Whether the change must end the user's existing tokens: a new password, status or role. */
function revokes(change: StaffUserChange, current: { role: string; status: string }): boolean {
  return (
    change.passwordHash !== undefined ||
    (change.role !== undefined && change.role !== current.role) ||
    (change.status !== undefined && change.status !== current.status)
  );
}

/**
 * Changes a staff user in the caller's tenant transaction: the row, token_version + 1 when the
 * change ends the user's tokens (password, status, role), the audit row and evt.tenant.updated
 * (changedFields ['users']) through the outbox, so gateways drop the cached token state at once.
 * null when the tenant has no such user.
 */
export async function updateStaffUser(
  tx: TenantTx,
  tenantId: string,
  userId: string,
  change: StaffUserChange,
  actor: Actor,
): Promise<UpdatedStaffUser | null> {
  const current = await tx.tenantUser.findFirst({ where: { id: userId, tenantId }, select: { role: true, status: true } });
  if (!current) return null;
  const bump = revokes(change, current);
  const row = await tx.tenantUser.update({
    where: { id: userId },
    data: {
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.passwordHash !== undefined ? { passwordHash: change.passwordHash } : {}),
      ...(change.displayName !== undefined ? { displayName: change.displayName.trim() } : {}),
      ...(bump ? { tokenVersion: { increment: 1 } } : {}),
    },
    select: SELECT,
  });
  await writeAudit(tx, {
    tenantId,
    actor,
    action: 'user.updated',
    targetType: 'tenant_user',
    targetId: userId,
    data: {
      changedFields: Object.keys(change).map((name) => (name === 'passwordHash' ? 'password' : name)),
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.status !== undefined ? { status: change.status } : {}),
      tokensRevoked: bump,
    },
  });
  if (bump) {
    await enqueueOutbox(tx, {
      subject: TenantUpdatedEvent.subjectFor(tenantId),
      payload: TenantUpdatedEvent.schema.parse({
        version: 1,
        tenantId,
        changedFields: [TENANT_UPDATED_FIELDS.users],
        occurredAt: new Date().toISOString(),
      }),
    });
  }
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** What the gateway checks a staff token against; null when the tenant has no such user. */
export function findStaffTokenState(tx: TenantTx, tenantId: string, userId: string) {
  return tx.tenantUser.findFirst({ where: { id: userId, tenantId }, select: { id: true, role: true, status: true, tokenVersion: true } });
}
