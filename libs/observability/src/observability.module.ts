import { Module, type DynamicModule, type InjectionToken, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ProblemDetailsFilter } from './errors/problem-details.filter';
import { HealthController } from './health/health.controller';
import { Readiness } from './health/readiness';
import type { HealthCheck } from './health/run-health-checks';
import { createLogger, type Logger } from './logging/logger.factory';
import { NestLoggerAdapter } from './logging/nest-logger.adapter';
import { MetricsController } from './metrics/metrics.controller';
import { ServiceMetrics } from './metrics/service-metrics';

/** Injection token of the service's root pino logger. */
export const SERVICE_LOGGER = Symbol('SERVICE_LOGGER');

/** Anything with a readiness probe: DatabaseHealth, NatsClient, RedisClient... */
export interface Checkable {
  check(): Promise<void>;
}

export interface ObservabilityModuleOptions {
  service: string;
  log?: { level?: string; pretty?: boolean };
  /** Readiness checks by name, each the token of a provider with `check()`. */
  checks?: Record<string, InjectionToken<Checkable>>;
  /** Per-check timeout of /health/ready (default 2000 ms). */
  checkTimeoutMs?: number;
}

/**
 * Logging, metrics and health for one service, global:
 * `ObservabilityModule.forRoot({ service: 'chat', log, checks: { postgres: DatabaseHealth, nats: NatsClient, redis: RedisClient } })`.
 * Serves GET /health/live, GET /health/ready and GET /metrics, answers every error as
 * problem+json (ProblemDetailsFilter); exports SERVICE_LOGGER,
 * NestLoggerAdapter, ServiceMetrics and Readiness.
 */
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityModuleOptions): DynamicModule {
    const checks = Object.entries(options.checks ?? {});
    const providers: Provider[] = [
      {
        provide: SERVICE_LOGGER,
        useFactory: (): Logger => createLogger({ service: options.service, ...options.log }),
      },
      {
        provide: NestLoggerAdapter,
        inject: [SERVICE_LOGGER],
        useFactory: (logger: Logger) => new NestLoggerAdapter(logger),
      },
      { provide: ServiceMetrics, useFactory: () => new ServiceMetrics(options.service) },
      { provide: APP_FILTER, inject: [SERVICE_LOGGER], useFactory: (logger: Logger) => new ProblemDetailsFilter(logger) },
      {
        provide: Readiness,
        inject: [ServiceMetrics, ...checks.map(([, token]) => token)],
        useFactory: (metrics: ServiceMetrics, ...targets: Checkable[]) =>
          new Readiness(
            checks.map(([name], i): HealthCheck => ({ name, check: () => targets[i].check() })),
            options.checkTimeoutMs ?? 2000,
            (report) => metrics.recordReadiness(report.checks),
          ),
      },
    ];
    return {
      module: ObservabilityModule,
      global: true,
      controllers: [HealthController, MetricsController],
      providers,
      exports: [SERVICE_LOGGER, NestLoggerAdapter, ServiceMetrics, Readiness],
    };
  }
}
