import { z } from 'zod';
import {
  envVar,
  loadConfigOrExit,
  serviceEnvShape,
  toServiceConfig,
  type EnvSource,
  type ServiceConfig,
} from '@parley/observability/startup';

export const SERVICE_NAME = 'client-insights';
export const DEFAULT_PORT = 3003;

/** Every variable this service reads (see serviceEnvShape for defaults). */
export const envSchema = z.object({
  ...serviceEnvShape(DEFAULT_PORT),
  // Analytics role (BYPASSRLS, read-only): owner-level cross-tenant reads (L4).
  ANALYTICS_DATABASE_URL: envVar.url(['postgres', 'postgresql']),
});
export type Env = z.output<typeof envSchema>;

export type AppConfig = ServiceConfig & { database: { url: string; analyticsUrl: string } };

export function toAppConfig(env: Env): AppConfig {
  const base = toServiceConfig(SERVICE_NAME, env);
  return { ...base, database: { ...base.database, analyticsUrl: env.ANALYTICS_DATABASE_URL } };
}

/** The only reader of process.env: validates it, or prints one line naming the problem and exits 1. */
export function loadAppConfig(env: EnvSource = process.env): AppConfig {
  return toAppConfig(loadConfigOrExit(envSchema, env));
}
