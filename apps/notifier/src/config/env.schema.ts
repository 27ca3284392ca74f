import { z } from 'zod';
import { loadConfigOrExit, serviceEnvShape, toServiceConfig, type EnvSource, type ServiceConfig } from '@parley/observability/startup';

export const SERVICE_NAME = 'notifier';
export const DEFAULT_PORT = 3005;

/** Every variable this service reads (see serviceEnvShape for defaults). */
export const envSchema = z.object(serviceEnvShape(DEFAULT_PORT));
export type Env = z.output<typeof envSchema>;

export type AppConfig = ServiceConfig;

export function toAppConfig(env: Env): AppConfig {
  return toServiceConfig(SERVICE_NAME, env);
}

/** The only reader of process.env: validates it, or prints one line naming the problem and exits 1. */
export function loadAppConfig(env: EnvSource = process.env): AppConfig {
  return toAppConfig(loadConfigOrExit(envSchema, env));
}
