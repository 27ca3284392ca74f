import { parseEnv } from '@parley/observability/startup';
import { envSchema, toAppConfig } from '../config/env.schema';

const DATABASE_URL = 'postgresql://parley_app:pw@127.0.0.1:5432/parley';
const SECRET_A = 'a'.repeat(32);
const SECRET_B = 'b'.repeat(40);
const BASE = { DATABASE_URL, AUTH_SIGNING_KEYS: `k1:${SECRET_A}` };

describe('gateway env schema', () => {
  it('defaults to port 3000 and names the service', () => {
    const config = toAppConfig(parseEnv(envSchema, BASE));
    expect(config).toMatchObject({ service: 'gateway', http: { host: '0.0.0.0', port: 3000 }, shutdown: { timeoutMs: 10_000 } });
  });

  it('lets PORT override the default', () => {
    expect(toAppConfig(parseEnv(envSchema, { ...BASE, PORT: '4100' })).http.port).toBe(4100);
  });

  it('requires DATABASE_URL', () => {
    expect(() => parseEnv(envSchema, { AUTH_SIGNING_KEYS: BASE.AUTH_SIGNING_KEYS })).toThrow(
      'Invalid environment: DATABASE_URL is required',
    );
  });

  it('has the documented defaults for auth, limits and timeouts', () => {
    const config = toAppConfig(parseEnv(envSchema, BASE));
    expect(config.auth).toEqual({
      signingKeys: { active: 'k1', keys: { k1: SECRET_A } },
      sessionTokenTtlSeconds: 86_400,
      userTokenTtlSeconds: 3600,
      apiKeyCacheTtlMs: 60_000,
      userTokenStateCacheTtlMs: 5000,
      requireTokenVersion: false,
      idp: { jwksCooldownMs: 30_000, jwksCacheMaxAgeMs: 600_000, jwksTimeoutMs: 5000, jwksAllowPrivateTargets: false },
    });
    expect(config.limits).toEqual({ rateLimitPerMinute: 60, maxMessageChars: 4000, bodyLimitBytes: 1_048_576, maxJsonDepth: 64 });
    expect(config.rpc).toEqual({ timeoutMs: 5000, chatTurnTimeoutMs: 60_000 });
    expect(config.tenantConfigCacheTtlMs).toBe(30_000);
    expect(config.docs).toEqual({ enabled: true });
  });

  it('reads several signing keys with the active kid', () => {
    const env = { DATABASE_URL, AUTH_SIGNING_KEYS: `k1:${SECRET_A}, k2:${SECRET_B}`, AUTH_ACTIVE_KID: 'k2', RATE_LIMIT_PER_MINUTE: '120' };
    const config = toAppConfig(parseEnv(envSchema, env));
    expect(config.auth.signingKeys).toEqual({ active: 'k2', keys: { k1: SECRET_A, k2: SECRET_B } });
    expect(config.limits.rateLimitPerMinute).toBe(120);
  });

  it('requires AUTH_SIGNING_KEYS', () => {
    expect(() => parseEnv(envSchema, { DATABASE_URL })).toThrow('Invalid environment: AUTH_SIGNING_KEYS is required');
  });

  it('refuses a short secret without printing it', () => {
    const run = () => parseEnv(envSchema, { DATABASE_URL, AUTH_SIGNING_KEYS: 'k1:tooshortsecret' });
    expect(run).toThrow('Invalid environment: AUTH_SIGNING_KEYS must give key k1 a secret of at least 32 bytes');
    expect(run).not.toThrow(/tooshortsecret/);
  });

  it('refuses entries without a kid and repeated kids', () => {
    expect(() => parseEnv(envSchema, { DATABASE_URL, AUTH_SIGNING_KEYS: SECRET_A })).toThrow(
      'AUTH_SIGNING_KEYS must be a comma-separated list of kid:secret',
    );
    expect(() => parseEnv(envSchema, { DATABASE_URL, AUTH_SIGNING_KEYS: `k1:${SECRET_A},k1:${SECRET_B}` })).toThrow(
      'AUTH_SIGNING_KEYS must not repeat kid k1',
    );
  });

  it('needs AUTH_ACTIVE_KID with several keys, and one of them', () => {
    const keys = `k1:${SECRET_A},k2:${SECRET_B}`;
    expect(() => parseEnv(envSchema, { DATABASE_URL, AUTH_SIGNING_KEYS: keys })).toThrow(
      'Invalid environment: AUTH_ACTIVE_KID is required',
    );
    expect(() => parseEnv(envSchema, { DATABASE_URL, AUTH_SIGNING_KEYS: keys, AUTH_ACTIVE_KID: 'k3' })).toThrow(
      'Invalid environment: AUTH_ACTIVE_KID must be one of the kids in AUTH_SIGNING_KEYS (k1, k2)',
    );
  });

  it('refuses out-of-range limits', () => {
    expect(() => parseEnv(envSchema, { ...BASE, RATE_LIMIT_PER_MINUTE: '0' })).toThrow('RATE_LIMIT_PER_MINUTE must be an integer 1-100000');
    expect(() => parseEnv(envSchema, { ...BASE, GATEWAY_MAX_MESSAGE_CHARS: 'lots' })).toThrow(
      'GATEWAY_MAX_MESSAGE_CHARS must be an integer',
    );
    // Above 100 a body could pass the gateway and then fail the services' payload bound.
    expect(() => parseEnv(envSchema, { ...BASE, GATEWAY_MAX_JSON_DEPTH: '101' })).toThrow(
      'GATEWAY_MAX_JSON_DEPTH must be an integer 2-100',
    );
    expect(toAppConfig(parseEnv(envSchema, { ...BASE, GATEWAY_MAX_JSON_DEPTH: '16' })).limits.maxJsonDepth).toBe(16);
  });

  it('allows a JWKS on private addresses only outside production', () => {
    const allow = { ...BASE, IDP_JWKS_ALLOW_PRIVATE_TARGETS: 'true' };
    expect(toAppConfig(parseEnv(envSchema, allow)).auth.idp.jwksAllowPrivateTargets).toBe(true);
    expect(() => parseEnv(envSchema, { ...allow, NODE_ENV: 'production' })).toThrow(
      'IDP_JWKS_ALLOW_PRIVATE_TARGETS must be false in production',
    );
  });
});
