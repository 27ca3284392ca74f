import type { Actor } from '@parley/contracts';
import type { Prisma } from '../generated/prisma/client';
import type { TenantTx } from '../client/prisma.types';

export interface AuditEntry {
  tenantId: string;
  actor: Actor;
  /** Dotted verb, e.g. `tenant.created`, `api_key.rotated`, `knowledge.deleted`. */
  action: string;
  targetType: string;
  targetId: string;
  /** What changed, never secrets (no keys, hashes or passwords). */
  data?: Prisma.InputJsonObject;
}

/** Writes one audit_log row in the caller's tenant transaction (same commit as the change). */
export async function writeAudit(tx: TenantTx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      tenantId: entry.tenantId,
      actorType: entry.actor.type,
      actorId: entry.actor.id,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      data: entry.data ?? {},
    },
  });
}
