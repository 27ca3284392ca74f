import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { INSIGHTS_OPTIONS, type InsightsOptions } from '../common/client-insights.options';
import { NO_RETENTION_METRICS, RetentionJobMetrics, type RetentionRecorder } from '../metrics/retention-job.metrics';
import { PeriodicJob } from '../schedule/periodic-job.base';
import { RetentionLockRepository } from './retention-lock.repository';
import { RetentionService } from './retention.service';

/** Time the lock's transaction may outlive the run's deadline (the batch in flight, the last tenant's fold). */
const LOCK_MARGIN_MS = 120_000;

/** What one run did (`ran` false: another replica held the lock). */
export interface RetentionRunSummary {
  ran: boolean;
  tenants: number;
  failed: number;
  sealedDays: number;
  refreshedDays: number;
  deletedMessages: number;
  deletedToolExecutions: number;
  erasedContacts: number;
  deletedSummaries: number;
  deletedInteractions: number;
  /** Every tenant done (no failure, deadline not reached). */
  complete: boolean;
  durationMs: number;
}

/**
 * The retention job (docs/adr/0017-retention-and-usage.md): every RETENTION_INTERVAL_MS
 * (default hourly) and at start-up, under a cluster-wide advisory lock (a replica that finds it
 * taken skips the run), each tenant in turn folds recent usage into usage_daily, seals the days
 * past its retention and deletes their messages, and prunes old tool executions. The first run
 * after start-up refreshes every unsealed day (catching up after downtime), later runs yesterday
 * and today. A tenant's failure is logged and the others go on; a run that reaches
 * RETENTION_MAX_RUN_MS, or is running when shutdown begins, stops between batches and the next
 * run resumes.
 */
@Injectable()
export class RetentionScheduler extends PeriodicJob {
  private refreshedAll = false;

  constructor(
    private readonly lock: RetentionLockRepository,
    private readonly retention: RetentionService,
    @Inject(SERVICE_LOGGER) logger: Logger,
    @Inject(INSIGHTS_OPTIONS) private readonly options: Pick<InsightsOptions, 'retention'>,
    @Inject(RetentionJobMetrics) private readonly metrics: RetentionRecorder = NO_RETENTION_METRICS,
  ) {
    super(logger.child({ component: 'retention' }), options.retention.intervalMs, 'retention run failed');
  }

  async runOnce(): Promise<RetentionRunSummary> {
    const started = Date.now();
    const { maxRunMs } = this.options.retention;
    let outcome;
    try {
      outcome = await this.lock.withLock(maxRunMs + LOCK_MARGIN_MS, () => this.pass(started + maxRunMs));
    } catch (err) {
      this.metrics.run('error', (Date.now() - started) / 1000);
      throw err;
    }
    if (!outcome.acquired) {
      this.metrics.run('locked');
      this.logger.info('retention skipped: another replica holds the lock');
      return { ...emptySummary(), durationMs: Date.now() - started };
    }
    const summary = { ...outcome.value, durationMs: Date.now() - started };
    this.metrics.run(summary.failed > 0 ? 'error' : summary.complete ? 'ok' : 'partial', summary.durationMs / 1000);
    this.metrics.rowsDone('messages_deleted', summary.deletedMessages);
    this.metrics.rowsDone('tool_executions_deleted', summary.deletedToolExecutions);
    this.metrics.rowsDone('usage_days_sealed', summary.sealedDays);
    this.metrics.rowsDone('contacts_erased', summary.erasedContacts);
    this.metrics.rowsDone('summaries_deleted', summary.deletedSummaries);
    this.metrics.rowsDone('interactions_deleted', summary.deletedInteractions);
    const { ran: _ran, ...fields } = summary;
    this.logger.info(fields, summary.complete ? 'retention run done' : 'retention run stopped early; the next run resumes');
    return summary;
  }

  private async pass(deadline: number): Promise<RetentionRunSummary> {
    const summary: RetentionRunSummary = { ...emptySummary(), ran: true, complete: true };
    const refreshAll = !this.refreshedAll;
    const shouldStop = () => this.stopRequested || Date.now() >= deadline;
    for (const tenant of await this.retention.tenants()) {
      if (shouldStop()) {
        summary.complete = false;
        break;
      }
      summary.tenants += 1;
      try {
        const r = await this.retention.processTenant(tenant, { shouldStop, refreshAll });
        summary.sealedDays += r.sealedDays;
        summary.refreshedDays += r.refreshedDays;
        summary.deletedMessages += r.deletedMessages;
        summary.deletedToolExecutions += r.deletedToolExecutions;
        summary.erasedContacts += r.erasedContacts;
        summary.deletedSummaries += r.deletedSummaries;
        summary.deletedInteractions += r.deletedInteractions;
        if (!r.complete) summary.complete = false;
        if (r.deletedMessages + r.deletedToolExecutions + r.sealedDays + r.erasedContacts + r.deletedSummaries + r.deletedInteractions > 0)
          this.logger.debug({ ...r }, 'tenant retention applied');
      } catch (err) {
        summary.failed += 1;
        summary.complete = false;
        this.logger.error({ err, tenantId: tenant.id }, 'tenant retention failed');
      }
    }
    if (summary.complete) this.refreshedAll = true;
    return summary;
  }
}

function emptySummary(): RetentionRunSummary {
  return {
    ran: false,
    tenants: 0,
    failed: 0,
    sealedDays: 0,
    refreshedDays: 0,
    deletedMessages: 0,
    deletedToolExecutions: 0,
    erasedContacts: 0,
    deletedSummaries: 0,
    deletedInteractions: 0,
    complete: false,
    durationMs: 0,
  };
}
