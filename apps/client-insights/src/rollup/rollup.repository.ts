import { Injectable } from '@nestjs/common';
import type { InsightMetrics, InsightPeriod } from '@parley/contracts';
import type { Prisma, TenantTx } from '@parley/persistence';
import type { LocalPeriod } from '../shared/insight-period.util';
import type { HourlyBucket, HourlyTerm } from './rollup.calculator';

export interface RollupInputs {
  buckets: HourlyBucket[];
  terms: HourlyTerm[];
  feedback: Array<{ rating: number; createdAt: Date }>;
}

/** An insight_rollups row: the metrics stored for a period and when they last changed. */
export interface StoredRollup {
  periodStart: Date;
  metrics: unknown;
  updatedAt: Date;
}

/** L3's reads and writes, in the tenant's transaction: its time zone, hourly buckets, terms and feedback, and insight_rollups. */
@Injectable()
export class RollupRepository {
  /** The tenant's configured IANA time zone, or null for an unknown tenant. */
  async timeZone(tx: TenantTx, tenantId: string): Promise<string | null> {
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { timezone: true } });
    return tenant ? tenant.timezone : null;
  }

  /** Everything the rollups of [start, end) need, in three indexed range reads (never chat_messages). */
  async inputs(tx: TenantTx, tenantId: string, start: Date, end: Date): Promise<RollupInputs> {
    const hourStart = { gte: start, lt: end };
    // One after the other: queries issued together on one transaction's connection queue inside pg
    // and trigger its "already executing" deprecation (an error from pg 9).
    const buckets = await tx.insightHourlyBucket.findMany({ where: { tenantId, hourStart }, orderBy: { hourStart: 'asc' } });
    const terms = await tx.insightHourlyTerm.findMany({ where: { tenantId, hourStart } });
    const feedback = await tx.messageFeedback.findMany({
      where: { tenantId, createdAt: hourStart },
      select: { rating: true, createdAt: true },
    });
    return {
      buckets: buckets.map(({ id: _id, tenantId: _tenant, updatedAt: _updated, ...b }) => ({
        ...b,
        tokensIn: Number(b.tokensIn),
        tokensOut: Number(b.tokensOut),
      })),
      terms: terms.map((t) => ({
        hourStart: t.hourStart,
        kind: t.kind,
        key: t.key,
        count: t.count,
        tokensIn: Number(t.tokensIn),
        tokensOut: Number(t.tokensOut),
      })),
      feedback,
    };
  }

  async stored(tx: TenantTx, tenantId: string, period: InsightPeriod, periodStarts: Date[]): Promise<StoredRollup[]> {
    return tx.insightRollup.findMany({ where: { tenantId, period, periodStart: { in: periodStarts } } });
  }

  /** Writes the period's metrics (upsert on tenant, period, start); returns when the row was written. */
  async store(tx: TenantTx, tenantId: string, p: LocalPeriod, metrics: InsightMetrics): Promise<Date> {
    const json = metrics as unknown as Prisma.InputJsonValue;
    const row = await tx.insightRollup.upsert({
      where: { tenantId_period_periodStart: { tenantId, period: p.period, periodStart: p.start } },
      create: { tenantId, period: p.period, periodStart: p.start, metrics: json },
      update: { metrics: json, generatedBy: 'deterministic' },
    });
    return row.updatedAt;
  }
}
