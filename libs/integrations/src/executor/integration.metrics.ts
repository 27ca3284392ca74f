import type { ServiceMetrics } from '@parley/observability';
import type { Counter, Gauge, Histogram } from 'prom-client';

/** Outcomes of calls that never went to the system: they are counted, not timed. */
const NOT_SENT = new Set(['cache_hit', 'invalid_arguments', 'not_configured', 'rate_limited', 'circuit_open']);

/** What the executor reports; IntegrationMetrics records it on prom-client, tests may count it themselves. */
export interface IntegrationCallObserver {
  /** One execute(): outcome is 'ok', 'cache_hit' or the failure code. */
  call(kind: string, tool: string, outcome: string, latencyMs: number): void;
  /** An integration's breaker changed state. */
  breaker(integrationId: string, state: 'open' | 'half_open' | 'closed'): void;
}

/**
 * The integrations' metrics on the service's registry (chat and provisioning wire it):
 * parley_integration_calls_total{kind,tool,outcome}, parley_integration_call_seconds{kind,tool}
 * (calls sent to the system: not cache hits nor calls refused before sending) and
 * parley_integration_breakers_open (integrations whose breaker is open in this replica).
 */
export class IntegrationMetrics implements IntegrationCallObserver {
  readonly calls: Counter<'kind' | 'tool' | 'outcome'>;
  readonly seconds: Histogram<'kind' | 'tool'>;
  readonly breakersOpen: Gauge;
  private readonly open = new Set<string>();

  constructor(metrics: ServiceMetrics) {
    this.calls = metrics.counter({
      name: 'parley_integration_calls_total',
      help: "Tool calls through tenants' integrations by integration kind, tool and outcome (ok, cache_hit or the failure code).",
      labelNames: ['kind', 'tool', 'outcome'],
    });
    this.seconds = metrics.histogram({
      name: 'parley_integration_call_seconds',
      help: "Duration of tool calls sent to tenants' systems in seconds (cache hits and calls refused before sending excluded).",
      labelNames: ['kind', 'tool'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
    });
    this.breakersOpen = metrics.gauge({
      name: 'parley_integration_breakers_open',
      help: 'Integrations whose circuit breaker is open in this replica.',
    });
  }

  call(kind: string, tool: string, outcome: string, latencyMs: number): void {
    this.calls.inc({ kind, tool, outcome });
    if (!NOT_SENT.has(outcome)) this.seconds.observe({ kind, tool }, latencyMs / 1000);
  }

  breaker(integrationId: string, state: 'open' | 'half_open' | 'closed'): void {
    if (state === 'open') this.open.add(integrationId);
    else this.open.delete(integrationId);
    this.breakersOpen.set(this.open.size);
  }
}
