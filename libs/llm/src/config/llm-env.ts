import { envVar } from '@parley/observability/startup';
import { z } from 'zod';
import { DEFAULT_LLM_FIRST_TOKEN_TIMEOUT_MS, DEFAULT_LLM_TIMEOUT_MS, type LlmConfig } from './llm.config';

const secret = () => z.string().min(1);

/**
 * The model variables, for an app's env schema: `z.object({ ...serviceEnvShape(3001), ...llmEnvShape() })`.
 * Every provider is optional; with none set the platform runs on the offline responder.
 */
export function llmEnvShape() {
  return {
    /** Enables the `openai` provider (any OpenAI-compatible server: set any value a keyless server accepts). */
    OPENAI_API_KEY: secret().optional(),
    /** OpenAI-compatible base URL ending in /v1 (vLLM, llama.cpp server, Ollama /v1, LM Studio); OpenAI's when unset. */
    OPENAI_BASE_URL: envVar.url(['http', 'https']).optional(),
    /** Enables the `gemini` provider. */
    GEMINI_API_KEY: secret().optional(),
    /** Enables the `ollama` provider (native API), e.g. http://127.0.0.1:11434. */
    OLLAMA_BASE_URL: envVar.url(['http', 'https']).optional(),
    /** Enables the `llamacpp` provider: a GGUF model file run in-process by node-llama-cpp. */
    LLAMACPP_MODEL_PATH: z.string().min(1).optional(),
    /** A provider attempt must finish within this many ms, or the next provider is tried (when nothing was streamed yet). */
    LLM_TIMEOUT_MS: envVar.int(100, 600_000).default(DEFAULT_LLM_TIMEOUT_MS),
    /** A provider attempt must send its first token within this many ms. */
    LLM_FIRST_TOKEN_TIMEOUT_MS: envVar.int(100, 600_000).default(DEFAULT_LLM_FIRST_TOKEN_TIMEOUT_MS),
    /** Knowledge embeddings (pgvector); `none` keeps retrieval full-text only. */
    EMBEDDING_PROVIDER: envVar.oneOf(['none', 'openai', 'ollama']).default('none'),
    /** OpenAI-compatible /v1 URL or Ollama URL; OPENAI_BASE_URL / OLLAMA_BASE_URL when unset. */
    EMBEDDING_BASE_URL: envVar.url(['http', 'https']).optional(),
    /** Embedding model; text-embedding-3-small (openai) or nomic-embed-text (ollama) when unset. */
    EMBEDDING_MODEL: z.string().min(1).max(200).optional(),
    /** Key for the embedding endpoint; OPENAI_API_KEY when unset. */
    EMBEDDING_API_KEY: secret().optional(),
  };
}

export type LlmEnv = z.output<z.ZodObject<ReturnType<typeof llmEnvShape>>>;

export const DEFAULT_EMBEDDING_MODELS = { openai: 'text-embedding-3-small', ollama: 'nomic-embed-text' } as const;

/** Maps the parsed variables to LlmConfig (defaults applied; see llmEnvShape). */
export function toLlmConfig(env: LlmEnv): LlmConfig {
  const provider = env.EMBEDDING_PROVIDER;
  return {
    openai: { apiKey: env.OPENAI_API_KEY, baseUrl: env.OPENAI_BASE_URL },
    gemini: { apiKey: env.GEMINI_API_KEY },
    ollama: { baseUrl: env.OLLAMA_BASE_URL },
    llamacpp: { modelPath: env.LLAMACPP_MODEL_PATH },
    timeouts: { overallMs: env.LLM_TIMEOUT_MS, firstTokenMs: env.LLM_FIRST_TOKEN_TIMEOUT_MS },
    embedding:
      provider === 'none'
        ? { provider }
        : {
            provider,
            baseUrl: env.EMBEDDING_BASE_URL ?? (provider === 'openai' ? env.OPENAI_BASE_URL : env.OLLAMA_BASE_URL),
            model: env.EMBEDDING_MODEL ?? DEFAULT_EMBEDDING_MODELS[provider],
            apiKey: provider === 'openai' ? (env.EMBEDDING_API_KEY ?? env.OPENAI_API_KEY) : env.EMBEDDING_API_KEY,
          },
  };
}
