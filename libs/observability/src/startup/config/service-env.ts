import { z } from 'zod';
import { DB_SPAN_MODES, type DbSpans } from './db-spans';
import { envVar } from './env-vars';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The variables every Parley service reads. Apps spread this into their own zod object in
 * `src/config/env.schema.ts` and add what is theirs (e.g. ANALYTICS_DATABASE_URL).
 * NATS and Redis default to the local servers; DATABASE_URL has no default on purpose.
 */
export function serviceEnvShape(defaultPort: number) {
  return {
    NODE_ENV: envVar.oneOf(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: envVar.port().default(defaultPort),
    LOG_LEVEL: envVar.oneOf(LOG_LEVELS).default('info'),
    LOG_PRETTY: envVar.bool().default(false),
    DATABASE_URL: envVar.postgresUrl(),
    NATS_URL: envVar.urlList(['nats', 'tls', 'ws', 'wss']).default(['nats://127.0.0.1:4222']),
    // Per-run namespace for NATS streams/subjects and Redis keys (integration tests).
    NATS_NAMESPACE: envVar.name().optional(),
    REDIS_URL: envVar.url(['redis', 'rediss']).default('redis://127.0.0.1:6379'),
    OTEL_EXPORTER_OTLP_ENDPOINT: envVar.url(['http', 'https']).optional(),
    // PostgreSQL spans in traced requests: all (statements and pool connects), statements, none.
    OTEL_DB_SPANS: envVar.oneOf(DB_SPAN_MODES).default('all'),
    SHUTDOWN_TIMEOUT_MS: envVar.int(100, 600_000).default(10_000),
    HEALTH_CHECK_TIMEOUT_MS: envVar.int(50, 60_000).default(2_000),
  };
}

export type ServiceEnv = z.output<z.ZodObject<ReturnType<typeof serviceEnvShape>>>;

/** The runtime-shell part of an app's nested AppConfig. */
export interface ServiceConfig {
  service: string;
  nodeEnv: ServiceEnv['NODE_ENV'];
  http: { host: string; port: number };
  log: { level: LogLevel; pretty: boolean };
  database: { url: string };
  /** `url`: one or more comma-separated server URLs. */
  nats: { url: string; namespace?: string };
  redis: { url: string; keyPrefix: string };
  /** `dbSpans`: startTelemetry's option of that name (OTEL_DB_SPANS). */
  otel: { endpoint?: string; dbSpans?: DbSpans };
  shutdown: { timeoutMs: number };
  health: { checkTimeoutMs: number };
}

export function toServiceConfig(service: string, env: ServiceEnv): ServiceConfig {
  return {
    service,
    nodeEnv: env.NODE_ENV,
    http: { host: env.HOST, port: env.PORT },
    log: { level: env.LOG_LEVEL, pretty: env.LOG_PRETTY },
    database: { url: env.DATABASE_URL },
    nats: { url: env.NATS_URL.join(','), namespace: env.NATS_NAMESPACE },
    redis: { url: env.REDIS_URL, keyPrefix: env.NATS_NAMESPACE ? `parley:${env.NATS_NAMESPACE}:` : 'parley:' },
    otel: { endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, dbSpans: env.OTEL_DB_SPANS },
    shutdown: { timeoutMs: env.SHUTDOWN_TIMEOUT_MS },
    health: { checkTimeoutMs: env.HEALTH_CHECK_TIMEOUT_MS },
  };
}

/**
 * The env schema and config mapper of a service that reads only the shared variables:
 * `export const { envSchema, toAppConfig } = defineServiceEnv('chat', 3001);`
 */
export function defineServiceEnv(service: string, defaultPort: number) {
  const envSchema = z.object(serviceEnvShape(defaultPort));
  return {
    envSchema,
    toAppConfig: (env: z.output<typeof envSchema>): ServiceConfig => toServiceConfig(service, env),
  };
}
