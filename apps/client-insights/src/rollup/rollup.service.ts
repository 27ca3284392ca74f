import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { type InsightMetrics, type InsightPeriod, type InsightRollupView } from '@parley/contracts';
import { TenantDb, type TenantTx } from '@parley/persistence';
import { INSIGHTS_CLOCK, INSIGHTS_OPTIONS, systemClock, type Clock, type InsightsOptions } from '../common/client-insights.options';
import { periodContaining, previousPeriod, type LocalPeriod } from '../shared/insight-period.util';
import { InsightsError } from '../shared/insights.error';
import { addDays, daysBetween, isValidTimeZone, localDateOf, weekStart } from '@parley/contracts/calendar';
import { computeRollup } from './rollup.calculator';
import { RollupRepository, type RollupInputs } from './rollup.repository';

export interface RollupQuery {
  tenantId: string;
  period: InsightPeriod;
  from?: string;
  to?: string;
}

export interface RollupList {
  timezone: string;
  rollups: InsightRollupView[];
}

/** Longest range one request may ask for. */
export const MAX_RANGE_DAYS: Record<InsightPeriod, number> = { day: 92, week: 371 };
const DEFAULT_PERIODS: Record<InsightPeriod, number> = { day: 7, week: 4 };

/**
 * L3 rollups in the tenant's time zone: computes periods from hourly buckets and feedback,
 * stores them in insight_rollups (upsert on tenant, period, start) and serves them.
 */
@Injectable()
export class RollupService {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    private readonly repo: RollupRepository,
    @Inject(INSIGHTS_OPTIONS) private readonly options: Pick<InsightsOptions, 'modelPrices'>,
    @Optional() @Inject(INSIGHTS_CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /** Recomputes and stores the periods containing the given local dates (the scheduled job). */
  async refresh(tenantId: string, period: InsightPeriod, localDates: string[]): Promise<InsightRollupView[]> {
    return this.db.run(tenantId, async (tx) => {
      const timeZone = await this.timeZone(tx, tenantId);
      const periods = localDates.map((d) => periodContaining(period, d, timeZone));
      return this.computeAndStore(tx, tenantId, timeZone, periods);
    });
  }

  /** The scheduled set: today and yesterday (day), this and last week (week), in local time. */
  async refreshCurrent(tenantId: string): Promise<void> {
    const timeZone = await this.db.run(tenantId, (tx) => this.timeZone(tx, tenantId));
    const today = localDateOf(this.clock(), timeZone);
    await this.refresh(tenantId, 'day', [addDays(today, -1), today]);
    await this.refresh(tenantId, 'week', [addDays(today, -7), today]);
  }

  /**
   * Rollups of the periods overlapping [from, to] (local dates), always computed from the
   * current buckets (cheap: one range read each of buckets, terms and feedback); a period is
   * written to insight_rollups only when it was not stored yet or its metrics changed, so
   * `computedAt` is when the stored numbers last changed.
   */
  async list(query: RollupQuery): Promise<RollupList> {
    return this.db.run(
      query.tenantId,
      async (tx) => {
        const timeZone = await this.timeZone(tx, query.tenantId);
        const periods = this.periodsOf(query, timeZone);
        // One after the other: queries issued together on one transaction's connection queue
        // inside pg and trigger its "already executing" deprecation (an error from pg 9).
        const inputs = await this.loadFor(tx, query.tenantId, timeZone, periods);
        const stored = await this.repo.stored(
          tx,
          query.tenantId,
          query.period,
          periods.map((p) => p.start),
        );
        const byStart = new Map(stored.map((r) => [r.periodStart.getTime(), r]));
        const views: InsightRollupView[] = [];
        for (const p of periods) {
          const metrics = this.metricsOf(timeZone, p, previousPeriod(p, timeZone), inputs);
          const row = byStart.get(p.start.getTime());
          views.push(
            row && isDeepStrictEqual(row.metrics, metrics)
              ? view(p, metrics, row.updatedAt)
              : await this.store(tx, query.tenantId, p, metrics),
          );
        }
        return { timezone: timeZone, rollups: views };
      },
      { timeoutMs: 30_000 },
    );
  }

  private periodsOf(query: RollupQuery, timeZone: string): LocalPeriod[] {
    const to = query.to ?? localDateOf(this.clock(), timeZone);
    const defaultFrom =
      query.period === 'day' ? addDays(to, -(DEFAULT_PERIODS.day - 1)) : addDays(weekStart(to), -7 * (DEFAULT_PERIODS.week - 1));
    const from = query.from ?? defaultFrom;
    const span = daysBetween(from, to);
    if (span < 0) throw new InsightsError('VALIDATION', `from (${from}) is after to (${to})`);
    if (span >= MAX_RANGE_DAYS[query.period]) {
      throw new InsightsError('VALIDATION', `a ${query.period} range may span at most ${MAX_RANGE_DAYS[query.period]} days`);
    }
    const periods: LocalPeriod[] = [];
    for (
      let p = periodContaining(query.period, from, timeZone);
      p.localDate <= to;
      p = periodContaining(query.period, addDays(p.localDate, p.days.length), timeZone)
    ) {
      periods.push(p);
    }
    return periods;
  }

  private async computeAndStore(tx: TenantTx, tenantId: string, timeZone: string, periods: LocalPeriod[]): Promise<InsightRollupView[]> {
    const inputs = await this.loadFor(tx, tenantId, timeZone, periods);
    const views: InsightRollupView[] = [];
    for (const p of periods)
      views.push(await this.store(tx, tenantId, p, this.metricsOf(timeZone, p, previousPeriod(p, timeZone), inputs)));
    return views;
  }

  /** Inputs of the periods and of the period before each (for the change vs previous). */
  private async loadFor(tx: TenantTx, tenantId: string, timeZone: string, periods: LocalPeriod[]): Promise<RollupInputs> {
    if (periods.length === 0) return { buckets: [], terms: [], feedback: [] };
    const start = new Date(Math.min(...periods.map((p) => previousPeriod(p, timeZone).start.getTime())));
    const end = new Date(Math.max(...periods.map((p) => p.end.getTime())));
    return this.repo.inputs(tx, tenantId, start, end);
  }

  private async store(tx: TenantTx, tenantId: string, p: LocalPeriod, metrics: InsightMetrics): Promise<InsightRollupView> {
    return view(p, metrics, await this.repo.store(tx, tenantId, p, metrics));
  }

  private metricsOf(timeZone: string, p: LocalPeriod, prev: LocalPeriod, inputs: RollupInputs): InsightMetrics {
    const within = (at: Date, q: LocalPeriod) => at >= q.start && at < q.end;
    return computeRollup({
      timeZone,
      period: p,
      buckets: inputs.buckets,
      previousSessions: inputs.buckets.filter((b) => within(b.hourStart, prev)).reduce((n, b) => n + b.sessionsStarted, 0),
      terms: inputs.terms,
      ratings: inputs.feedback.filter((f) => within(f.createdAt, p)).map((f) => f.rating),
      prices: this.options.modelPrices,
    });
  }

  private async timeZone(tx: TenantTx, tenantId: string): Promise<string> {
    const timeZone = await this.repo.timeZone(tx, tenantId);
    if (timeZone === null) throw new InsightsError('NOT_FOUND', `tenant ${tenantId} not found`);
    return isValidTimeZone(timeZone) ? timeZone : 'UTC';
  }
}

function view(p: LocalPeriod, metrics: InsightMetrics, computedAt: Date): InsightRollupView {
  return {
    period: p.period,
    localDate: p.localDate,
    periodStart: p.start.toISOString(),
    periodEnd: p.end.toISOString(),
    metrics,
    computedAt: computedAt.toISOString(),
  };
}
