import type { InsightAlertView, InsightPeriod, OwnerPortfolio } from '@parley/contracts';
import type { OwnerDb, PrismaClient, Prisma } from '@parley/persistence';
import { periodContaining, type LocalPeriod } from '../rollup/insight-period';
import { InsightsError } from '../rollup/insights.error';
import { addDays, localDateOf } from '../rollup/local-time';
import type { ModelPriceTable } from '../rollup/model-prices';
import { computePortfolio } from './compute-portfolio';
import { loadPortfolioInputs } from './portfolio-inputs';
import type { PortfolioRules } from './portfolio-rules';

export const PORTFOLIO_KIND = 'portfolio';
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
    private readonly prisma: Pick<PrismaClient, 'ownerInsight'>,
    private readonly prices: ModelPriceTable,
    private readonly rules: PortfolioRules,
    private readonly clock: () => Date = () => new Date(),
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
    const inputs = await this.ownerDb.run((tx) => loadPortfolioInputs(tx, p.start, p.end, this.rules.trendPeriods));
    const portfolio = computePortfolio({ period: p, inputs, prices: this.prices, rules: this.rules, now: this.clock() });
    const metrics = portfolio as unknown as Prisma.InputJsonValue;
    await this.prisma.ownerInsight.upsert({
      where: { kind_period_periodStart: { kind: PORTFOLIO_KIND, period, periodStart: p.start } },
      create: { kind: PORTFOLIO_KIND, period, periodStart: p.start, metrics },
      update: { metrics },
    });
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
    const rows = await this.ownerDb.run((tx) =>
      tx.insightAlert.findMany({
        where: { OR: [{ status: 'active' }, { resolvedAt: { gte: period.start }, firedAt: { lt: period.end } }] },
        include: { tenant: { select: { slug: true } } },
        orderBy: [{ firedAt: 'desc' }, { id: 'asc' }],
        take: MAX_ALERTS,
      }),
    );
    return rows.map((r) => ({
      alertId: r.id,
      tenantId: r.tenantId,
      tenantSlug: r.tenant.slug,
      rule: r.rule,
      subject: r.subject,
      status: r.status,
      severity: r.severity,
      value: r.value,
      threshold: r.threshold,
      title: r.title,
      suggestion: r.suggestion,
      firedAt: r.firedAt.toISOString(),
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
    }));
  }
}
