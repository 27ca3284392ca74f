import type { Prisma } from '../generated/prisma/client';
import type { Db } from '../client/prisma.types';

/**
 * Who did it. `session` is a chat session (the visitor, who has no account); `anonymous` a
 * caller not known to Parley (a failed login of an unknown email); `system` a job.
 */
export type AuditActorType = 'owner' | 'tenant_user' | 'api_key' | 'system' | 'session' | 'anonymous';

export interface AuditEntry {
  /** The tenant's chain; null for the platform chain (owner logins, unknown emails, owner channels). */
  tenantId: string | null;
  actor: { type: AuditActorType; id: string | null };
  /** Dotted verb, e.g. `tenant.created`, `api_key.rotated`, `chat.turn`, `auth.login_failed`. */
  action: string;
  targetType: string;
  targetId: string | null;
  /**
   * What changed: ids, counts, names of fields and settings. Never message content, secrets
   * (keys, hashes, passwords) or personal data (emails, phones, names of people): rows are kept
   * for ever and survive a contact's erasure.
   */
  data?: Prisma.InputJsonObject;
  requestId?: string | null;
}

/**
 * The statement appending one row to its chain (SQL audit_append(): chain lock, seq, hash; see
 * migration 20261214100000_audit_chain). Unawaited, so it can go into a TenantDb.batch(); in
 * a TenantDb.run() transaction use writeAudit. A tenant row must be for the transaction's tenant.
 * The chain's lock is held until the transaction ends: append late in the transaction.
 */
export function auditAppend(db: Db, entry: AuditEntry): Prisma.PrismaPromise<unknown> {
  return db.$queryRaw`SELECT audit_append(${entry.tenantId}::uuid, ${entry.actor.type}, ${entry.actor.id}, ${entry.action},
    ${entry.targetType}, ${entry.targetId}, ${JSON.stringify(entry.data ?? {})}::jsonb, ${entry.requestId ?? null})::text AS id`;
}

/** Writes one audit_log row in the caller's transaction (same commit as the change). */
export async function writeAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await auditAppend(tx, entry);
}
