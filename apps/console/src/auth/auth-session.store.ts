/**
 * The signed-in user, kept in sessionStorage (docs/adr/0014-console.md): it survives a reload
 * but not the closing of the tab, and no other tab or origin reads it. A stored session that
 * is malformed or expired counts as no session.
 */
export type Role = 'owner' | 'tenant_admin' | 'tenant_agent';
export const ROLES: readonly Role[] = ['owner', 'tenant_admin', 'tenant_agent'];

export interface AuthSession {
  token: string;
  role: Role;
  tenantId: string | null;
  /** ISO date-time at which the token stops working. */
  expiresAt: string;
  email: string;
}

export const SESSION_KEY = 'parley.console.session';

export function isStaff(role: Role): boolean {
  return role === 'tenant_admin' || role === 'tenant_agent';
}

export function parseSession(raw: string | null, now: number = Date.now()): AuthSession | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.token !== 'string' || v.token === '') return null;
  if (typeof v.role !== 'string' || !ROLES.includes(v.role as Role)) return null;
  if (typeof v.expiresAt !== 'string' || typeof v.email !== 'string') return null;
  if (v.tenantId !== null && typeof v.tenantId !== 'string') return null;
  const expires = Date.parse(v.expiresAt);
  if (Number.isNaN(expires) || expires <= now) return null;
  return { token: v.token, role: v.role as Role, tenantId: v.tenantId as string | null, expiresAt: v.expiresAt, email: v.email };
}

export function readSession(storage: Pick<Storage, 'getItem'>, now?: number): AuthSession | null {
  return parseSession(storage.getItem(SESSION_KEY), now);
}

export function saveSession(storage: Pick<Storage, 'setItem'>, session: AuthSession): void {
  storage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(storage: Pick<Storage, 'removeItem'>): void {
  storage.removeItem(SESSION_KEY);
}
