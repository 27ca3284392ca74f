import { parseEnv } from '@parley/observability/startup';
import { envSchema, toAppConfig } from '../../config/env.schema';
import { daySpans, retentionCutoffDay, utcDayOf, utcMidnight } from '../retention-window.util';

describe('retention window', () => {
  it.each([
    ['2026-05-01T10:00:00Z', 30, '2026-04-01'],
    ['2026-05-01T00:00:00Z', 30, '2026-04-01'],
    ['2026-05-01T23:59:59Z', 1, '2026-04-30'],
    ['2026-03-01T12:00:00Z', 1, '2026-02-28'],
  ])('at %s with %i days keeps content from 00:00 UTC of %s', (now, days, cutoff) => {
    expect(retentionCutoffDay(new Date(now), days)).toBe(cutoff);
  });

  it('maps UTC days to instants and back', () => {
    expect(utcMidnight('2026-04-01').toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(utcDayOf(new Date('2026-04-01T23:59:59.999Z'))).toBe('2026-04-01');
  });

  it('splits a day range into spans of at most n days', () => {
    expect(daySpans('2026-03-28', '2026-04-12', 7)).toEqual([
      { from: '2026-03-28', to: '2026-04-04' },
      { from: '2026-04-04', to: '2026-04-11' },
      { from: '2026-04-11', to: '2026-04-12' },
    ]);
    expect(daySpans('2026-04-01', '2026-04-01', 7)).toEqual([]);
  });
});

describe('retention settings', () => {
  const base = { DATABASE_URL: 'postgresql://a:b@127.0.0.1:5432/p', ANALYTICS_DATABASE_URL: 'postgresql://c:d@127.0.0.1:5432/p' };

  it('default to an hourly run, batches of 5000, 90-day tool executions and a one-hour run limit', () => {
    expect(toAppConfig(parseEnv(envSchema, base)).insights.retention).toEqual({
      intervalMs: 3_600_000,
      batchSize: 5000,
      toolExecutionDays: 90,
      maxRunMs: 3_600_000,
    });
  });

  it.each([
    ['RETENTION_BATCH_SIZE', '10'],
    ['RETENTION_INTERVAL_MS', 'hourly'],
    ['RETENTION_TOOL_EXECUTION_DAYS', '0'],
  ])('rejects %s=%s, naming it', (name, value) => {
    expect(() => parseEnv(envSchema, { ...base, [name]: value })).toThrow(name);
  });
});
