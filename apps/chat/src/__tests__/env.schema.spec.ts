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
      degrade: expect.any(Object),
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
      degrade: expect.any(Object),
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

  it('defaults the degrade controller (ADR 0022)', () => {
    expect(toAppConfig(parseEnv(envSchema, { DATABASE_URL })).chat.degrade).toEqual({
      autoEnabled: true,
      errorRateEnter: 0.5,
      errorRateLeave: 0.2,
      errorWindowMs: 60_000,
      errorMinCalls: 20,
      inFlightEnter: 200,
      inFlightLeave: 100,
      holdMs: 120_000,
      errorSwitches: ['cheaper_model'],
      loadSwitches: ['lean_context', 'cheaper_model'],
      leanHistoryTokenBudget: 500,
      leanKnowledgeLimit: 2,
      evaluateIntervalMs: 5000,
    });
  });

  it('reads the degrade settings and switch lists', () => {
    const degrade = toAppConfig(
      parseEnv(envSchema, {
        DATABASE_URL,
        CHAT_DEGRADE_AUTO_ENABLED: 'false',
        CHAT_DEGRADE_ERROR_RATE_ENTER_PERCENT: '30',
        CHAT_DEGRADE_ERROR_RATE_LEAVE_PERCENT: '5',
        CHAT_DEGRADE_ERROR_SWITCHES: 'offline_only, skip_model_extraction',
        CHAT_DEGRADE_LOAD_SWITCHES: 'lean_context',
        CHAT_DEGRADE_HOLD_SECONDS: '0',
      }),
    ).chat.degrade;
    expect(degrade).toMatchObject({
      autoEnabled: false,
      errorRateEnter: 0.3,
      errorRateLeave: 0.05,
      errorSwitches: ['offline_only', 'skip_model_extraction'],
      loadSwitches: ['lean_context'],
      holdMs: 0,
    });
  });

  it.each([
    [{ CHAT_DEGRADE_ERROR_SWITCHES: 'cheaper_model,turbo' }, 'CHAT_DEGRADE_ERROR_SWITCHES'],
    [{ CHAT_DEGRADE_ERROR_RATE_ENTER_PERCENT: '20', CHAT_DEGRADE_ERROR_RATE_LEAVE_PERCENT: '20' }, 'CHAT_DEGRADE_ERROR_RATE_LEAVE_PERCENT'],
    [{ CHAT_DEGRADE_IN_FLIGHT_ENTER: '10', CHAT_DEGRADE_IN_FLIGHT_LEAVE: '12' }, 'CHAT_DEGRADE_IN_FLIGHT_LEAVE'],
    [{ CHAT_DEGRADE_ERROR_RATE_ENTER_PERCENT: '150' }, 'CHAT_DEGRADE_ERROR_RATE_ENTER_PERCENT'],
    [{ CHAT_DEGRADE_AUTO_ENABLED: 'maybe' }, 'CHAT_DEGRADE_AUTO_ENABLED'],
  ])('refuses %j, naming %s', (env, name) => {
    expect(() => parseEnv(envSchema, { DATABASE_URL, ...env })).toThrow(name);
  });
});
