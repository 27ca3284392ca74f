// Start-up entry point: `@parley/observability/startup`. It loads OpenTelemetry and zod only,
// never Nest, Fastify, pg, ioredis or prom-client, so main.ts can start telemetry and validate
// its environment before anything that must be instrumented is required.
export * from './start-telemetry';
export * from './start-service';
export * from './config/config.error';
export * from './config/parse-env';
export * from './config/env-vars';
export * from './config/db-spans';
export * from './config/service-env';
