import { parseEnv } from '@parley/observability/startup';
import { envSchema, toAppConfig } from '../env.schema';
import { parseTrustedProxies, trustProxyOption } from '../trusted-proxies.env';

const BASE = { DATABASE_URL: 'postgresql://parley_app:pw@127.0.0.1:5432/parley', AUTH_SIGNING_KEYS: `k1:${'a'.repeat(32)}` };

describe('GATEWAY_TRUSTED_PROXIES', () => {
  it('trusts no proxy by default, so X-Forwarded-For is ignored', () => {
    const config = toAppConfig(parseEnv(envSchema, BASE));
    expect(config.trustedProxies).toEqual([]);
    expect(trustProxyOption(config.trustedProxies)).toBe(false);
  });

  it('reads addresses, CIDR ranges and the named ranges, trimmed', () => {
    const raw = ' 10.0.0.0/8, 192.168.1.7 ,fd00::/8, ::1, loopback,uniquelocal, 2001:db8::/128 ';
    const config = toAppConfig(parseEnv(envSchema, { ...BASE, GATEWAY_TRUSTED_PROXIES: raw }));
    expect(config.trustedProxies).toEqual(['10.0.0.0/8', '192.168.1.7', 'fd00::/8', '::1', 'loopback', 'uniquelocal', '2001:db8::/128']);
    expect(trustProxyOption(config.trustedProxies)).toEqual(config.trustedProxies);
    expect(parseTrustedProxies(' , ')).toEqual([]);
  });

  it.each([
    ['10.0.0.0/33', 1],
    ['10.0.0.1, 10.0.0.300', 2],
    ['fd00::/129', 1],
    ['proxy.internal', 1],
    ['10.0.0.0/8/8', 1],
    ['10.0.0.0/', 1],
    ['true', 1],
    ['*', 1],
  ])('refuses %s, naming the entry', (raw, entry) => {
    expect(() => parseEnv(envSchema, { ...BASE, GATEWAY_TRUSTED_PROXIES: raw })).toThrow(
      `Invalid environment: GATEWAY_TRUSTED_PROXIES must list IP addresses, CIDR ranges or loopback/linklocal/uniquelocal (entry ${entry}:`,
    );
  });
});

describe('RATE_LIMIT_* defaults', () => {
  it('has the documented per-minute limits per dimension', () => {
    expect(toAppConfig(parseEnv(envSchema, BASE)).rateLimits).toEqual({ apiKey: 60, session: 60, user: 300, tenant: 3000, ip: 1200 });
  });

  it('reads each limit, RATE_LIMIT_PER_MINUTE for keys and sessions', () => {
    const env = {
      ...BASE,
      RATE_LIMIT_PER_MINUTE: '7',
      RATE_LIMIT_USER_PER_MINUTE: '8',
      RATE_LIMIT_TENANT_PER_MINUTE: '9',
      RATE_LIMIT_IP_PER_MINUTE: '10',
    };
    expect(toAppConfig(parseEnv(envSchema, env)).rateLimits).toEqual({ apiKey: 7, session: 7, user: 8, tenant: 9, ip: 10 });
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => parseEnv(envSchema, { ...BASE, RATE_LIMIT_IP_PER_MINUTE: '0' })).toThrow('RATE_LIMIT_IP_PER_MINUTE must be an integer');
    expect(() => parseEnv(envSchema, { ...BASE, RATE_LIMIT_TENANT_PER_MINUTE: 'many' })).toThrow(
      'RATE_LIMIT_TENANT_PER_MINUTE must be an integer',
    );
    expect(() => parseEnv(envSchema, { ...BASE, RATE_LIMIT_USER_PER_MINUTE: '-1' })).toThrow(
      'RATE_LIMIT_USER_PER_MINUTE must be an integer',
    );
  });
});
