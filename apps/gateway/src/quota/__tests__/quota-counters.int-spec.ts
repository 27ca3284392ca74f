import { RedisClient } from '@parley/persistence';
import { testEnvironment } from '@parley/testing';
import { testNamespace } from '../../http/__tests__/support/gateway-test-app';
import { QuotaCounters } from '../quota-counters.store';

// The quota counters' Lua scripts on the run's real Redis: a turn counts once, the floor from
// usage_daily raises but never lowers, a notice is claimed once per tenant, period and threshold.
let redis: RedisClient;
let counters: QuotaCounters;
const TENANT = '6f1c8f57-2f7e-4d55-9a55-6f0a0d7a1c11';

beforeAll(() => {
  redis = new RedisClient({ url: testEnvironment().TEST_REDIS_URL, keyPrefix: `${testNamespace('qc')}:`, pingTimeoutMs: 10_000 });
  counters = new QuotaCounters(redis);
});

afterAll(async () => {
  await redis.quit();
});

it('starts unsynced at zero, counts each turn once and keeps the counters until after the period', async () => {
  expect(await counters.read(TENANT, '2027-03')).toEqual({ messages: 0, tokens: 0, synced: false });
  expect(await counters.record(TENANT, '2027-03', 'turn-1', { messages: 1, tokens: 120 }, 3600)).toEqual({ messages: 1, tokens: 120 });
  expect(await counters.record(TENANT, '2027-03', 'turn-1', { messages: 1, tokens: 120 }, 3600)).toBeNull();
  expect(await counters.record(TENANT, '2027-03', 'turn-2', { messages: 1, tokens: 30 }, 3600)).toEqual({ messages: 2, tokens: 150 });
  expect(await counters.read(TENANT, '2027-03')).toEqual({ messages: 2, tokens: 150, synced: false });
  const ttl = await redis.ttl(`quota:${TENANT}:2027-03`);
  expect(ttl).toBeGreaterThan(0);
  expect(ttl).toBeLessThanOrEqual(3600);
});

it("raises each counter to usage_daily's sum, never lowers one, and marks them synced", async () => {
  expect(await counters.raise(TENANT, '2027-03', { messages: 10, tokens: 100 }, 3600)).toEqual({ messages: 10, tokens: 150 });
  expect(await counters.raise(TENANT, '2027-03', { messages: 4, tokens: 40 }, 3600)).toEqual({ messages: 10, tokens: 150 });
  expect(await counters.read(TENANT, '2027-03')).toEqual({ messages: 10, tokens: 150, synced: true });
  expect(await counters.read(TENANT, '2027-04')).toEqual({ messages: 0, tokens: 0, synced: false });
});

it('claims a notice once per tenant, period and threshold, and can give a claim back', async () => {
  expect(await counters.claimNotice(TENANT, '2027-03', 80, 3600)).toBe(true);
  expect(await counters.claimNotice(TENANT, '2027-03', 80, 3600)).toBe(false);
  expect(await counters.claimNotice(TENANT, '2027-03', 100, 3600)).toBe(true);
  expect(await counters.claimNotice(TENANT, '2027-04', 80, 3600)).toBe(true);
  await counters.releaseNotice(TENANT, '2027-03', 80);
  expect(await counters.claimNotice(TENANT, '2027-03', 80, 3600)).toBe(true);
});
