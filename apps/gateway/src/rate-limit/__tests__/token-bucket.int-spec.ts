import { ServiceMetrics, type Logger } from '@parley/observability';
import { RedisClient } from '@parley/persistence';
import { testEnvironment } from '@parley/testing';
import { testNamespace } from '../../http/__tests__/support/gateway-test-app';
import { RateLimiter } from '../rate-limiter.service';

// The token bucket in the run's Redis (TOKEN_BUCKET_SCRIPT through rate-limiter-flexible). Time
// passing is simulated by moving the bucket's stored "full again" moment back, never by waiting.

let redis: RedisClient;
let limiter: RateLimiter;
let counter = 0;

function freshId(): string {
  counter += 1;
  return `bucket-${counter}`;
}

/** As if `ms` had passed for the bucket of `id`. */
async function elapse(id: string, ms: number): Promise<void> {
  const key = `rl:api_key:${id}`;
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

  it('returns a token taken for a request another limit refused', async () => {
    const id = freshId();
    await limiter.consume('api_key', id, 2);
    const checked = await limiter.check([
      { kind: 'api_key', id, limit: 2 },
      { kind: 'tenant', id: `${id}-tenant`, limit: 1 },
      { kind: 'tenant', id: `${id}-tenant`, limit: 1 },
    ]);
    expect(checked.some(({ verdict }) => !verdict.allowed)).toBe(true);
    // The key's second token was given back: one request still fits.
    expect(await limiter.consume('api_key', id, 2)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it("keeps a bucket's level when its limit changes", async () => {
    const id = freshId();
    for (let i = 0; i < 3; i++) await limiter.consume('api_key', id, 4);
    // Three quarters of a minute in use: at 8 a minute that is 6 of 8, so this one leaves 1.
    expect(await limiter.consume('api_key', id, 8)).toMatchObject({ allowed: true, remaining: 1 });
  });
});
