import { Injectable } from '@nestjs/common';
import type { AuditEntryView, AuditFilter } from '@parley/contracts';
import { afterListPosition, type ListPosition, type Prisma, type TenantTx } from '@parley/persistence';

export interface AuditQuery {
  /** One tenant's chain; undefined: every row the transaction sees (the owner's analytics role: all). */
  tenantId?: string;
  /** Only the platform chain (rows with no tenant). */
  platformOnly?: boolean;
  filter: AuditFilter;
  after: ListPosition | null;
  limit: number;
}

type AuditRow = Prisma.AuditLogGetPayload<object>;

/** `handoff.*` matches every action under `handoff.`; anything else is exact. */
function actionWhere(action: string): Prisma.AuditLogWhereInput {
  return action.endsWith('.*') ? { action: { startsWith: action.slice(0, -1) } } : { action };
}

function toView(r: AuditRow): AuditEntryView {
  return {
    id: r.id,
    tenantId: r.tenantId,
    seq: r.seq.toString(),
    actorType: r.actorType,
    actorId: r.actorId,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    data: (r.data ?? {}) as Record<string, unknown>,
    requestId: r.requestId,
    createdAt: r.createdAt.toISOString(),
    hash: r.hash,
    prevHash: r.prevHash,
  };
}

/**
 * Reads of audit_log, newest first (created_at DESC, id DESC). In a TenantDb transaction RLS
 * keeps them to that tenant (platform rows have no tenant and are never visible there); in an
 * OwnerDb transaction (analytics role) they span every chain.
 */
@Injectable()
export class AuditRepository {
  async page(tx: TenantTx, q: AuditQuery): Promise<AuditEntryView[]> {
    const f = q.filter;
    const and: Prisma.AuditLogWhereInput[] = [afterListPosition(q.after)];
    if (q.tenantId !== undefined) and.push({ tenantId: q.tenantId });
    else if (q.platformOnly) and.push({ tenantId: null });
    if (f.action) and.push(actionWhere(f.action));
    if (f.actorId) and.push({ actorId: f.actorId });
    if (f.targetType) and.push({ targetType: f.targetType });
    if (f.targetId) and.push({ targetId: f.targetId });
    if (f.sessionId) and.push({ targetType: 'chat_session', targetId: f.sessionId });
    if (f.from) and.push({ createdAt: { gte: new Date(f.from) } });
    if (f.to) and.push({ createdAt: { lt: new Date(f.to) } });
    const rows = await tx.auditLog.findMany({ where: { AND: and }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: q.limit + 1 });
    return rows.map(toView);
  }
}
