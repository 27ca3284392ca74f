import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';

export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

type Config<C> = Omit<C, 'registers'>;

/**
 * The Prometheus registry of one service process: Node's default metrics (no prefix), every
 * series labelled `service`, the HTTP request duration histogram, and helpers for apps to
 * register their own metrics on the same registry (`metrics.counter({ name, help, labelNames })`).
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** 1 when the last readiness check of `dependency` (postgres, nats, redis) passed, else 0. */
  readonly dependencyUp: Gauge<'dependency'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.httpRequestDuration = this.histogram({
      name: 'http_request_duration_seconds',
      help: 'Duration of HTTP requests in seconds, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: HTTP_DURATION_BUCKETS,
    });
    this.dependencyUp = this.gauge({
      name: 'parley_dependency_up',
      help: 'Result of the last readiness check of each dependency: 1 up, 0 down.',
      labelNames: ['dependency'],
    });
  }

  /** Records a readiness report on parley_dependency_up. */
  recordReadiness(checks: Record<string, string>): void {
    for (const [dependency, result] of Object.entries(checks)) this.dependencyUp.set({ dependency }, result === 'up' ? 1 : 0);
  }

  counter<L extends string>(config: Config<CounterConfiguration<L>>): Counter<L> {
    return new Counter({ ...config, registers: [this.registry] });
  }

  gauge<L extends string>(config: Config<GaugeConfiguration<L>>): Gauge<L> {
    return new Gauge({ ...config, registers: [this.registry] });
  }

  histogram<L extends string>(config: Config<HistogramConfiguration<L>>): Histogram<L> {
    return new Histogram({ ...config, registers: [this.registry] });
  }

  /** The exposition text and its content type, for the /metrics endpoint. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
