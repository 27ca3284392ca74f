import type { Actor, StaffUser, StaffUserListItem } from '@parley/contracts';
import { hashSecret, passwordProblem } from '@parley/auth';
import { findLoginCandidates, isUniqueViolation, type TenantTx, writeAudit } from '@parley/persistence';
import { ProvisioningError } from '../common/provisioning.error';

export interface NewStaffUser {
  email: string;
  password: string;
  displayName?: string;
  role: StaffUser['role'];
}

export interface PreparedStaffUser {
  email: string;
  passwordHash: string;
  displayName: string;
  role: StaffUser['role'];
}

/** Checks the password and hashes it outside the transaction. Emails are stored lower-cased. */
export async function prepareStaffUser(input: NewStaffUser, bcryptCost: number, path = 'password'): Promise<PreparedStaffUser> {
  const problem = passwordProblem(input.password);
  if (problem) throw new ProvisioningError('VALIDATION', problem, { issues: [{ path, code: 'weak_password', message: problem }] });
  return {
    email: input.email.trim().toLowerCase(),
    passwordHash: await hashSecret(input.password, bcryptCost),
    displayName: input.displayName?.trim() ?? '',
    role: input.role,
  };
}

const emailTaken = (path: string) => ProvisioningError.conflict('this email is already used by another login', path);

/**
 * Inserts a tenant_users row (owners and staff share one email namespace: a platform owner's
 * email is refused too) and its audit row, in the caller's tenant transaction.
 */
export async function insertStaffUser(
  tx: TenantTx,
  tenantId: string,
  user: PreparedStaffUser,
  actor: Actor,
  emailPath = 'email',
): Promise<StaffUser> {
  if ((await findLoginCandidates(tx, user.email)).length > 0) throw emailTaken(emailPath);
  try {
    const row = await tx.tenantUser.create({
      data: { tenantId, email: user.email, passwordHash: user.passwordHash, displayName: user.displayName, role: user.role },
      select: { id: true, tenantId: true, email: true, displayName: true, role: true, status: true, createdAt: true },
    });
    await writeAudit(tx, {
      tenantId,
      actor,
      action: 'user.created',
      targetType: 'tenant_user',
      targetId: row.id,
      // No email: audit rows are kept for ever and hold no personal data (the user id names the user).
      data: { role: row.role },
    });
    return { ...row, createdAt: row.createdAt.toISOString() };
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken(emailPath);
    throw error;
  }
}

/** Sets a staff user's password (re-enabling the login); false when the tenant has no such user. Audited. */
export async function resetStaffPassword(
  tx: TenantTx,
  tenantId: string,
  email: string,
  passwordHash: string,
  actor: Actor,
): Promise<boolean> {
  const user = await tx.tenantUser.findFirst({ where: { tenantId, email: email.trim().toLowerCase() }, select: { id: true } });
  if (!user) return false;
  await tx.tenantUser.update({ where: { id: user.id }, data: { passwordHash, status: 'active' } });
  await writeAudit(tx, { tenantId, actor, action: 'user.password_reset', targetType: 'tenant_user', targetId: user.id });
  return true;
}

const LIST_LIMIT = 500;

/** The tenant's staff, oldest first, without password hashes (RLS keeps it to the transaction's tenant). */
export async function listStaffUsers(tx: TenantTx, tenantId: string): Promise<StaffUserListItem[]> {
  const rows = await tx.tenantUser.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: LIST_LIMIT,
    select: { id: true, tenantId: true, email: true, displayName: true, role: true, status: true, createdAt: true, lastLoginAt: true },
  });
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt ? row.lastLoginAt.toISOString() : null,
  }));
}

/** Sets a staff user's last_login_at; false when the tenant has no such user. */
export async function recordStaffLogin(tx: TenantTx, tenantId: string, userId: string, at: Date): Promise<boolean> {
  const updated = await tx.tenantUser.updateMany({ where: { id: userId, tenantId }, data: { lastLoginAt: at } });
  return updated.count > 0;
}
