import type { Logger } from '@parley/observability';
import type { PrismaClient } from '@parley/persistence';
import { NO_JOB_METRICS, type JobRecorder } from '../metrics/insights-job-metrics';
import { PeriodicJob } from '../schedule/periodic-job';
import { ActiveTenantsRepository } from '../shared/active-tenants.repository';
import type { RollupService } from './rollup.service';

/**
 * Every interval (default hourly), recomputes each active tenant's rollups of today and
 * yesterday (day) and of this and last week, in the tenant's time zone. Runs once at start-up.
 * Replicas may overlap: the upsert on (tenant, period, start) makes a repeated run harmless.
 */
export class RollupScheduler extends PeriodicJob {
  private readonly tenants: ActiveTenantsRepository;

  constructor(
    /** App-role client the active tenants are listed with. */
    prisma: Pick<PrismaClient, 'tenant'>,
    private readonly rollups: RollupService,
    logger: Logger,
    intervalMs: number,
    private readonly metrics: JobRecorder = NO_JOB_METRICS,
  ) {
    super(logger, intervalMs, 'rollup schedule failed');
    this.tenants = new ActiveTenantsRepository(prisma);
  }

  /** One pass over the active tenants; one tenant's failure is logged and does not stop the others. */
  async runOnce(): Promise<number> {
    const tenants = await this.tenants.ids();
    let done = 0;
    for (const id of tenants) {
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
