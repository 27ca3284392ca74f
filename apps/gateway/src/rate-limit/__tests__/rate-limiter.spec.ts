import { ServiceMetrics, type Logger } from '@parley/observability';
import type { RedisClient } from '@parley/persistence';
import { RateLimiter } from '../rate-limiter.service';

// The limiter's handling of Redis answers and failures (the counting itself runs in Redis:
// see rate-limit-and-cors.int-spec.ts).

function setup(evalImpl: (...args: unknown[]) => Promise<unknown>) {
  const metrics = new ServiceMetrics('gateway-test');
  const warn = jest.fn();
  const redis = { eval: jest.fn(evalImpl) };
  const limiter = new RateLimiter(redis as unknown as RedisClient, metrics, { warn } as unknown as Logger);
  const limitedTotal = async (kind: string) =>
    (await metrics.registry.getSingleMetric('parley_rate_limited_total')!.get()).values.find((v) => v.labels.kind === kind)?.value;
  return { limiter, redis, warn, limitedTotal };
}

describe('RateLimiter', () => {
  it('keys the count by kind, id and minute window, expiring with the window', async () => {
    const { limiter, redis } = setup(async () => [1, 30_000]);
    await limiter.consume('session', 'sess-1', 10, 125_000);
    expect(redis.eval).toHaveBeenCalledWith(
      expect.stringContaining("redis.call('INCR'"),
      1,
      'ratelimit:session:sess-1:2',
      String(55_000 + 1000),
    );
  });

  it('allows up to the limit and counts refusals in parley_rate_limited_total', async () => {
    let count = 0;
    const { limiter, limitedTotal } = setup(async () => [++count, 40_000]);
    const verdicts = [];
    for (let i = 0; i < 3; i++) verdicts.push(await limiter.consume('api_key', 'key-1', 2, 120_000));
    expect(verdicts.map((v) => v?.allowed)).toEqual([true, true, false]);
    expect(verdicts[2]).toEqual({ allowed: false, limit: 2, remaining: 0, resetSeconds: 40 });
    expect(await limitedTotal('api_key')).toBe(1);
    expect(await limitedTotal('session')).toBe(0);
  });

  it('never reports a reset beyond the end of the window', async () => {
    const { limiter } = setup(async () => [1, 61_000]);
    expect((await limiter.consume('api_key', 'key-1', 5, 170_000))?.resetSeconds).toBe(10);
  });

  it('lets the request through and warns when Redis fails', async () => {
    const { limiter, warn } = setup(async () => {
      throw new Error('Connection is closed.');
    });
    await expect(limiter.consume('api_key', 'key-1', 5)).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ kind: 'api_key' }), 'rate limiter unavailable; request not limited');
  });
});
