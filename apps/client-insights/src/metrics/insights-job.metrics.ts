import { Inject, Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { ServiceMetrics } from '@parley/observability';
import type { InsightAlertRule } from '@parley/contracts';

export type InsightsJob = 'l3_rollups' | 'l5_alerts' | 'l4_portfolio';
const JOBS: InsightsJob[] = ['l3_rollups', 'l5_alerts', 'l4_portfolio'];
const RULES: InsightAlertRule[] = ['sentiment_drop', 'escalation_rate', 'unanswered_question', 'usage_drop'];

/**
 * Prometheus series of client-insights' scheduled jobs, on the service's registry: every run of
 * a job (label `task`: `job` is Prometheus' own scrape label)
 * by outcome (`error` when it or any tenant in it failed), and alerts fired by rule. Each
 * series starts at 0 so the first failure shows as an increase.
 */
@Injectable()
export class InsightsJobMetrics {
  private readonly runs: Counter<'task' | 'outcome'>;
  private readonly fired: Counter<'rule'>;

  constructor(@Inject(ServiceMetrics) metrics: Pick<ServiceMetrics, 'counter'>) {
    this.runs = metrics.counter({
      name: 'parley_insights_job_runs_total',
      help: 'Scheduled insights job runs (L3 rollups, L5 alerts, L4 portfolio), by outcome.',
      labelNames: ['task', 'outcome'],
    });
    this.fired = metrics.counter({
      name: 'parley_insights_alerts_fired_total',
      help: 'L5 alerts fired (one per new condition), by rule.',
      labelNames: ['rule'],
    });
    for (const task of JOBS) for (const outcome of ['ok', 'error']) this.runs.inc({ task, outcome }, 0);
    for (const rule of RULES) this.fired.inc({ rule }, 0);
  }

  jobRun(job: InsightsJob, ok: boolean): void {
    this.runs.inc({ task: job, outcome: ok ? 'ok' : 'error' });
  }

  alertFired(rule: InsightAlertRule): void {
    this.fired.inc({ rule });
  }
}

/** What the schedulers record; a no-op where no registry is wired (tests). */
export interface JobRecorder {
  jobRun(job: InsightsJob, ok: boolean): void;
  alertFired(rule: InsightAlertRule): void;
}

export const NO_JOB_METRICS: JobRecorder = { jobRun: () => undefined, alertFired: () => undefined };
