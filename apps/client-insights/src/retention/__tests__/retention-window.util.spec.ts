import { parseEnv } from '@parley/observability/startup';
import { envSchema, toAppConfig } from '../../config/env.schema';
import { daySpans, floorDayAfter, retentionCutoffDay, utcDayOf, utcMidnight } from '../retention-window.util';

describe('retention window', () => {
  it.each([
    ['2026-05-01T10:00:00Z', 30, '2026-04-01'],
    ['2026-05-01T00:00:00Z', 30, '2026-04-01'],
    ['2026-05-01T23:59:59Z', 1, '2026-04-30'],
    ['2026-03-01T12:00:00Z', 1, '2026-02-28'],
  ])('at %s with %i days keeps content from 00:00 UTC of %s', (now, days, cutoff) => {
    expect(retentionCutoffDay(new Date(now), days, 'UTC')).toBe(cutoff);
  });

  it.each([
    // 05:00 UTC on May 1st is still April 30th in New York (UTC-4 in May) and already May 1st in Kolkata.
    ['2026-05-01T03:00:00Z', 'America/New_York', 30, '2026-03-31'],
    ['2026-05-01T03:00:00Z', 'Asia/Kolkata', 30, '2026-04-01'],
    ['2026-04-30T19:00:00Z', 'Asia/Kolkata', 30, '2026-04-01'],
    ['2026-04-30T11:59:59Z', 'Pacific/Auckland', 1, '2026-04-29'], // 23:59:59 NZST
    ['2026-04-30T12:00:00Z', 'Pacific/Auckland', 1, '2026-04-30'], // already May 1st
  ])("at %s in %s with %i days keeps content from the tenant's local midnight of %s", (now, zone, days, cutoff) => {
    expect(retentionCutoffDay(new Date(now), days, zone)).toBe(cutoff);
  });

  it("counts content after a seal from the seal's local day, or from the next day when the seal is not that day's midnight", () => {
    expect(floorDayAfter(new Date('2026-04-02T00:00:00Z'), 'UTC')).toBe('2026-04-02');
    expect(floorDayAfter(new Date('2026-04-02T04:00:00Z'), 'America/New_York')).toBe('2026-04-02'); // 00:00 EDT
    // Sealed through a UTC midnight, then the zone became New York (20:00 the day before) or Kolkata (05:30 that day).
    expect(floorDayAfter(new Date('2026-04-02T00:00:00Z'), 'America/New_York')).toBe('2026-04-02');
    expect(floorDayAfter(new Date('2026-04-02T00:00:00Z'), 'Asia/Kolkata')).toBe('2026-04-03');
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
