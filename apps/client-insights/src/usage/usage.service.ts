import { Inject, Injectable, Optional } from '@nestjs/common';
import type { UsageDay, UsageTenantTotals, UsageTotals } from '@parley/contracts';
import { OwnerDb, TenantDb } from '@parley/persistence';
import { INSIGHTS_CLOCK, systemClock, type Clock } from '../common/client-insights.options';
import { InsightsError } from '../shared/insights.error';
import { isValidTimeZone, localDateOf } from '@parley/contracts/calendar';
import { ownerUsage, totalsOf, usageDays } from './usage.calculator';
import { UsageRepository } from './usage.repository';
import { usageRange } from './usage-range.util';

export interface TenantUsage {
  tenantId: string;
  from: string;
  to: string;
  totals: UsageTotals;
  days: UsageDay[];
}

export interface PlatformUsage {
  from: string;
  to: string;
  totals: UsageTotals;
  tenants: UsageTenantTotals[];
  days: Array<UsageTotals & { day: string }>;
}

const READ_TIMEOUT_MS = 30_000;

/**
 * Usage reads of usage_daily (the billing record the retention job writes; each tenant's local
 * calendar days): a tenant's own in its RLS transaction (the default range ends on the tenant's
 * local today), the owner's across tenants through OwnerDb only (the default range ends on
 * today in UTC).
 */
@Injectable()
export class UsageService {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(OwnerDb) private readonly ownerDb: OwnerDb,
    private readonly repo: UsageRepository,
    @Optional() @Inject(INSIGHTS_CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async tenant(tenantId: string, from?: string, to?: string): Promise<TenantUsage> {
    const now = this.clock();
    const { range, rows } = await this.db.run(
      tenantId,
      async (tx) => {
        const timeZone = await this.repo.tenantTimeZone(tx, tenantId);
        if (timeZone === null) throw new InsightsError('NOT_FOUND', `tenant ${tenantId} not found`);
        const range = usageRange(localDateOf(now, isValidTimeZone(timeZone) ? timeZone : 'UTC'), from, to);
        return { range, rows: await this.repo.rows(tx, day(range.from), day(range.to), tenantId) };
      },
      { timeoutMs: READ_TIMEOUT_MS },
    );
    return { tenantId, ...range, totals: totalsOf(rows), days: usageDays(rows) };
  }

  async platform(from?: string, to?: string): Promise<PlatformUsage> {
    const range = usageRange(localDateOf(this.clock(), 'UTC'), from, to);
    const { rows, tenants } = await this.ownerDb.run(
      async (tx) => {
        const rows = await this.repo.rows(tx, day(range.from), day(range.to));
        return { rows, tenants: await this.repo.tenants(tx, [...new Set(rows.map((r) => r.tenantId))]) };
      },
      { timeoutMs: READ_TIMEOUT_MS },
    );
    return { ...range, totals: totalsOf(rows), ...ownerUsage(rows, tenants) };
  }
}

function day(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}
