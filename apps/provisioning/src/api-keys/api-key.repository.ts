import type { ApiKeySummary, IssuedApiKey } from '@parley/contracts';
import { generateApiKey, hashSecret } from '@parley/auth';
import type { TenantTx } from '@parley/persistence';

/** A key generated and hashed outside the transaction (bcrypt is slow; transactions stay short). */
export interface PreparedApiKey {
  key: string;
  prefix: string;
  keyHash: string;
}

export async function prepareApiKey(bcryptCost: number): Promise<PreparedApiKey> {
  const { key, prefix } = generateApiKey();
  return { key, prefix, keyHash: await hashSecret(key, bcryptCost) };
}

/** Stores prefix + bcrypt hash; the returned `key` is the only time the plaintext leaves provisioning. */
export async function insertApiKey(tx: TenantTx, tenantId: string, prepared: PreparedApiKey, name = 'default'): Promise<IssuedApiKey> {
  const row = await tx.apiKey.create({
    data: { tenantId, name, prefix: prepared.prefix, keyHash: prepared.keyHash },
    select: { id: true, prefix: true, createdAt: true },
  });
  return { id: row.id, prefix: row.prefix, key: prepared.key, createdAt: row.createdAt.toISOString() };
}

type KeyRow = {
  id: string;
  name: string;
  prefix: string;
  status: 'active' | 'revoked';
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

export function toApiKeySummary(row: KeyRow): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: (row.expiresAt ?? row.revokedAt)?.toISOString() ?? null,
  };
}

export const API_KEY_SUMMARY_SELECT = {
  id: true,
  name: true,
  prefix: true,
  status: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
} as const;

/** Ids of the tenant's keys that are active and not expired at `now`. */
export async function activeApiKeyIds(tx: TenantTx, tenantId: string, now: Date): Promise<string[]> {
  const rows = await tx.apiKey.findMany({
    where: { tenantId, status: 'active', OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Revokes the keys at once (they stop working at `now`). */
export async function revokeApiKeys(tx: TenantTx, ids: string[], now: Date): Promise<void> {
  await tx.apiKey.updateMany({ where: { id: { in: ids } }, data: { status: 'revoked', revokedAt: now, expiresAt: now } });
}

/** Lets the keys work until `at` (a rotation's grace period). */
export async function expireApiKeysAt(tx: TenantTx, ids: string[], at: Date): Promise<void> {
  await tx.apiKey.updateMany({ where: { id: { in: ids } }, data: { expiresAt: at } });
}

/** Every key of the tenant, newest first, without hashes. */
export async function listApiKeys(tx: TenantTx, tenantId: string): Promise<ApiKeySummary[]> {
  const rows = await tx.apiKey.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: API_KEY_SUMMARY_SELECT,
  });
  return rows.map(toApiKeySummary);
}

/** Sets last_used_at to now unless it was set within the last minute (the condition holds the once-a-minute rule across replicas). */
export async function touchApiKeyLastUsed(tx: TenantTx, keyId: string): Promise<void> {
  await tx.$executeRaw`UPDATE api_keys SET last_used_at = now()
                        WHERE id = ${keyId}::uuid AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;
}
