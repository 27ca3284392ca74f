import { z } from 'zod';
import {
  envVar,
  loadConfigOrExit,
  serviceEnvShape,
  toServiceConfig,
  type EnvSource,
  type ServiceConfig,
} from '@parley/observability/startup';
import { llmEnvShape, toLlmConfig, type LlmConfig } from '@parley/llm/config';

export const SERVICE_NAME = 'tenant-intelligence';
export const DEFAULT_PORT = 3002;

/** Every variable this service reads (see serviceEnvShape for the shared ones). */
export const envSchema = z.object({
  ...serviceEnvShape(DEFAULT_PORT),
  // Events handled at once by this replica (L1b per turn, L2 per closed session); it bounds the
  // model calls in flight, and the L1b turns waiting together are written as one batch (at most 32).
  INTEL_CONSUMER_CONCURRENCY: envVar.int(1, 64).default(32),
  // Upper bound of one model-assisted extraction (tenants with a model configured).
  INTEL_LLM_TIMEOUT_MS: envVar.int(1000, 120_000).default(20_000),
  // How long a tenant's settings and the owner's degrade switches are kept in memory at most;
  // evt.tenant.* drop them sooner. 0 = read both on every event.
  INTEL_TENANT_CACHE_TTL_MS: envVar.int(0, 3_600_000).default(30_000),
  // Model providers (OPENAI_*, GEMINI_API_KEY, OLLAMA_BASE_URL, LLAMACPP_MODEL_PATH, LLM_*).
  ...llmEnvShape(),
});
export type Env = z.output<typeof envSchema>;

/** tenant-intelligence's own settings (AppConfig.intel), injected as INTEL_OPTIONS. */
export interface IntelOptions {
  consumerConcurrency: number;
  llmTimeoutMs: number;
  /** How long a tenant's runtime and degrade switches are kept (TenantSettingsCache); 0 = not kept. */
  tenantCacheTtlMs: number;
}

export type AppConfig = ServiceConfig & { intel: IntelOptions; llm: LlmConfig };

export function toAppConfig(env: Env): AppConfig {
  return {
    ...toServiceConfig(SERVICE_NAME, env),
    intel: {
      consumerConcurrency: env.INTEL_CONSUMER_CONCURRENCY,
      llmTimeoutMs: env.INTEL_LLM_TIMEOUT_MS,
      tenantCacheTtlMs: env.INTEL_TENANT_CACHE_TTL_MS,
    },
    llm: toLlmConfig(env),
  };
}

/** The only reader of process.env: validates it, or prints one line naming the problem and exits 1. */
export function loadAppConfig(env: EnvSource = process.env): AppConfig {
  return toAppConfig(loadConfigOrExit(envSchema, env));
}
