import { parseEnv } from '@parley/observability/startup';
import { envSchema, toAppConfig } from '../config/env.schema';

const DATABASE_URL = 'postgresql://parley_app:pw@127.0.0.1:5432/parley';

describe('notifier env schema', () => {
  it('defaults to port 3005 and names the service', () => {
    const config = toAppConfig(parseEnv(envSchema, { DATABASE_URL }));
    expect(config).toMatchObject({ service: 'notifier', http: { host: '0.0.0.0', port: 3005 }, shutdown: { timeoutMs: 10_000 } });
  });

  it('lets PORT override the default', () => {
    expect(toAppConfig(parseEnv(envSchema, { DATABASE_URL, PORT: '4100' })).http.port).toBe(4100);
  });

  it('requires DATABASE_URL', () => {
    expect(() => parseEnv(envSchema, {})).toThrow('Invalid environment: DATABASE_URL is required');
  });
});
