import { Counter, Histogram, register as defaultRegistry, type Registry } from 'prom-client';

const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60];

/** The router's Prometheus series. Reuses series already on the registry, so several routers per process share them. */
export class LlmMetrics {
  readonly fallbacks: Counter<'from_provider' | 'to_provider' | 'reason'>;
  readonly tokens: Counter<'provider' | 'model' | 'direction'>;
  readonly latency: Histogram<'provider' | 'model'>;

  constructor(registry: Registry = defaultRegistry) {
    this.fallbacks =
      existing(registry, 'parley_llm_fallbacks_total') ??
      new Counter({
        name: 'parley_llm_fallbacks_total',
        help: 'Turns moved from one LLM provider to the next, by reason (error, timeout, not configured).',
        labelNames: ['from_provider', 'to_provider', 'reason'],
        registers: [registry],
      });
    this.tokens =
      existing(registry, 'parley_llm_tokens_total') ??
      new Counter({
        name: 'parley_llm_tokens_total',
        help: 'LLM tokens per provider and model; direction is input (prompt) or output (answer).',
        labelNames: ['provider', 'model', 'direction'],
        registers: [registry],
      });
    this.latency =
      existing(registry, 'parley_llm_latency_seconds') ??
      new Histogram({
        name: 'parley_llm_latency_seconds',
        help: 'Duration of a successful LLM generation (one provider attempt), in seconds.',
        labelNames: ['provider', 'model'],
        buckets: LATENCY_BUCKETS,
        registers: [registry],
      });
  }
}

function existing<T>(registry: Registry, name: string): T | undefined {
  return registry.getSingleMetric(name) as T | undefined;
}
