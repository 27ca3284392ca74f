import { ServiceMetrics, type Logger } from '@parley/observability';
import type { RedisClient } from '@parley/persistence';
import type { FastifyReply } from 'fastify';
import { ProblemException } from '../../http/problem.exception';
import { RateLimiter } from '../rate-limiter.service';
import { TOKEN_BUCKETS_SCRIPT } from '../token-bucket.script';

// The limiter around the token-bucket script: how it calls Redis (one command for all of a
// request's buckets), reads the answer and fails open (the buckets themselves run in Redis: see
// token-bucket.int-spec.ts, rate-limit-and-cors.int-spec.ts and rate-limit-dimensions.int-spec.ts).

/** One bucket's answer as the script gives it: [1 allowed / 0 refused, tokens in use, ms]. */
type Bucket = (key: string, limit: number) => Promise<[number, number, number]>;

function setup(bucket: Bucket, status = 'ready') {
  const metrics = new ServiceMetrics('gateway-test');
  const warn = jest.fn();
  const redis = {
    status,
    defineCommand: jest.fn(),
    // As the script answers: the first `alone` buckets, and the rest only when none of those refused.
    parleyTokenBuckets: jest.fn(async (count: number, ...args: string[]) => {
      const keys = args.slice(0, count);
      const alone = Number(args[count + 1]);
      const limits = args.slice(count + 2).map(Number);
      const answers: [number, number, number][] = [];
      for (let i = 0; i < count; i++) {
        if (i === alone && answers.some(([allowed]) => allowed === 0)) break;
        answers.push(await bucket(keys[i]!, limits[i]!));
      }
      return answers.flat();
    }),
  };
  const limiter = new RateLimiter(redis as unknown as RedisClient, metrics, { warn } as unknown as Logger);
  const total = async (name: string, kind: string) =>
    (await metrics.registry.getSingleMetric(name)!.get()).values.find((v) => v.labels.kind === kind)?.value;
  return { limiter, redis, warn, total };
}

function fakeReply() {
  const headers: Record<string, string> = {};
  const reply = { headers: jest.fn((more: Record<string, string>) => Object.assign(headers, more)) };
  return { reply: reply as unknown as FastifyReply, headers };
}

describe('RateLimiter', () => {
  it('keys each bucket by kind and id, with the limit per minute, all in one call of the token-bucket script', async () => {
    const { limiter, redis } = setup(async () => [1, 1, 6000]);
    await limiter.consume('session', 'sess-1', 10);
    expect(redis.defineCommand).toHaveBeenCalledWith('parleyTokenBuckets', { lua: TOKEN_BUCKETS_SCRIPT });
    expect(redis.parleyTokenBuckets).toHaveBeenCalledWith(1, 'rl:session:sess-1', '60000', '0', '10');
    await limiter.check(
      [
        { kind: 'api_key', id: 'k1', limit: 5 },
        { kind: 'tenant', id: 't1', limit: 50 },
      ],
      [{ kind: 'ip', id: '203.0.113.1', limit: 1200 }],
    );
    expect(redis.parleyTokenBuckets).toHaveBeenLastCalledWith(
      3,
      'rl:ip:203.0.113.1',
      'rl:api_key:k1',
      'rl:tenant:t1',
      '60000',
      '1',
      '1200',
      '5',
      '50',
    );
    expect(redis.parleyTokenBuckets).toHaveBeenCalledTimes(2);
  });

  it('allows while the script says the bucket holds the request, and counts refusals by kind', async () => {
    let used = 0;
    const { limiter, total } = setup(async (_key, limit) => (++used <= limit ? [1, used, used * 30_000] : [0, 0, 29_500]));
    const verdicts = [];
    for (let i = 0; i < 3; i++) verdicts.push(await limiter.consume('api_key', 'key-1', 2));
    expect(verdicts).toEqual([
      { allowed: true, limit: 2, remaining: 1, resetSeconds: 30 },
      { allowed: true, limit: 2, remaining: 0, resetSeconds: 60 },
      { allowed: false, limit: 2, remaining: 0, resetSeconds: 30 },
    ]);
    expect(await total('parley_rate_limited_total', 'api_key')).toBe(1);
    expect(await total('parley_rate_limited_total', 'session')).toBe(0);
  });

  it('answers only the buckets counted alone when one of them refuses', async () => {
    const { limiter, total } = setup(async (key) => (key.startsWith('rl:ip') ? [0, 0, 4000] : [1, 1, 1000]));
    const checked = await limiter.check([{ kind: 'api_key', id: 'k1', limit: 5 }], [{ kind: 'ip', id: '203.0.113.1', limit: 2 }]);
    expect(checked).toEqual([{ kind: 'ip', verdict: { allowed: false, limit: 2, remaining: 0, resetSeconds: 4 } }]);
    expect(await total('parley_rate_limited_total', 'ip')).toBe(1);
    expect(await total('parley_rate_limited_total', 'api_key')).toBe(0);
  });

  it('asks Redis nothing when there is nothing to count', async () => {
    const { limiter, redis } = setup(async () => [1, 1, 1000]);
    await expect(limiter.check([])).resolves.toEqual([]);
    expect(redis.parleyTokenBuckets).not.toHaveBeenCalled();
  });

  it('lets the request through, warns and counts when Redis fails', async () => {
    const { limiter, warn, total } = setup(async () => {
      throw new Error('Connection is closed.');
    });
    await expect(limiter.consume('api_key', 'key-1', 5)).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ kinds: ['api_key'] }), 'rate limiter unavailable; request not limited');
    expect(await total('parley_rate_limiter_unavailable_total', 'api_key')).toBe(1);
    expect(await total('parley_rate_limited_total', 'api_key')).toBe(0);
    // Every bucket of the request is counted as not checked.
    await limiter.check([{ kind: 'session', id: 's1', limit: 5 }], [{ kind: 'ip', id: '203.0.113.1', limit: 5 }]);
    expect(await total('parley_rate_limiter_unavailable_total', 'session')).toBe(1);
    expect(await total('parley_rate_limiter_unavailable_total', 'ip')).toBe(1);
  });

  it('does not wait for a disconnected Redis', async () => {
    const { limiter, redis, total } = setup(async () => [1, 1, 1000], 'reconnecting');
    await expect(limiter.consume('ip', '203.0.113.1', 5)).resolves.toBeUndefined();
    expect(redis.parleyTokenBuckets).not.toHaveBeenCalled();
    expect(await total('parley_rate_limiter_unavailable_total', 'ip')).toBe(1);
  });

  it('sets the headers of the tightest limit checked for the response, naming all of them', async () => {
    const { limiter } = setup(async (key) => (key.startsWith('rl:ip') ? [1, 1, 100] : [1, 4, 40_000]));
    const { reply, headers } = fakeReply();
    await limiter.enforce(reply, 'ip', '203.0.113.1', 1200);
    expect(headers['ratelimit-limit']).toBe('1200');
    await limiter.enforceAll(reply, [{ kind: 'api_key', id: 'k1', limit: 5 }]);
    expect(headers).toEqual({
      'ratelimit-limit': '5',
      'ratelimit-remaining': '1',
      'ratelimit-reset': '40',
      'ratelimit-policy': '1200;w=60;name="ip", 5;w=60;name="api_key"',
    });
  });

  it('answers 429 problem+json with Retry-After when a bucket refuses', async () => {
    const { limiter } = setup(async (key) => (key.startsWith('rl:tenant') ? [0, 0, 12_300] : [1, 1, 1000]));
    const { reply, headers } = fakeReply();
    const refusal = await limiter
      .enforceAll(reply, [
        { kind: 'session', id: 's1', limit: 60 },
        { kind: 'tenant', id: 't1', limit: 100 },
      ])
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ProblemException);
    const problem = refusal as ProblemException;
    expect(problem.getStatus()).toBe(429);
    expect(problem.toProblem()).toMatchObject({ type: 'urn:parley:problem:rate-limited', status: 429 });
    expect(problem.detail).toBe('Limit of 100 requests per minute for this tenant reached; retry in 13 s.');
    expect(problem.headers).toMatchObject({
      'retry-after': '13',
      'ratelimit-limit': '100',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '13',
    });
    expect(headers['retry-after']).toBe('13');
  });

  it('sets no header when Redis could not answer any check', async () => {
    const { limiter } = setup(async () => {
      throw new Error('down');
    });
    const { reply, headers } = fakeReply();
    await expect(limiter.enforceAll(reply, [{ kind: 'api_key', id: 'k1', limit: 5 }])).resolves.toBeUndefined();
    expect(headers).toEqual({});
  });
});
