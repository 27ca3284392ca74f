// Queries on platform_users (the platform owners' logins; no tenant, no RLS): the app-role client.
import type { Db } from '@parley/persistence';

export interface PlatformUserCredentials {
  id: string;
  passwordHash: string;
  status: string;
}

export function findPlatformUserByEmail(db: Db, email: string): Promise<PlatformUserCredentials | null> {
  return db.platformUser.findUnique({ where: { email }, select: { id: true, passwordHash: true, status: true } });
}

/** Inserts an owner login (an email taken meanwhile raises the unique violation to the caller). */
export function insertPlatformUser(db: Db, input: { email: string; passwordHash: string; displayName: string }): Promise<{ id: string }> {
  return db.platformUser.create({
    data: { email: input.email, passwordHash: input.passwordHash, displayName: input.displayName },
    select: { id: true },
  });
}

/** Enables the login, with a new password hash when one is given. */
export async function enablePlatformUser(db: Db, id: string, passwordHash?: string): Promise<void> {
  await db.platformUser.update({ where: { id }, data: { status: 'active', ...(passwordHash !== undefined ? { passwordHash } : {}) } });
}

/** Sets last_login_at; false when there is no such owner. */
export async function recordPlatformUserLogin(db: Db, id: string, at: Date): Promise<boolean> {
  const updated = await db.platformUser.updateMany({ where: { id }, data: { lastLoginAt: at } });
  return updated.count > 0;
}
