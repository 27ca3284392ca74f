export * from './pii';
export * from './generation/generation.types';
export { LlmError, type LlmErrorCode } from './llm.errors';
export * from './config';
export { createLlmRouter, type CreateLlmRouterDeps } from './create-llm-router';
export type { LlmLogger, LlmRouterDeps } from './router/llm-router.deps';
export type { LlmProvider, ProviderRun, ProviderOutput } from './providers/provider.types';
export { EXTERNAL_PROVIDERS, OFFLINE_CHOICE, providerChain } from './router/provider-chain';
export { estimateTokens, estimateTokensOf } from './usage/token-estimate.util';
export { createEmbedder, EmbeddingConfigError, EMBEDDING_DIMENSIONS } from './embeddings/create-embedder';
export {
  completeStructured,
  extractJsonObject,
  type StructuredTaskInput,
  type StructuredTaskResult,
} from './structured/complete-structured';
