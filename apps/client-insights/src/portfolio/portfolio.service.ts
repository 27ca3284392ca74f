import type { InsightAlertView, InsightPeriod, OwnerPortfolio } from '@parley/contracts';
import type { OwnerDb, PrismaClient } from '@parley/persistence';
import { periodContaining, type LocalPeriod } from '../shared/insight-period.util';
import { InsightsError } from '../shared/insights.error';
import { addDays, localDateOf } from '../shared/local-time.util';
import type { ModelPriceTable } from '../shared/model-prices.util';
import { computePortfolio } from './compute-portfolio';
import { PortfolioRepository } from './portfolio.repository';
import type { PortfolioRules } from './portfolio-rules';

const MAX_ALERTS = 200;

/**
 * L4 for the owner: every tenant's period read through OwnerDb (the analytics role, read-only,
 * the only cross-tenant path), computed, and stored in owner_insights (kind `portfolio`, one
 * row per UTC period, rewritten on each computation) for the dashboards.
 */
export class PortfolioService {
  constructor(
    private readonly ownerDb: OwnerDb,
    /** App-role client: owner_insights has no tenant_id and is written by this service only. */
    prisma: Pick<PrismaClient, 'ownerInsight'>,
    private readonly prices: ModelPriceTable,
    private readonly rules: PortfolioRules,
    private readonly clock: () => Date = () => new Date(),
    private readonly repo = new PortfolioRepository(prisma),
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
    const inputs = await this.ownerDb.run((tx) => this.repo.inputs(tx, p.start, p.end, this.rules.trendPeriods));
    const portfolio = computePortfolio({ period: p, inputs, prices: this.prices, rules: this.rules, now: this.clock() });
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
