import { Inject, Injectable } from '@nestjs/common';
import type { BilledUsage } from '@parley/contracts';
import { TenantDb } from '@parley/persistence';
import { InsightsError } from '../shared/insights.error';
import { billedUsageOfDays } from './usage-period.repository';

const READ_TIMEOUT_MS = 30_000;

/**
 * A tenant's billed usage over a range of usage_daily days (ADR 0025): the messages and tokens of
 * its rows with a provider, i.e. the answers its turns stored (visitor messages and staff replies
 * are on the provider-less row and are not billed). Read in the tenant's RLS transaction. The
 * gateway's quota counters are floored at this sum; invoice previews bill it.
 */
@Injectable()
export class UsagePeriodService {
  constructor(@Inject(TenantDb) private readonly db: TenantDb) {}

  async totals(tenantId: string, from: string, to: string): Promise<BilledUsage> {
    if (from > to) throw new InsightsError('VALIDATION', 'from must not be after to');
    const usage = await this.db.run(tenantId, (tx) => billedUsageOfDays(tx, tenantId, from, to), { timeoutMs: READ_TIMEOUT_MS });
    if (!usage) throw new InsightsError('NOT_FOUND', `tenant ${tenantId} not found`);
    return usage;
  }
}
