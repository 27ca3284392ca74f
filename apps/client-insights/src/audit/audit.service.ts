import { Inject, Injectable } from '@nestjs/common';
import type { AuditListRpc, AuditVerifyRpc, RpcRequestOf, RpcResponseOf } from '@parley/contracts';
import { decodeListCursor, encodeListCursor, OwnerDb, TenantDb, verifyAuditChains } from '@parley/persistence';
import { InsightsError } from '../shared/insights.error';
import { AuditRepository } from './audit.repository';

const READ_TIMEOUT_MS = 30_000;
const VERIFY_TIMEOUT_MS = 120_000;

/**
 * The audit trail's reads (docs/adr/0023-audit-trail.md): a tenant admin's own chain in its RLS
 * transaction; the owner's across every chain through OwnerDb only (the analytics role), like
 * the other owner-level reads; and the owner's chain verification.
 */
@Injectable()
export class AuditService {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(OwnerDb) private readonly ownerDb: OwnerDb,
    private readonly repo: AuditRepository,
  ) {}

  async list(req: RpcRequestOf<typeof AuditListRpc>): Promise<RpcResponseOf<typeof AuditListRpc>> {
    const after = req.cursor === undefined ? null : decodeListCursor(req.cursor);
    if (req.cursor !== undefined && after === null) throw new InsightsError('VALIDATION', 'cursor is not one this listing returned');
    if (req.filter.from && req.filter.to && Date.parse(req.filter.from) >= Date.parse(req.filter.to)) {
      throw new InsightsError('VALIDATION', 'from must be before to');
    }
    const query = { filter: req.filter, after, limit: req.limit };
    const rows =
      req.scope === 'tenant' && req.tenantId !== null
        ? await this.db.run(req.tenantId, (tx) => this.repo.page(tx, { ...query, tenantId: req.tenantId ?? undefined }), {
            timeoutMs: READ_TIMEOUT_MS,
          })
        : await this.ownerDb.run(
            (tx) => this.repo.page(tx, { ...query, tenantId: req.tenantId ?? undefined, platformOnly: req.platformOnly === true }),
            { timeoutMs: READ_TIMEOUT_MS },
          );
    const items = rows.slice(0, req.limit);
    const last = items[items.length - 1];
    const nextCursor = rows.length > req.limit && last ? encodeListCursor({ createdAt: new Date(last.createdAt), id: last.id }) : null;
    return { version: 1, items, nextCursor };
  }

  async verify(req: RpcRequestOf<typeof AuditVerifyRpc>): Promise<RpcResponseOf<typeof AuditVerifyRpc>> {
    // A tenant id walks that tenant's chain only (the platform chain's id is the all-zero uuid).
    const opts = req.tenantId === undefined ? {} : { chainIds: [req.tenantId] };
    const report = await this.ownerDb.run((tx) => verifyAuditChains(tx, opts), { timeoutMs: VERIFY_TIMEOUT_MS });
    return { version: 1, ...report };
  }
}
