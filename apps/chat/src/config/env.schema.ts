import { llmEnvShape, toLlmConfig, type LlmConfig } from '@parley/llm/config';
import { integrationEnvProblems, integrationEnvShape, toIntegrationEnvConfig, type IntegrationEnvConfig } from '@parley/integrations';
import { DEGRADE_SWITCH_NAMES, degradeSwitchNameSchema, type DegradeSwitchName } from '@parley/contracts';
import { z } from 'zod';
import {
  envVar,
  loadConfigOrExit,
  serviceEnvShape,
  toServiceConfig,
  type EnvSource,
  type ServiceConfig,
} from '@parley/observability/startup';

/** A comma-separated list of degrade switch names (contracts DEGRADE_SWITCH_NAMES), e.g. `lean_context,cheaper_model`. */
const degradeSwitchList = z.string().transform((raw, ctx) => {
  const names = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const unknown = names.filter((name) => !degradeSwitchNameSchema.safeParse(name).success);
  if (unknown.length > 0) {
    ctx.addIssue({ code: 'custom', message: `unknown switch ${unknown.join(', ')}: use ${DEGRADE_SWITCH_NAMES.join(', ')}` });
    return z.NEVER;
  }
  return [...new Set(names)] as DegradeSwitchName[];
});

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
    /** Automatic degrade on overload (ADR 0022): off leaves only the owner's switches. */
    CHAT_DEGRADE_AUTO_ENABLED: envVar.bool().default(true),
    /** Share of model calls (over the window) that failed over or failed, in percent, above which the error switches go on ... */
    CHAT_DEGRADE_ERROR_RATE_ENTER_PERCENT: envVar.int(1, 100).default(50),
    /** ... and below which they go off again, once the hold time has passed. */
    CHAT_DEGRADE_ERROR_RATE_LEAVE_PERCENT: envVar.int(0, 99).default(20),
    /** The sliding window of model-call outcomes. */
    CHAT_DEGRADE_ERROR_WINDOW_SECONDS: envVar.int(5, 3600).default(60),
    /** Fewer model calls than this in the window: the error rate is not judged (no entering, and leaving is allowed). */
    CHAT_DEGRADE_ERROR_MIN_CALLS: envVar.int(1, 100_000).default(20),
    /** Turns in progress on this replica at or above which the load switches go on ... */
    CHAT_DEGRADE_IN_FLIGHT_ENTER: envVar.int(1, 100_000).default(200),
    /** ... and at or below which they go off again, once the hold time has passed. */
    CHAT_DEGRADE_IN_FLIGHT_LEAVE: envVar.int(0, 100_000).default(100),
    /** How long a signal must stay below its leave threshold before its switches go off. */
    CHAT_DEGRADE_HOLD_SECONDS: envVar.int(0, 86_400).default(120),
    /** Switches a high provider error rate turns on (comma-separated switch names). */
    CHAT_DEGRADE_ERROR_SWITCHES: degradeSwitchList.default(['cheaper_model']),
    /** Switches a high in-flight count turns on. */
    CHAT_DEGRADE_LOAD_SWITCHES: degradeSwitchList.default(['lean_context', 'cheaper_model']),
    /** The history token budget under lean_context. */
    CHAT_DEGRADE_LEAN_HISTORY_TOKEN_BUDGET: envVar.int(0, 200_000).default(500),
    /** Knowledge passages per turn under lean_context. */
    CHAT_DEGRADE_LEAN_KNOWLEDGE_LIMIT: envVar.int(0, 20).default(2),
    /** How often the automatic controller is evaluated without traffic and the degrade gauges are refreshed. */
    CHAT_DEGRADE_EVALUATE_INTERVAL_MS: envVar.int(100, 600_000).default(5000),
  })
  .superRefine((env, ctx) => {
    if (env.CHAT_DEGRADE_ERROR_RATE_LEAVE_PERCENT >= env.CHAT_DEGRADE_ERROR_RATE_ENTER_PERCENT) {
      ctx.addIssue({
        code: 'custom',
        path: ['CHAT_DEGRADE_ERROR_RATE_LEAVE_PERCENT'],
        message: 'must be below CHAT_DEGRADE_ERROR_RATE_ENTER_PERCENT',
      });
    }
    if (env.CHAT_DEGRADE_IN_FLIGHT_LEAVE >= env.CHAT_DEGRADE_IN_FLIGHT_ENTER) {
      ctx.addIssue({ code: 'custom', path: ['CHAT_DEGRADE_IN_FLIGHT_LEAVE'], message: 'must be below CHAT_DEGRADE_IN_FLIGHT_ENTER' });
    }
    for (const problem of integrationEnvProblems(env)) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });

export interface ChatConfig {
  idleTimeoutSeconds: number;
  idleSweepIntervalSeconds: number;
  historyTokenBudget: number;
  knowledgeLimit: number;
  tenantCacheTtlMs: number;
  streamFlushMs: number;
  degrade: DegradeConfig;
}

/** The automatic degrade controller and the lean_context limits (ADR 0022). */
export interface DegradeConfig {
  autoEnabled: boolean;
  /** Fractions in [0, 1]. */
  errorRateEnter: number;
  errorRateLeave: number;
  errorWindowMs: number;
  errorMinCalls: number;
  inFlightEnter: number;
  inFlightLeave: number;
  holdMs: number;
  errorSwitches: readonly DegradeSwitchName[];
  loadSwitches: readonly DegradeSwitchName[];
  leanHistoryTokenBudget: number;
  leanKnowledgeLimit: number;
  evaluateIntervalMs: number;
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
      degrade: {
        autoEnabled: env.CHAT_DEGRADE_AUTO_ENABLED,
        errorRateEnter: env.CHAT_DEGRADE_ERROR_RATE_ENTER_PERCENT / 100,
        errorRateLeave: env.CHAT_DEGRADE_ERROR_RATE_LEAVE_PERCENT / 100,
        errorWindowMs: env.CHAT_DEGRADE_ERROR_WINDOW_SECONDS * 1000,
        errorMinCalls: env.CHAT_DEGRADE_ERROR_MIN_CALLS,
        inFlightEnter: env.CHAT_DEGRADE_IN_FLIGHT_ENTER,
        inFlightLeave: env.CHAT_DEGRADE_IN_FLIGHT_LEAVE,
        holdMs: env.CHAT_DEGRADE_HOLD_SECONDS * 1000,
        errorSwitches: env.CHAT_DEGRADE_ERROR_SWITCHES,
        loadSwitches: env.CHAT_DEGRADE_LOAD_SWITCHES,
        leanHistoryTokenBudget: env.CHAT_DEGRADE_LEAN_HISTORY_TOKEN_BUDGET,
        leanKnowledgeLimit: env.CHAT_DEGRADE_LEAN_KNOWLEDGE_LIMIT,
        evaluateIntervalMs: env.CHAT_DEGRADE_EVALUATE_INTERVAL_MS,
      },
    },
    llm: toLlmConfig(env),
    integrations: toIntegrationEnvConfig(env),
  };
}

/** The only reader of process.env: validates it, or prints one line naming the problem and exits 1. */
export function loadAppConfig(env: EnvSource = process.env): AppConfig {
  return toAppConfig(loadConfigOrExit(envSchema, env));
}
