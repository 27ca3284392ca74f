import type { IntegrationEnvConfig } from '@parley/integrations';
import type { LlmConfig } from '@parley/llm/config';
import type { LogLevel } from '@parley/observability';
import type { ChatConfig } from '../config/env.schema';

/** Injection token of the chat service's validated settings (ChatModule.forRoot). */
export const CHAT_OPTIONS = Symbol('CHAT_OPTIONS');

export interface ChatOptions {
  /** config.chat: idle timeout, sweep interval, history budget, knowledge limit. */
  chat: ChatConfig;
  /** config.llm: the model chain and the embedding provider (LLM_ROUTER and EMBEDDER are built from it). */
  llm: LlmConfig;
  /** Tenants' integrations: the key ring of their credentials and whether private targets are allowed; absent: no tool can be used. */
  integrations?: IntegrationEnvConfig;
  /** The process's whole shutdown budget (SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs: number;
  /** config.log: the per-turn line is written in batches (TURN_LOGGER) unless absent or pretty. */
  log?: { level: LogLevel; pretty: boolean };
}

/** Injection token of the LlmRouter (libs/llm) built from ChatOptions.llm. */
export const LLM_ROUTER = Symbol('LLM_ROUTER');

/** Injection token of the query Embedder (libs/llm), or null when no embedding provider is configured. */
export const EMBEDDER = Symbol('EMBEDDER');
