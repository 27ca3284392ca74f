/** Model settings of a service (from its environment via toLlmConfig, or built by tests). */
export interface LlmConfig {
  /** Any OpenAI-compatible endpoint. Configured when `apiKey` is set; `baseUrl` defaults to OpenAI's. */
  openai: { apiKey?: string; baseUrl?: string };
  /** Google Gemini. Configured when `apiKey` is set; `baseUrl` overrides Google's endpoint (proxies, tests). */
  gemini: { apiKey?: string; baseUrl?: string };
  /** Ollama's native API. Configured when `baseUrl` is set. */
  ollama: { baseUrl?: string };
  /** In-process node-llama-cpp. Configured when `modelPath` (a GGUF file) is set. */
  llamacpp: { modelPath?: string };
  timeouts: {
    /** A provider attempt must finish within this (LLM_TIMEOUT_MS). */
    overallMs: number;
    /** A provider attempt must send its first token within this (LLM_FIRST_TOKEN_TIMEOUT_MS). */
    firstTokenMs: number;
  };
  embedding: EmbeddingConfig;
}

export type EmbeddingProviderKind = 'none' | 'openai' | 'ollama';

export interface EmbeddingConfig {
  provider: EmbeddingProviderKind;
  /** OpenAI-compatible base URL (…/v1) or Ollama's URL; OpenAI's / Ollama's default when unset. */
  baseUrl?: string;
  model?: string;
  apiKey?: string;
}

export const DEFAULT_LLM_TIMEOUT_MS = 30_000;
export const DEFAULT_LLM_FIRST_TOKEN_TIMEOUT_MS = 15_000;
