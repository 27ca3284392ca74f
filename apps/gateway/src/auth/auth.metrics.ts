import { Inject, Injectable } from '@nestjs/common';
import { ServiceMetrics } from '@parley/observability';
import type { Histogram } from 'prom-client';
import type { Principal } from './principal.types';

/** A step of AuthGuard: the credential checked, the tenant's status and origin, the rate limit (Redis). */
export type AuthStep = 'credentials' | 'tenant' | 'rate_limit';

const STEP_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1];

/**
 * parley_gateway_auth_seconds{step,kind}: time per passed step of the guard. One instance for
 * the app (AuthModule provides it): Nest builds a guard per module that uses it, a metric is registered once.
 */
@Injectable()
export class AuthMetrics {
  private readonly steps: Histogram<'step' | 'kind'>;

  constructor(@Inject(ServiceMetrics) metrics: Pick<ServiceMetrics, 'histogram'>) {
    this.steps = metrics.histogram({
      name: 'parley_gateway_auth_seconds',
      help: 'Time the auth guard spent per passed step (credentials, tenant, rate_limit), by principal kind.',
      labelNames: ['step', 'kind'],
      buckets: STEP_BUCKETS,
    });
  }

  step(step: AuthStep, kind: Principal['kind'], seconds: number): void {
    this.steps.observe({ step, kind }, seconds);
  }
}
