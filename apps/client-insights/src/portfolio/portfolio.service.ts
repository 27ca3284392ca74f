import { Inject, Injectable, Optional } from '@nestjs/common';
import type { InsightAlertView, InsightPeriod, OwnerPortfolio } from '@parley/contracts';
import { OwnerDb } from '@parley/persistence';
import { INSIGHTS_CLOCK, INSIGHTS_OPTIONS, systemClock, type Clock, type InsightsOptions } from '../common/client-insights.options';
import { periodContaining, type LocalPeriod } from '../shared/insight-period.util';
import { InsightsError } from '../shared/insights.error';
import { addDays, localDateOf } from '@parley/contracts/calendar';
import { computePortfolio } from './portfolio.calculator';
import { PortfolioRepository } from './portfolio.repository';

const MAX_ALERTS = 200;

/**
 * L4 for the owner: every tenant's period read through OwnerDb (the analytics role, read-only,
 * the only cross-tenant path), computed, and stored in owner_insights (kind `portfolio`, one
 * row per UTC period, rewritten on each computation) for the dashboards.
 */
@Injectable()
export class PortfolioService {
  constructor(
    @Inject(OwnerDb) private readonly ownerDb: OwnerDb,
    private readonly repo: PortfolioRepository,
    @Inject(INSIGHTS_OPTIONS) private readonly options: Pick<InsightsOptions, 'modelPrices' | 'portfolioRules'>,
    @Optional() @Inject(INSIGHTS_CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /** The UTC period containing `date` (default today); a period starting in the future is refused. */
  periodOf(period: InsightPeriod, date?: string): LocalPeriod {
    const now = this.clock();
    const p = periodContaining(period, date ?? localDateOf(now, 'UTC'), 'UTC');
    if (p.start.getTime() > now.getTime()) throw new InsightsError('VALIDATION', `the ${period} of ${date} has not started yet`);
    return p;
  }

  async compute(period: InsightPeriod, date?: string): Promise<OwnerPortfolio> {
    const p = this.periodOf(period, date);
    const { modelPrices: prices, portfolioRules: rules } = this.options;
    const inputs = await this.ownerDb.run((tx) => this.repo.inputs(tx, p.start, p.end, rules.trendPeriods));
    const portfolio = computePortfolio({ period: p, inputs, prices, rules, now: this.clock() });
    await this.repo.storePortfolio(period, p.start, portfolio);
    return portfolio;
  }

  /** The scheduled set: today and yesterday, this week and last week (UTC). */
  async refreshCurrent(): Promise<void> {
    const today = localDateOf(this.clock(), 'UTC');
    for (const date of [addDays(today, -1), today]) await this.compute('day', date);
    for (const date of [addDays(today, -7), today]) await this.compute('week', date);
  }

  /** Active alerts of every tenant, and those resolved during [start, end), newest first. */
  async alerts(period: Pick<LocalPeriod, 'start' | 'end'>): Promise<InsightAlertView[]> {
    return this.ownerDb.run((tx) => this.repo.alerts(tx, period, MAX_ALERTS));
  }
}
