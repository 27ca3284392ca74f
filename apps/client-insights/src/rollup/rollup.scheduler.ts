import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { INSIGHTS_OPTIONS, type InsightsOptions } from '../common/client-insights.options';
import { InsightsJobMetrics, NO_JOB_METRICS, type JobRecorder } from '../metrics/insights-job.metrics';
import { PeriodicJob } from '../schedule/periodic-job.base';
import { ActiveTenantsRepository } from '../shared/active-tenants.repository';
import { RollupService } from './rollup.service';

/**
 * Every interval (default hourly), recomputes each active tenant's rollups of today and
 * yesterday (day) and of this and last week, in the tenant's time zone. Runs once at start-up.
 * Replicas may overlap: the upsert on (tenant, period, start) makes a repeated run harmless.
 */
@Injectable()
export class RollupScheduler extends PeriodicJob {
  constructor(
    private readonly tenants: ActiveTenantsRepository,
    private readonly rollups: RollupService,
    @Inject(SERVICE_LOGGER) logger: Logger,
    @Inject(INSIGHTS_OPTIONS) options: Pick<InsightsOptions, 'rollupIntervalMs'>,
    @Inject(InsightsJobMetrics) private readonly metrics: JobRecorder = NO_JOB_METRICS,
  ) {
    super(logger.child({ component: 'l3-schedule' }), options.rollupIntervalMs, 'rollup schedule failed');
  }

  /**
   * One pass over the active tenants; one tenant's failure is logged and does not stop the
   * others. Shutdown ends the pass between tenants (not counted as a run: the next one redoes it).
   */
  async runOnce(): Promise<number> {
    const tenants = await this.tenants.ids();
    let done = 0;
    for (const id of tenants) {
      if (this.stopRequested) {
        this.logger.info({ tenants: tenants.length, done }, 'rollups stopped for shutdown');
        return done;
      }
      try {
        await this.rollups.refreshCurrent(id);
        done += 1;
      } catch (err) {
        this.logger.error({ err, tenantId: id }, 'rollup refresh failed');
      }
    }
    this.metrics.jobRun('l3_rollups', done === tenants.length);
    this.logger.debug({ tenants: tenants.length, done }, 'rollups refreshed');
    return done;
  }
}
