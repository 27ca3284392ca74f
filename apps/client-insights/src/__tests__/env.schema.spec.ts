import { parseEnv } from '@parley/observability/startup';
import { envSchema, toAppConfig } from '../config/env.schema';

const DATABASE_URL = 'postgresql://parley_app:pw@127.0.0.1:5432/parley';
const ANALYTICS_DATABASE_URL = 'postgresql://parley_analytics:pw@127.0.0.1:5432/parley';

describe('client-insights env schema', () => {
  it('defaults to port 3003 and carries both database URLs', () => {
    const config = toAppConfig(parseEnv(envSchema, { DATABASE_URL, ANALYTICS_DATABASE_URL }));
    expect(config).toMatchObject({
      service: 'client-insights',
      http: { port: 3003 },
      database: { url: DATABASE_URL, analyticsUrl: ANALYTICS_DATABASE_URL },
    });
  });

  it('requires both database URLs, naming each', () => {
    expect(() => parseEnv(envSchema, {})).toThrow('Invalid environment: DATABASE_URL is required; ANALYTICS_DATABASE_URL is required');
  });

  it('rejects a malformed analytics URL', () => {
    expect(() => parseEnv(envSchema, { DATABASE_URL, ANALYTICS_DATABASE_URL: 'redis://x' })).toThrow(
      'Invalid environment: ANALYTICS_DATABASE_URL must be a postgres:// or postgresql:// URL',
    );
  });
});
