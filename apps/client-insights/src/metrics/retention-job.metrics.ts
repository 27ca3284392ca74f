import { Inject, Injectable } from '@nestjs/common';
import type { Counter, Gauge } from 'prom-client';
import { ServiceMetrics } from '@parley/observability';

export type RetentionOutcome = 'ok' | 'error' | 'partial' | 'locked';
const OUTCOMES: RetentionOutcome[] = ['ok', 'error', 'partial', 'locked'];
export type RetentionRowKind =
  'messages_deleted' | 'tool_executions_deleted' | 'usage_days_sealed' | 'contacts_erased' | 'summaries_deleted' | 'interactions_deleted';
const KINDS: RetentionRowKind[] = [
  'messages_deleted',
  'tool_executions_deleted',
  'usage_days_sealed',
  'contacts_erased',
  'summaries_deleted',
  'interactions_deleted',
];

/**
 * Prometheus series of the retention job: runs by outcome (`locked`: another replica held the
 * lock; `partial`: the run reached RETENTION_MAX_RUN_MS and the next one resumes; `error`: a
 * tenant failed), rows deleted and days sealed, the last run's duration and the time of the
 * last run that completed (alert when it is more than a day old).
 */
@Injectable()
export class RetentionJobMetrics implements RetentionRecorder {
  private readonly runs: Counter<'outcome'>;
  private readonly rows: Counter<'kind'>;
  private readonly duration: Gauge;
  private readonly lastSuccess: Gauge;

  constructor(@Inject(ServiceMetrics) metrics: Pick<ServiceMetrics, 'counter' | 'gauge'>) {
    this.runs = metrics.counter({ name: 'parley_retention_runs_total', help: 'Retention job runs, by outcome.', labelNames: ['outcome'] });
    this.rows = metrics.counter({
      name: 'parley_retention_rows_total',
      help: 'Rows the retention job deleted (messages, tool executions) and usage days it sealed.',
      labelNames: ['kind'],
    });
    this.duration = metrics.gauge({
      name: 'parley_retention_last_run_seconds',
      help: 'How long the last retention run that held the lock took.',
    });
    this.lastSuccess = metrics.gauge({
      name: 'parley_retention_last_success_timestamp_seconds',
      help: 'Unix time when the last retention run completed every tenant.',
    });
    // Until a run completes, the process start: "no completed run for a day" then means a day since start-up.
    this.lastSuccess.set(Date.now() / 1000);
    for (const outcome of OUTCOMES) this.runs.inc({ outcome }, 0);
    for (const kind of KINDS) this.rows.inc({ kind }, 0);
  }

  run(outcome: RetentionOutcome, seconds?: number): void {
    this.runs.inc({ outcome });
    if (seconds !== undefined) this.duration.set(seconds);
    if (outcome === 'ok') this.lastSuccess.set(Date.now() / 1000);
  }

  rowsDone(kind: RetentionRowKind, n: number): void {
    if (n > 0) this.rows.inc({ kind }, n);
  }
}

/** What the retention scheduler records; a no-op where no registry is wired (tests). */
export interface RetentionRecorder {
  run(outcome: RetentionOutcome, seconds?: number): void;
  rowsDone(kind: RetentionRowKind, n: number): void;
}

export const NO_RETENTION_METRICS: RetentionRecorder = { run: () => undefined, rowsDone: () => undefined };
