import { parseEnv } from '@parley/observability/startup';
import { envSchema, toAppConfig } from '../config/env.schema';

const DATABASE_URL = 'postgresql://parley_app:pw@127.0.0.1:5432/parley';

describe('provisioning env schema', () => {
  it('defaults to port 3004 and names the service', () => {
    const config = toAppConfig(parseEnv(envSchema, { DATABASE_URL }));
    expect(config).toMatchObject({ service: 'provisioning', http: { host: '0.0.0.0', port: 3004 }, shutdown: { timeoutMs: 10_000 } });
  });

  it('lets PORT override the default', () => {
    expect(toAppConfig(parseEnv(envSchema, { DATABASE_URL, PORT: '4100' })).http.port).toBe(4100);
  });

  it('requires DATABASE_URL', () => {
    expect(() => parseEnv(envSchema, {})).toThrow('Invalid environment: DATABASE_URL is required');
  });

  it('has no owner bootstrap and bcrypt cost 12 by default', () => {
    expect(toAppConfig(parseEnv(envSchema, { DATABASE_URL })).provisioning).toEqual({
      owner: null,
      bcryptCost: 12,
      integrations: { secretKeys: null, activeKid: null, allowPrivateTargets: false, production: false },
    });
  });

  it('reads the owner (email lower-cased) when both owner variables are set', () => {
    const config = toAppConfig(
      parseEnv(envSchema, { DATABASE_URL, OWNER_EMAIL: 'Boss@Parley.Test', OWNER_PASSWORD: 'a long enough pw', BCRYPT_COST: '4' }),
    );
    expect(config.provisioning).toEqual({
      owner: { email: 'boss@parley.test', password: 'a long enough pw' },
      bcryptCost: 4,
      integrations: { secretKeys: null, activeKid: null, allowPrivateTargets: false, production: false },
    });
  });

  it('bootstraps nothing with OWNER_EMAIL alone (the demo seed sets the owner), and needs OWNER_EMAIL with a password', () => {
    expect(toAppConfig(parseEnv(envSchema, { DATABASE_URL, OWNER_EMAIL: 'boss@parley.test' })).provisioning.owner).toBeNull();
    expect(() => parseEnv(envSchema, { DATABASE_URL, OWNER_PASSWORD: 'a long enough pw' })).toThrow(/OWNER_EMAIL/);
  });

  it('refuses a weak owner password or a malformed email without echoing the password', () => {
    let message = '';
    try {
      parseEnv(envSchema, { DATABASE_URL, OWNER_EMAIL: 'boss@parley.test', OWNER_PASSWORD: 'short-pw' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/OWNER_PASSWORD.*at least 12 characters/);
    expect(message).not.toContain('short-pw');
    expect(() => parseEnv(envSchema, { DATABASE_URL, OWNER_EMAIL: 'not-an-email', OWNER_PASSWORD: 'a long enough pw' })).toThrow(
      /OWNER_EMAIL/,
    );
  });

  it('reads the integration key ring and refuses a malformed one, an unknown active kid, or private targets in production', () => {
    const k1 = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
    const k2 = `k2:${Buffer.alloc(32, 2).toString('base64')}`;
    const one = toAppConfig(parseEnv(envSchema, { DATABASE_URL, INTEGRATION_SECRET_KEYS: k1 })).provisioning.integrations;
    expect(one).toMatchObject({ activeKid: 'k1', allowPrivateTargets: false });
    expect(one.secretKeys?.get('k1')).toEqual(Buffer.alloc(32, 1));
    const two = parseEnv(envSchema, { DATABASE_URL, INTEGRATION_SECRET_KEYS: `${k1},${k2}`, INTEGRATION_ACTIVE_SECRET_KID: 'k2' });
    expect(toAppConfig(two).provisioning.integrations.activeKid).toBe('k2');
    expect(() => parseEnv(envSchema, { DATABASE_URL, INTEGRATION_SECRET_KEYS: `${k1},${k2}` })).toThrow(/INTEGRATION_ACTIVE_SECRET_KID/);
    expect(() => parseEnv(envSchema, { DATABASE_URL, INTEGRATION_SECRET_KEYS: k1, INTEGRATION_ACTIVE_SECRET_KID: 'k9' })).toThrow(
      /INTEGRATION_ACTIVE_SECRET_KID/,
    );
    expect(() => parseEnv(envSchema, { DATABASE_URL, INTEGRATION_SECRET_KEYS: 'k1:short' })).toThrow(/INTEGRATION_SECRET_KEYS/);
    expect(() => parseEnv(envSchema, { DATABASE_URL, NODE_ENV: 'production', INTEGRATION_ALLOW_PRIVATE_TARGETS: 'true' })).toThrow(
      /INTEGRATION_ALLOW_PRIVATE_TARGETS/,
    );
  });

  it('reads the embedding settings (none by default) and names the missing key for openai', () => {
    expect(toAppConfig(parseEnv(envSchema, { DATABASE_URL })).embedding).toEqual({ provider: 'none' });
    const config = toAppConfig(
      parseEnv(envSchema, {
        DATABASE_URL,
        EMBEDDING_PROVIDER: 'openai',
        EMBEDDING_BASE_URL: 'http://127.0.0.1:8080/v1',
        OPENAI_API_KEY: 'k',
      }),
    );
    expect(config.embedding).toEqual({
      provider: 'openai',
      baseUrl: 'http://127.0.0.1:8080/v1',
      model: 'text-embedding-3-small',
      apiKey: 'k',
    });
    expect(() => parseEnv(envSchema, { DATABASE_URL, EMBEDDING_PROVIDER: 'openai' })).toThrow(/EMBEDDING_API_KEY/);
  });
});
