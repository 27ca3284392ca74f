import { defineServiceEnv, loadConfigOrExit, type EnvSource, type ServiceConfig } from '@parley/observability/startup';

/** Every variable this service reads: the shared service variables (see serviceEnvShape). */
export const { envSchema, toAppConfig } = defineServiceEnv('notifier', 3005);
export type AppConfig = ServiceConfig;

/** The only reader of process.env: validates it, or prints one line naming the problem and exits 1. */
export function loadAppConfig(env: EnvSource = process.env): AppConfig {
  return toAppConfig(loadConfigOrExit(envSchema, env));
}
