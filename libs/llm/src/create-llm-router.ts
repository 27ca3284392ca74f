import type { LlmProviderKind } from '@parley/contracts';
import type { LlmConfig } from './config/llm.config';
import type { LlmRouter } from './generation/generation.types';
import { OfflineProvider } from './offline/offline.provider';
import { GeminiProvider } from './providers/gemini.provider';
import { LlamaCppProvider } from './providers/llamacpp.provider';
import { OllamaProvider } from './providers/ollama.provider';
import { OpenAiProvider } from './providers/openai.provider';
import type { LlmProvider } from './providers/provider.types';
import { warmUpTokenizer } from './usage/token-estimate.util';
import { LlmMetrics } from './router/llm.metrics';
import type { LlmRouterDeps } from './router/llm-router.deps';
import { LlmRouterImpl } from './router/llm-router';

export interface CreateLlmRouterDeps extends LlmRouterDeps {
  /** Replaces the built-in provider of the same kind (custom backends; tests). */
  providers?: readonly LlmProvider[];
}

/**
 * The router of a service. Every provider is registered; one whose settings are missing fails
 * its attempt with `not_configured` and the chain moves on. The offline responder is always
 * there and is appended to every tenant chain that lacks it.
 */
export function createLlmRouter(config: LlmConfig, deps: CreateLlmRouterDeps): LlmRouter {
  const providers = new Map<LlmProviderKind, LlmProvider>([
    ['openai', new OpenAiProvider(config.openai)],
    ['gemini', new GeminiProvider(config.gemini)],
    ['ollama', new OllamaProvider(config.ollama)],
    ['llamacpp', new LlamaCppProvider(config.llamacpp)],
    ['offline', new OfflineProvider()],
  ]);
  for (const provider of deps.providers ?? []) providers.set(provider.kind, provider);
  warmUpTokenizer();
  return new LlmRouterImpl(providers, config.timeouts, deps.logger, new LlmMetrics(deps.metrics?.registry));
}
