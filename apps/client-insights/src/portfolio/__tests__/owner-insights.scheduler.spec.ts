import { ServiceMetrics } from '@parley/observability';
import type { AlertService } from '../../alerts/alert.service';
import type { Breach } from '../../alerts/alert.rules';
import { InsightsJobMetrics } from '../../metrics/insights-job.metrics';
import { ActiveTenantsRepository } from '../../shared/active-tenants.repository';
import { OwnerInsightsScheduler } from '../owner-insights.scheduler';
import type { PortfolioService } from '../portfolio.service';

const logger: Record<'info' | 'error' | 'debug' | 'warn' | 'child', jest.Mock> = {
  info: jest.fn(),
  error: jest.fn(),
  debug: jest.fn(),
  warn: jest.fn(),
  child: jest.fn(() => logger),
};
const breach = (rule: Breach['rule']): Breach => ({
  rule,
  subject: '',
  severity: 'warning',
  metric: rule,
  value: 1,
  threshold: 0,
  comparator: 'gt',
  title: 't',
  suggestion: 's',
  details: {},
});

async function series(metrics: ServiceMetrics, name: string): Promise<Record<string, number>> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const key = (labels: Record<string, unknown>) =>
    Object.entries(labels)
      .filter(([k]) => k !== 'service')
      .map(([, v]) => v)
      .join('/');
  return Object.fromEntries((metric?.values ?? []).map((v) => [key(v.labels), v.value]));
}

describe('OwnerInsightsScheduler', () => {
  it('evaluates every active tenant, keeps going past one failure, then refreshes the portfolio, and counts it all', async () => {
    const metrics = new ServiceMetrics('client-insights');
    const jobs = new InsightsJobMetrics(metrics);
    const evaluate = jest.fn(async (tenantId: string) => {
      if (tenantId === 't2') throw new Error('database went away');
      return { fired: tenantId === 't1' ? [breach('usage_drop'), breach('escalation_rate')] : [], ongoing: 0, resolved: 0 };
    });
    const refreshCurrent = jest.fn(async () => undefined);
    const prisma = { tenant: { findMany: jest.fn(async () => [{ id: 't1' }, { id: 't2' }, { id: 't3' }]) } };
    const scheduler = new OwnerInsightsScheduler(
      new ActiveTenantsRepository(prisma as never),
      { evaluate } as unknown as AlertService,
      { refreshCurrent } as unknown as PortfolioService,
      logger as never,
      { ownerIntervalMs: 60_000 },
      jobs,
    );
    expect(logger.child).toHaveBeenCalledWith({ component: 'l4-l5-schedule' });

    await expect(scheduler.runOnce()).resolves.toBe(2);
    expect(evaluate.mock.calls.map(([id]) => id)).toEqual(['t1', 't2', 't3']);
    expect(refreshCurrent).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ tenantId: 't2' }), 'alert evaluation failed');
    expect(await series(metrics, 'parley_insights_job_runs_total')).toEqual({
      'l3_rollups/ok': 0,
      'l3_rollups/error': 0,
      'l5_alerts/ok': 0,
      'l5_alerts/error': 1,
      'l4_portfolio/ok': 1,
      'l4_portfolio/error': 0,
    });
    expect(await series(metrics, 'parley_insights_alerts_fired_total')).toEqual({
      sentiment_drop: 0,
      escalation_rate: 1,
      unanswered_question: 0,
      usage_drop: 1,
    });
  });

  it('counts a failed portfolio refresh as an error and rethrows it', async () => {
    const metrics = new ServiceMetrics('client-insights');
    const prisma = { tenant: { findMany: jest.fn(async () => []) } };
    const failing = {
      refreshCurrent: jest.fn(async () => Promise.reject(new Error('analytics role missing'))),
    } as unknown as PortfolioService;
    const scheduler = new OwnerInsightsScheduler(
      new ActiveTenantsRepository(prisma as never),
      { evaluate: jest.fn() } as unknown as AlertService,
      failing,
      logger as never,
      { ownerIntervalMs: 60_000 },
      new InsightsJobMetrics(metrics),
    );
    await expect(scheduler.runOnce()).rejects.toThrow('analytics role missing');
    expect(await series(metrics, 'parley_insights_job_runs_total')).toMatchObject({ 'l5_alerts/ok': 1, 'l4_portfolio/error': 1 });
  });
});
