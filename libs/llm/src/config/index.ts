// Secondary entry point `@parley/llm/config`: an app's env.schema.ts imports the model variables
// from here without loading LangChain, prom-client or the tokenizer at start-up.
export { llmEnvShape, toLlmConfig, DEFAULT_EMBEDDING_MODELS, type LlmEnv } from './llm-env';
export {
  DEFAULT_LLM_FIRST_TOKEN_TIMEOUT_MS,
  DEFAULT_LLM_TIMEOUT_MS,
  type EmbeddingConfig,
  type EmbeddingProviderKind,
  type LlmConfig,
} from './llm.config';
