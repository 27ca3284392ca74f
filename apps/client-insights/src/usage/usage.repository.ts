import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@parley/persistence';

/** A usage_daily row as the usage reads return it (day as the tenant's local date `YYYY-MM-DD`). */
export interface UsageDailyRecord {
  tenantId: string;
  day: string;
  provider: string;
  model: string;
  messages: number;
  sessions: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  sealed: boolean;
}

/** A tenant as the owner's usage lists it. */
export interface UsageTenant {
  id: string;
  slug: string;
  displayName: string;
}

/**
 * Reads of usage_daily: one tenant's in its tenant transaction (TenantDb.run, RLS), every
 * tenant's in an OwnerDb transaction (the analytics role, read-only).
 */
@Injectable()
export class UsageRepository {
  /** Whether the tenant exists (tenants is the registry: no RLS). */
  /** The tenant's time zone (whose calendar days its usage_daily days are), or null for an unknown tenant. */
  async tenantTimeZone(tx: TenantTx, tenantId: string): Promise<string | null> {
    const row = await tx.tenant.findUnique({ where: { id: tenantId }, select: { timezone: true } });
    return row?.timezone ?? null;
  }

  /** usage_daily rows of [from, to] (dates, inclusive) visible to the transaction, optionally of one tenant. */
  async rows(tx: TenantTx, from: Date, to: Date, tenantId?: string): Promise<UsageDailyRecord[]> {
    const rows = await tx.usageDaily.findMany({
      where: { ...(tenantId ? { tenantId } : {}), day: { gte: from, lte: to } },
      orderBy: [{ day: 'asc' }, { tenantId: 'asc' }, { provider: 'asc' }, { model: 'asc' }],
    });
    return rows.map((r) => ({
      tenantId: r.tenantId,
      day: r.day.toISOString().slice(0, 10),
      provider: r.provider,
      model: r.model,
      messages: r.messages,
      sessions: r.sessions,
      tokensIn: Number(r.tokensIn),
      tokensOut: Number(r.tokensOut),
      costUsd: Number(r.costUsd),
      sealed: r.sealedAt !== null,
    }));
  }

  async tenants(tx: TenantTx, ids: string[]): Promise<UsageTenant[]> {
    if (ids.length === 0) return [];
    return tx.tenant.findMany({
      where: { id: { in: ids } },
      select: { id: true, slug: true, displayName: true },
      orderBy: { slug: 'asc' },
    });
  }
}
