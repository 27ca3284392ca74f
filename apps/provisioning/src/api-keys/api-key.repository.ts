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

type KeyRow = { id: string; name: string; prefix: string; status: 'active' | 'revoked'; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null };

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

export const API_KEY_SUMMARY_SELECT = { id: true, name: true, prefix: true, status: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } as const;
