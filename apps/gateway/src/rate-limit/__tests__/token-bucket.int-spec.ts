import { ServiceMetrics, type Logger } from '@parley/observability';
import { RedisClient } from '@parley/persistence';
import { testEnvironment } from '@parley/testing';
import { testNamespace } from '../../http/__tests__/support/gateway-test-app';
import { RateLimiter } from '../rate-limiter.service';

// The token buckets in the run's Redis (TOKEN_BUCKETS_SCRIPT, one call for all of a request's
// buckets). Time passing is simulated by moving a bucket's stored "full again" moment back, never
// by waiting.

let redis: RedisClient;
let limiter: RateLimiter;
let counter = 0;

function freshId(): string {
  counter += 1;
  return `bucket-${counter}`;
}

/** As if `ms` had passed for the bucket of `id`. */
async function elapse(id: string, ms: number, kind = 'api_key'): Promise<void> {
  const key = `rl:${kind}:${id}`;
  const tat = Number(await redis.get(key));
  await redis.set(key, String(tat - ms), 'PX', 120_000);
}

beforeAll(async () => {
  redis = new RedisClient({ url: testEnvironment().TEST_REDIS_URL, keyPrefix: `${testNamespace('tb')}:`, pingTimeoutMs: 10_000 });
  // The limiter lets requests through while the client is not ready yet.
  await redis.check();
  limiter = new RateLimiter(redis, new ServiceMetrics('gateway-test'), { warn: jest.fn() } as unknown as Logger);
});

afterAll(async () => {
  await redis.quit();
});

describe('token bucket', () => {
  it('holds the limit at once, then refuses with the wait until one request fits', async () => {
    const id = freshId();
    const verdicts = [];
    for (let i = 0; i < 5; i++) verdicts.push(await limiter.consume('api_key', id, 4));
    expect(verdicts.map((v) => [v?.allowed, v?.remaining])).toEqual([
      [true, 3],
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    // Four of four in use: full again in 60 s; one fits again after a quarter of the minute.
    expect(verdicts[3]!.resetSeconds).toBeGreaterThanOrEqual(59);
    expect(verdicts[3]!.resetSeconds).toBeLessThanOrEqual(60);
    expect(verdicts[4]!.resetSeconds).toBeGreaterThanOrEqual(14);
    expect(verdicts[4]!.resetSeconds).toBeLessThanOrEqual(15);
  });

  it('does not push the wait further out for refused requests', async () => {
    const id = freshId();
    for (let i = 0; i < 2; i++) await limiter.consume('api_key', id, 2);
    const first = await limiter.consume('api_key', id, 2);
    for (let i = 0; i < 5; i++) await limiter.consume('api_key', id, 2);
    const later = await limiter.consume('api_key', id, 2);
    expect(first?.allowed).toBe(false);
    expect(later?.allowed).toBe(false);
    expect(later!.resetSeconds).toBeLessThanOrEqual(first!.resetSeconds);
  });

  it('refills gradually: a quarter of a minute later one more request fits, not a new minute’s worth', async () => {
    const id = freshId();
    for (let i = 0; i < 4; i++) await limiter.consume('api_key', id, 4);
    await elapse(id, 15_100);
    expect(await limiter.consume('api_key', id, 4)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await limiter.consume('api_key', id, 4)).toMatchObject({ allowed: false });
    await elapse(id, 60_000);
    expect(await limiter.consume('api_key', id, 4)).toMatchObject({ allowed: true, remaining: 3 });
  });

  it('expires the key when the bucket would be full again', async () => {
    const id = freshId();
    await limiter.consume('api_key', id, 4);
    const ttl = await redis.pttl(`rl:api_key:${id}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(15_000);
  });

  it('counts all of a request’s buckets or none: a refused request takes no token', async () => {
    const id = freshId();
    await limiter.consume('api_key', id, 2);
    const checked = await limiter.check([
      { kind: 'api_key', id, limit: 2 },
      { kind: 'tenant', id: `${id}-tenant`, limit: 1 },
      { kind: 'tenant', id: `${id}-tenant`, limit: 1 },
    ]);
    // The tenant named twice sees its own first count: the second is over its limit of 1.
    expect(checked.map(({ kind, verdict }) => [kind, verdict.allowed])).toEqual([
      ['api_key', true],
      ['tenant', true],
      ['tenant', false],
    ]);
    // Nothing of the refused request was stored: the key has one request left, the tenant its one.
    expect(await limiter.consume('api_key', id, 2)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await limiter.consume('tenant', `${id}-tenant`, 1)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('counts the buckets counted alone (the client IP) even when a later one refuses, and nothing when they refuse', async () => {
    const [ip, key] = [freshId(), freshId()];
    const first = await limiter.check([{ kind: 'api_key', id: key, limit: 1 }], [{ kind: 'ip', id: ip, limit: 3 }]);
    expect(first.map(({ verdict }) => [verdict.allowed, verdict.remaining])).toEqual([
      [true, 2],
      [true, 0],
    ]);
    const second = await limiter.check([{ kind: 'api_key', id: key, limit: 1 }], [{ kind: 'ip', id: ip, limit: 3 }]);
    expect(second.map(({ kind, verdict }) => [kind, verdict.allowed])).toEqual([
      ['ip', true],
      ['api_key', false],
    ]);
    // The IP counted both; the third fills it, the fourth is refused by the IP alone and the key is not asked.
    expect(await limiter.consume('ip', ip, 3)).toMatchObject({ allowed: true, remaining: 0 });
    await elapse(key, 60_000);
    const refused = await limiter.check([{ kind: 'api_key', id: key, limit: 1 }], [{ kind: 'ip', id: ip, limit: 3 }]);
    expect(refused.map(({ kind, verdict }) => [kind, verdict.allowed])).toEqual([['ip', false]]);
    expect(await limiter.consume('api_key', key, 1)).toMatchObject({ allowed: true });
  });

  it('allows the request that makes the bucket exactly full and refuses the next', async () => {
    const id = freshId();
    const verdicts = [];
    for (let i = 0; i < 7; i++) verdicts.push(await limiter.consume('api_key', id, 7));
    expect(verdicts.map((v) => [v?.allowed, v?.remaining])).toEqual([6, 5, 4, 3, 2, 1, 0].map((left) => [true, left]));
    const refused = await limiter.consume('api_key', id, 7);
    // 60 s / 7 = 8571.4 ms until one fits, rounded up to whole seconds: 9 (never 0, never early).
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused!.resetSeconds).toBeGreaterThanOrEqual(8);
    expect(refused!.resetSeconds).toBeLessThanOrEqual(9);
  });

  it('rounds a wait under a second up to 1 s', async () => {
    const id = freshId();
    for (let i = 0; i < 2; i++) await limiter.consume('api_key', id, 2);
    // 0.9 s left to wait (real time between here and the check shortens it: a busy machine must
    // not take the whole of it).
    await elapse(id, 29_100);
    const refused = await limiter.consume('api_key', id, 2);
    expect(refused).toMatchObject({ allowed: false, resetSeconds: 1 });
  });

  it('starts over once a whole window has passed (the key expired)', async () => {
    const id = freshId();
    for (let i = 0; i < 3; i++) await limiter.consume('api_key', id, 3);
    expect(await limiter.consume('api_key', id, 3)).toMatchObject({ allowed: false });
    await redis.del(`rl:api_key:${id}`);
    expect(await limiter.consume('api_key', id, 3)).toMatchObject({ allowed: true, remaining: 2 });
    // A TAT left in the past (a key that outlived its window) counts from now, not from then.
    await elapse(id, 600_000);
    expect(await limiter.consume('api_key', id, 3)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('lets exactly `limit` of many concurrent requests through', async () => {
    const [ip, tenant] = [freshId(), freshId()];
    const checks = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        limiter.check(
          [
            { kind: 'api_key', id: `${tenant}-key-${i % 4}`, limit: 100 },
            { kind: 'tenant', id: tenant, limit: 10 },
          ],
          [{ kind: 'ip', id: ip, limit: 25 }],
        ),
      ),
    );
    const served = checks.filter((checked) => checked.every(({ verdict }) => verdict.allowed)).length;
    const ipAllowed = checks.filter((checked) => checked[0]!.verdict.allowed).length;
    expect(served).toBe(10);
    expect(ipAllowed).toBe(25);
  });

  it("keeps a bucket's level when its limit changes", async () => {
    const id = freshId();
    for (let i = 0; i < 3; i++) await limiter.consume('api_key', id, 4);
    // Three quarters of a minute in use: at 8 a minute that is 6 of 8, so this one leaves 1.
    expect(await limiter.consume('api_key', id, 8)).toMatchObject({ allowed: true, remaining: 1 });
  });
});
