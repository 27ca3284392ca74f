import { parseEnv } from '@parley/observability/startup';
import { envSchema, toAppConfig } from '../config/env.schema';

const DATABASE_URL = 'postgresql://parley_app:pw@127.0.0.1:5432/parley';

describe('chat env schema', () => {
  it('defaults to port 3001 and names the service', () => {
    const config = toAppConfig(parseEnv(envSchema, { DATABASE_URL }));
    expect(config).toMatchObject({ service: 'chat', http: { host: '0.0.0.0', port: 3001 }, shutdown: { timeoutMs: 10_000 } });
  });

  it('lets PORT override the default', () => {
    expect(toAppConfig(parseEnv(envSchema, { DATABASE_URL, PORT: '4100' })).http.port).toBe(4100);
  });

  it('requires DATABASE_URL', () => {
    expect(() => parseEnv(envSchema, {})).toThrow('Invalid environment: DATABASE_URL is required');
  });

  it('defaults the chat engine settings (30 min idle timeout, 2000-token history)', () => {
    expect(toAppConfig(parseEnv(envSchema, { DATABASE_URL })).chat).toEqual({
      idleTimeoutSeconds: 1800,
      idleSweepIntervalSeconds: 60,
      historyTokenBudget: 2000,
      knowledgeLimit: 4,
      tenantCacheTtlMs: 30_000,
      streamFlushMs: 10,
    });
  });

  it('reads the chat engine settings', () => {
    const config = toAppConfig(
      parseEnv(envSchema, {
        DATABASE_URL,
        CHAT_SESSION_IDLE_TIMEOUT_SECONDS: '600',
        CHAT_IDLE_SWEEP_INTERVAL_SECONDS: '15',
        CHAT_HISTORY_TOKEN_BUDGET: '500',
        CHAT_KNOWLEDGE_LIMIT: '0',
        CHAT_TENANT_CACHE_TTL_MS: '0',
        CHAT_STREAM_FLUSH_MS: '0',
      }),
    );
    expect(config.chat).toEqual({
      idleTimeoutSeconds: 600,
      idleSweepIntervalSeconds: 15,
      historyTokenBudget: 500,
      knowledgeLimit: 0,
      tenantCacheTtlMs: 0,
      streamFlushMs: 0,
    });
  });

  it('runs on the offline responder when no model variable is set, and reads an OpenAI-compatible endpoint', () => {
    const offline = toAppConfig(parseEnv(envSchema, { DATABASE_URL })).llm;
    expect(offline).toMatchObject({ openai: { apiKey: undefined }, embedding: { provider: 'none' } });
    const openai = toAppConfig(
      parseEnv(envSchema, {
        DATABASE_URL,
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1',
        EMBEDDING_PROVIDER: 'openai',
      }),
    ).llm;
    expect(openai.openai).toEqual({ apiKey: 'sk-test', baseUrl: 'http://127.0.0.1:9999/v1' });
    expect(openai.embedding).toMatchObject({ provider: 'openai', baseUrl: 'http://127.0.0.1:9999/v1', apiKey: 'sk-test' });
  });

  it.each([
    ['OPENAI_BASE_URL', 'not a url'],
    ['CHAT_SESSION_IDLE_TIMEOUT_SECONDS', 'soon'],
    ['CHAT_SESSION_IDLE_TIMEOUT_SECONDS', '5'],
    ['CHAT_HISTORY_TOKEN_BUDGET', '-1'],
    ['CHAT_KNOWLEDGE_LIMIT', '50'],
  ])('rejects %s=%s naming the variable', (name, value) => {
    expect(() => parseEnv(envSchema, { DATABASE_URL, [name]: value })).toThrow(name);
  });
});
