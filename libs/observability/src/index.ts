// @parley/observability: logging, metrics, health, request context, and the service shell.
// main.ts imports `@parley/observability/startup` first (telemetry + env), this entry after.
export * from './startup';
export * from './logging/logger.factory';
export * from './logging/log-redaction';
export * from './logging/nest-logger.adapter';
export * from './request-context/request-context.storage';
export * from './request-context/request-id';
export * from './request-context/request-hooks';
export * from './metrics/service-metrics';
export * from './metrics/metrics.controller';
export * from './health/run-health-checks';
export * from './health/readiness';
export * from './health/health.controller';
export * from './errors/problem-details';
export * from './errors/problem-details.filter';
export * from './observability.module';
export * from './bootstrap/graceful-shutdown';
export * from './bootstrap/framework-errors';
export * from './bootstrap/bootstrap-service';
