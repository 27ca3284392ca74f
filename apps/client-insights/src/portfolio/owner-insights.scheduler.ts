import type { Logger } from '@parley/observability';
import type { PrismaClient } from '@parley/persistence';
import type { AlertService } from '../alerts/alert.service';
import { NO_JOB_METRICS, type JobRecorder } from '../metrics/insights-job-metrics';
import { PeriodicJob } from '../schedule/periodic-job';
import { ActiveTenantsRepository } from '../shared/active-tenants.repository';
import type { PortfolioService } from './portfolio.service';

/**
 * Every interval (default hourly) and once at start-up: evaluates the L5 rules for each active
 * tenant (one tenant's failure is logged and does not stop the others), then recomputes the
 * owner's portfolio of today, yesterday, this week and last week (UTC) for the dashboards.
 * Replicas may overlap: alerts fire once by their unique key, portfolio rows are upserts.
 */
export class OwnerInsightsScheduler extends PeriodicJob {
  private readonly tenants: ActiveTenantsRepository;

  constructor(
    /** App-role client the active tenants are listed with. */
    prisma: Pick<PrismaClient, 'tenant'>,
    private readonly alerts: AlertService,
    private readonly portfolio: PortfolioService,
    logger: Logger,
    intervalMs: number,
    private readonly metrics: JobRecorder = NO_JOB_METRICS,
  ) {
    super(logger, intervalMs, 'owner insights schedule failed');
    this.tenants = new ActiveTenantsRepository(prisma);
  }

  /** One pass; returns how many alerts fired. */
  async runOnce(): Promise<number> {
    const tenants = await this.tenants.ids();
    let fired = 0;
    let failed = 0;
    for (const id of tenants) {
      try {
        const result = await this.alerts.evaluate(id);
        fired += result.fired.length;
        for (const b of result.fired) {
          this.metrics.alertFired(b.rule);
          this.logger.info({ tenantId: id, rule: b.rule, subject: b.subject, value: b.value }, 'insights alert fired');
        }
      } catch (err) {
        failed += 1;
        this.logger.error({ err, tenantId: id }, 'alert evaluation failed');
      }
    }
    this.metrics.jobRun('l5_alerts', failed === 0);
    try {
      await this.portfolio.refreshCurrent();
      this.metrics.jobRun('l4_portfolio', true);
    } catch (err) {
      this.metrics.jobRun('l4_portfolio', false);
      throw err;
    }
    this.logger.debug({ tenants: tenants.length, fired, failed }, 'owner insights refreshed');
    return fired;
  }
}
