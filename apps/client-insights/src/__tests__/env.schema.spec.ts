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

describe('client-insights L3 settings', () => {
  const base = { DATABASE_URL: 'postgresql://a:b@127.0.0.1:5432/p', ANALYTICS_DATABASE_URL: 'postgresql://c:d@127.0.0.1:5432/p' };

  it('defaults to an hourly rollup and the built-in price table', () => {
    const config = toAppConfig(parseEnv(envSchema, base));
    expect(config.insights).toMatchObject({ consumerConcurrency: 32, rollupIntervalMs: 3_600_000 });
    expect(config.insights.modelPrices['openai/gpt-4o-mini']).toEqual({ inputPerMTok: 0.15, outputPerMTok: 0.6 });
  });

  it('merges INSIGHTS_MODEL_PRICES over the defaults', () => {
    const config = toAppConfig(
      parseEnv(envSchema, { ...base, INSIGHTS_MODEL_PRICES: '{"openai/gpt-4o-mini":{"inputPerMTok":1,"outputPerMTok":2}}' }),
    );
    expect(config.insights.modelPrices['openai/gpt-4o-mini']).toEqual({ inputPerMTok: 1, outputPerMTok: 2 });
    expect(config.insights.modelPrices['offline/*']).toEqual({ inputPerMTok: 0, outputPerMTok: 0 });
  });

  it.each(['not json', '{"gpt-4o":{"inputPerMTok":1,"outputPerMTok":2}}', '{"openai/x":{"inputPerMTok":-1,"outputPerMTok":2}}'])(
    'rejects INSIGHTS_MODEL_PRICES=%s',
    (raw) => {
      expect(() => parseEnv(envSchema, { ...base, INSIGHTS_MODEL_PRICES: raw })).toThrow('INSIGHTS_MODEL_PRICES must be a JSON object');
    },
  );

  it('rejects a rollup interval under a minute', () => {
    expect(() => parseEnv(envSchema, { ...base, INSIGHTS_ROLLUP_INTERVAL_MS: '1000' })).toThrow(
      'INSIGHTS_ROLLUP_INTERVAL_MS must be an integer 60000-86400000',
    );
  });
});

describe('client-insights L4/L5 thresholds', () => {
  const base = { DATABASE_URL: 'postgresql://a:b@127.0.0.1:5432/p', ANALYTICS_DATABASE_URL: 'postgresql://c:d@127.0.0.1:5432/p' };

  it('defaults to the documented rules', () => {
    const config = toAppConfig(parseEnv(envSchema, base));
    expect(config.insights.ownerIntervalMs).toBe(3_600_000);
    expect(config.insights.alertRules).toEqual({
      sentimentDropPct: 20,
      escalationRate: 0.15,
      unansweredRepeats: 5,
      usageDropPct: 50,
      minSessions: 5,
    });
    expect(config.insights.portfolioRules).toMatchObject({
      minSessions: 5,
      escalationAmber: 0.15,
      churnHigh: 0.5,
      trendPeriods: 4,
      emergingMinTenants: 3,
    });
  });

  it('merges overrides over the defaults', () => {
    const config = toAppConfig(
      parseEnv(envSchema, {
        ...base,
        INSIGHTS_ALERT_RULES: '{"escalationRate":0.2,"unansweredRepeats":3}',
        INSIGHTS_PORTFOLIO_RULES: '{"emergingMinTenants":2}',
      }),
    );
    expect(config.insights.alertRules).toMatchObject({ escalationRate: 0.2, unansweredRepeats: 3, usageDropPct: 50 });
    expect(config.insights.portfolioRules).toMatchObject({ emergingMinTenants: 2, minSessions: 5 });
  });

  it.each([
    ['INSIGHTS_ALERT_RULES', '{"escalationRate":1.5}'],
    ['INSIGHTS_ALERT_RULES', '{"escalationRte":0.2}'],
    ['INSIGHTS_ALERT_RULES', 'not json'],
    ['INSIGHTS_PORTFOLIO_RULES', '{"emergingMinTenants":1}'],
    ['INSIGHTS_PORTFOLIO_RULES', '[]'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => parseEnv(envSchema, { ...base, [name]: value })).toThrow(name);
  });
});
