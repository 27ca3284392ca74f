import { ConfigError, parseEnv } from '@parley/observability/startup';
import { z } from 'zod';
import { llmEnvShape, toLlmConfig } from '../llm-env';

const schema = z.object(llmEnvShape());
const load = (env: Record<string, string>) => toLlmConfig(parseEnv(schema, env));

describe('llmEnvShape / toLlmConfig', () => {
  it('needs nothing: offline only, default timeouts, no embeddings', () => {
    expect(load({})).toEqual({
      openai: { apiKey: undefined, baseUrl: undefined },
      gemini: { apiKey: undefined },
      ollama: { baseUrl: undefined },
      llamacpp: { modelPath: undefined },
      timeouts: { overallMs: 30_000, firstTokenMs: 15_000 },
      embedding: { provider: 'none' },
    });
  });

  it('maps every provider variable', () => {
    const config = load({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1',
      GEMINI_API_KEY: 'g-key',
      OLLAMA_BASE_URL: 'http://127.0.0.1:11434',
      LLAMACPP_MODEL_PATH: '/models/tiny.gguf',
      LLM_TIMEOUT_MS: '20000',
      LLM_FIRST_TOKEN_TIMEOUT_MS: '5000',
    });
    expect(config).toMatchObject({
      openai: { apiKey: 'sk-test', baseUrl: 'http://127.0.0.1:8000/v1' },
      gemini: { apiKey: 'g-key' },
      ollama: { baseUrl: 'http://127.0.0.1:11434' },
      llamacpp: { modelPath: '/models/tiny.gguf' },
      timeouts: { overallMs: 20_000, firstTokenMs: 5_000 },
    });
  });

  it('defaults embedding settings from the provider settings', () => {
    expect(load({ EMBEDDING_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-a', OPENAI_BASE_URL: 'http://h/v1' }).embedding).toEqual({
      provider: 'openai',
      baseUrl: 'http://h/v1',
      model: 'text-embedding-3-small',
      apiKey: 'sk-a',
    });
    expect(load({ EMBEDDING_PROVIDER: 'ollama', OLLAMA_BASE_URL: 'http://o:11434' }).embedding).toEqual({
      provider: 'ollama',
      baseUrl: 'http://o:11434',
      model: 'nomic-embed-text',
      apiKey: undefined,
    });
    expect(
      load({
        EMBEDDING_PROVIDER: 'openai',
        EMBEDDING_BASE_URL: 'http://e/v1',
        EMBEDDING_MODEL: 'bge',
        EMBEDDING_API_KEY: 'k',
        OPENAI_API_KEY: 'other',
      }).embedding,
    ).toEqual({ provider: 'openai', baseUrl: 'http://e/v1', model: 'bge', apiKey: 'k' });
  });

  it.each([
    [{ OPENAI_BASE_URL: 'not a url' }, 'OPENAI_BASE_URL must be a http:// or https:// URL'],
    [{ OLLAMA_BASE_URL: 'ftp://x' }, 'OLLAMA_BASE_URL must be a http:// or https:// URL'],
    [{ LLM_TIMEOUT_MS: 'soon' }, 'LLM_TIMEOUT_MS must be an integer 100-600000'],
    [{ LLM_FIRST_TOKEN_TIMEOUT_MS: '5' }, 'LLM_FIRST_TOKEN_TIMEOUT_MS must be an integer 100-600000'],
    [{ EMBEDDING_PROVIDER: 'cohere' }, 'EMBEDDING_PROVIDER must be one of none|openai|ollama'],
  ])('rejects %p naming the variable', (env, message) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(message);
  });
});
