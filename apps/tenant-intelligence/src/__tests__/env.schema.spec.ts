import { parseEnv } from '@parley/observability/startup';
import { envSchema, toAppConfig } from '../config/env.schema';

const DATABASE_URL = 'postgresql://parley_app:pw@127.0.0.1:5432/parley';

describe('tenant-intelligence env schema', () => {
  it('defaults to port 3002 and names the service', () => {
    const config = toAppConfig(parseEnv(envSchema, { DATABASE_URL }));
    expect(config).toMatchObject({
      service: 'tenant-intelligence',
      http: { host: '0.0.0.0', port: 3002 },
      shutdown: { timeoutMs: 10_000 },
    });
  });

  it('lets PORT override the default', () => {
    expect(toAppConfig(parseEnv(envSchema, { DATABASE_URL, PORT: '4100' })).http.port).toBe(4100);
  });

  it('requires DATABASE_URL', () => {
    expect(() => parseEnv(envSchema, {})).toThrow('Invalid environment: DATABASE_URL is required');
  });

  it('reads the consumer concurrency, 32 by default, and rejects nonsense', () => {
    expect(toAppConfig(parseEnv(envSchema, { DATABASE_URL })).intel.consumerConcurrency).toBe(32);
    expect(toAppConfig(parseEnv(envSchema, { DATABASE_URL, INTEL_CONSUMER_CONCURRENCY: '8' })).intel.consumerConcurrency).toBe(8);
    expect(() => parseEnv(envSchema, { DATABASE_URL, INTEL_CONSUMER_CONCURRENCY: '0' })).toThrow('INTEL_CONSUMER_CONCURRENCY');
  });

  it('reads the model settings and the extraction timeout', () => {
    const config = toAppConfig(parseEnv(envSchema, { DATABASE_URL, OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }));
    expect(config.intel.llmTimeoutMs).toBe(20_000);
    expect(config.llm.openai).toMatchObject({ apiKey: 'sk-x', baseUrl: 'http://127.0.0.1:9/v1' });
    expect(() => parseEnv(envSchema, { DATABASE_URL, INTEL_LLM_TIMEOUT_MS: '5' })).toThrow('INTEL_LLM_TIMEOUT_MS');
  });

  it('keeps tenant settings and degrade switches 30 s by default; 0 turns the cache off', () => {
    expect(toAppConfig(parseEnv(envSchema, { DATABASE_URL })).intel.tenantCacheTtlMs).toBe(30_000);
    expect(toAppConfig(parseEnv(envSchema, { DATABASE_URL, INTEL_TENANT_CACHE_TTL_MS: '0' })).intel.tenantCacheTtlMs).toBe(0);
    expect(() => parseEnv(envSchema, { DATABASE_URL, INTEL_TENANT_CACHE_TTL_MS: '-1' })).toThrow('INTEL_TENANT_CACHE_TTL_MS');
  });
});
