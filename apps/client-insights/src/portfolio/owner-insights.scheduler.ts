import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { AlertService } from '../alerts/alert.service';
import { INSIGHTS_OPTIONS, type InsightsOptions } from '../common/client-insights.options';
import { InsightsJobMetrics, NO_JOB_METRICS, type JobRecorder } from '../metrics/insights-job.metrics';
import { PeriodicJob } from '../schedule/periodic-job.base';
import { ActiveTenantsRepository } from '../shared/active-tenants.repository';
import { PortfolioService } from './portfolio.service';

/**
 * Every interval (default hourly) and once at start-up: evaluates the L5 rules for each active
 * tenant (one tenant's failure is logged and does not stop the others), then recomputes the
 * owner's portfolio of today, yesterday, this week and last week (UTC) for the dashboards.
 * Replicas may overlap: alerts fire once by their unique key, portfolio rows are upserts.
 */
@Injectable()
export class OwnerInsightsScheduler extends PeriodicJob {
  constructor(
    private readonly tenants: ActiveTenantsRepository,
    private readonly alerts: AlertService,
    private readonly portfolio: PortfolioService,
    @Inject(SERVICE_LOGGER) logger: Logger,
    @Inject(INSIGHTS_OPTIONS) options: Pick<InsightsOptions, 'ownerIntervalMs'>,
    @Inject(InsightsJobMetrics) private readonly metrics: JobRecorder = NO_JOB_METRICS,
  ) {
    super(logger.child({ component: 'l4-l5-schedule' }), options.ownerIntervalMs, 'owner insights schedule failed');
  }

  /**
   * One pass; returns how many alerts fired. Shutdown ends the pass between tenants, before the
   * portfolio (not counted as a run: the next one evaluates every tenant again).
   */
  async runOnce(): Promise<number> {
    const tenants = await this.tenants.ids();
    let fired = 0;
    let failed = 0;
    for (const id of tenants) {
      if (this.stopRequested) {
        this.logger.info({ tenants: tenants.length, fired }, 'owner insights stopped for shutdown');
        return fired;
      }
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
