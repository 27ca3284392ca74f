import { llmEnvShape, toLlmConfig, type LlmConfig } from '@parley/llm/config';
import { integrationEnvProblems, integrationEnvShape, toIntegrationEnvConfig, type IntegrationEnvConfig } from '@parley/integrations';
import { z } from 'zod';
import {
  envVar,
  loadConfigOrExit,
  serviceEnvShape,
  toServiceConfig,
  type EnvSource,
  type ServiceConfig,
} from '@parley/observability/startup';

/** Every variable this service reads: the shared service variables, the model variables, and the chat engine's own. */
export const envSchema = z
  .object({
    ...serviceEnvShape(3001),
    ...llmEnvShape(),
    /** Tenants' integrations (tools): the key ring that opens their credentials, and private targets (local only). */
    ...integrationEnvShape(),
    /** A session with no activity for this long is closed by the idle sweeper (reason idle_timeout). */
    CHAT_SESSION_IDLE_TIMEOUT_SECONDS: envVar.int(60, 30 * 24 * 3600).default(1800),
    /** How often the idle sweeper runs. */
    CHAT_IDLE_SWEEP_INTERVAL_SECONDS: envVar.int(1, 3600).default(60),
    /** Token budget of the session history sent with a turn (estimated at ~4 characters a token). */
    CHAT_HISTORY_TOKEN_BUDGET: envVar.int(0, 200_000).default(2000),
    /** Knowledge passages retrieved per turn. */
    CHAT_KNOWLEDGE_LIMIT: envVar.int(0, 20).default(4),
    /** How long a tenant's runtime (status, config) is kept in memory at most; evt.tenant.* drop it sooner. 0 = read it every turn. */
    CHAT_TENANT_CACHE_TTL_MS: envVar.int(0, 3_600_000).default(30_000),
    /** Token frames after a turn's first are gathered for up to this long before they are published as one (0 = one frame per token). */
    CHAT_STREAM_FLUSH_MS: envVar.int(0, 1000).default(10),
  })
  .superRefine((env, ctx) => {
    for (const problem of integrationEnvProblems(env)) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });

export interface ChatConfig {
  idleTimeoutSeconds: number;
  idleSweepIntervalSeconds: number;
  historyTokenBudget: number;
  knowledgeLimit: number;
  tenantCacheTtlMs: number;
  streamFlushMs: number;
}

export interface AppConfig extends ServiceConfig {
  chat: ChatConfig;
  llm: LlmConfig;
  integrations: IntegrationEnvConfig;
}

export function toAppConfig(env: z.output<typeof envSchema>): AppConfig {
  return {
    ...toServiceConfig('chat', env),
    chat: {
      idleTimeoutSeconds: env.CHAT_SESSION_IDLE_TIMEOUT_SECONDS,
      idleSweepIntervalSeconds: env.CHAT_IDLE_SWEEP_INTERVAL_SECONDS,
      historyTokenBudget: env.CHAT_HISTORY_TOKEN_BUDGET,
      knowledgeLimit: env.CHAT_KNOWLEDGE_LIMIT,
      tenantCacheTtlMs: env.CHAT_TENANT_CACHE_TTL_MS,
      streamFlushMs: env.CHAT_STREAM_FLUSH_MS,
    },
    llm: toLlmConfig(env),
    integrations: toIntegrationEnvConfig(env),
  };
}

/** The only reader of process.env: validates it, or prints one line naming the problem and exits 1. */
export function loadAppConfig(env: EnvSource = process.env): AppConfig {
  return toAppConfig(loadConfigOrExit(envSchema, env));
}
