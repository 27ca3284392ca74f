import { parseEnv } from '@parley/observability/startup';
import { envSchema, toAppConfig } from '../config/env.schema';

const DATABASE_URL = 'postgresql://parley_app:pw@127.0.0.1:5432/parley';
const KEY = Buffer.alloc(32, 7).toString('base64');
const base = { DATABASE_URL, NOTIFIER_SECRET_KEYS: `k1:${KEY}` };

describe('notifier env schema', () => {
  it('defaults to port 3005 and names the service', () => {
    const config = toAppConfig(parseEnv(envSchema, base));
    expect(config).toMatchObject({ service: 'notifier', http: { host: '0.0.0.0', port: 3005 }, shutdown: { timeoutMs: 10_000 } });
    expect(config.notifier).toMatchObject({
      activeSecretKid: 'k1',
      smtpUrl: null,
      allowPrivateTargets: false,
      httpTimeoutMs: 10_000,
      maxAttempts: 8,
      production: false,
    });
    expect(config.notifier.secretKeys.get('k1')?.length).toBe(32);
  });

  it('lets PORT override the default', () => {
    expect(toAppConfig(parseEnv(envSchema, { ...base, PORT: '4100' })).http.port).toBe(4100);
  });

  it('requires DATABASE_URL and the secret keys', () => {
    expect(() => parseEnv(envSchema, { NOTIFIER_SECRET_KEYS: base.NOTIFIER_SECRET_KEYS })).toThrow(
      'Invalid environment: DATABASE_URL is required',
    );
    expect(() => parseEnv(envSchema, { DATABASE_URL })).toThrow('NOTIFIER_SECRET_KEYS is required');
  });

  it.each([
    ['a short key', { NOTIFIER_SECRET_KEYS: `k1:${Buffer.alloc(16).toString('base64')}` }, 'NOTIFIER_SECRET_KEYS must be kid:base64 pairs'],
    ['a repeated kid', { NOTIFIER_SECRET_KEYS: `k1:${KEY},k1:${KEY}` }, 'NOTIFIER_SECRET_KEYS must be kid:base64 pairs'],
    ['several keys and no active one', { NOTIFIER_SECRET_KEYS: `k1:${KEY},k2:${KEY}` }, 'NOTIFIER_ACTIVE_SECRET_KID is required'],
    ['an active kid that is not configured', { NOTIFIER_ACTIVE_SECRET_KID: 'k9' }, 'NOTIFIER_ACTIVE_SECRET_KID must be one of the kids'],
    [
      'private targets in production',
      { NODE_ENV: 'production', NOTIFIER_ALLOW_PRIVATE_TARGETS: 'true' },
      'NOTIFIER_ALLOW_PRIVATE_TARGETS must be false in production',
    ],
    ['an http SMTP URL', { NOTIFIER_SMTP_URL: 'http://mail' }, 'NOTIFIER_SMTP_URL must be'],
    [
      'a lease a live send could outlast',
      { NOTIFIER_HTTP_TIMEOUT_MS: '10000', NOTIFIER_LEASE_MS: '14000' },
      'NOTIFIER_LEASE_MS must be at least NOTIFIER_HTTP_TIMEOUT_MS + 5000 ms',
    ],
  ])('refuses %s', (_name, over, message) => {
    expect(() => parseEnv(envSchema, { ...base, ...over })).toThrow(message);
  });

  it('takes the active kid when several keys rotate', () => {
    const config = toAppConfig(
      parseEnv(envSchema, { ...base, NOTIFIER_SECRET_KEYS: `k1:${KEY},k2:${KEY}`, NOTIFIER_ACTIVE_SECRET_KID: 'k2' }),
    );
    expect(config.notifier.activeSecretKid).toBe('k2');
    expect([...config.notifier.secretKeys.keys()]).toEqual(['k1', 'k2']);
  });
});
