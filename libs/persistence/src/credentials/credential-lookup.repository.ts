// Credential lookups that must work before the tenant is known (login, API-key verification).
// They call SECURITY DEFINER functions from the migrations, which return only what is needed to
// verify one credential; everything after verification goes through TenantDb.run().
import type { Db } from '../client/prisma.types';

export interface LoginCandidate {
  userId: string;
  /** null for platform owners. */
  tenantId: string | null;
  /** owner | tenant_admin | tenant_agent */
  role: string;
  passwordHash: string;
  /** active | disabled */
  userStatus: string;
  /** active | deactivated; null for owners. */
  tenantStatus: string | null;
}

export interface ApiKeyCandidate {
  id: string;
  tenantId: string;
  keyHash: string;
  /** active | revoked */
  status: string;
  expiresAt: Date | null;
  tenantStatus: string;
}

/** Everyone who may log in with this e-mail (compared lower-cased). */
export async function findLoginCandidates(db: Db, email: string): Promise<LoginCandidate[]> {
  const rows = await db.$queryRaw<
    { user_id: string; tenant_id: string | null; role: string; password_hash: string; user_status: string; tenant_status: string | null }[]
  >`SELECT user_id::text, tenant_id::text, role, password_hash, user_status, tenant_status FROM find_login_candidates(${email})`;
  return rows.map((r) => ({
    userId: r.user_id,
    tenantId: r.tenant_id,
    role: r.role,
    passwordHash: r.password_hash,
    userStatus: r.user_status,
    tenantStatus: r.tenant_status,
  }));
}

/** The API key with this prefix, if any. */
export async function findApiKeyByPrefix(db: Db, prefix: string): Promise<ApiKeyCandidate | null> {
  const rows = await db.$queryRaw<
    { id: string; tenant_id: string; key_hash: string; status: string; expires_at: Date | null; tenant_status: string }[]
  >`SELECT id::text, tenant_id::text, key_hash, status, expires_at, tenant_status FROM find_api_key_by_prefix(${prefix})`;
  const row = rows[0];
  return row
    ? {
        id: row.id,
        tenantId: row.tenant_id,
        keyHash: row.key_hash,
        status: row.status,
        expiresAt: row.expires_at,
        tenantStatus: row.tenant_status,
      }
    : null;
}
