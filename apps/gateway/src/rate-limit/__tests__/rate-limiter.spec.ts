import { ServiceMetrics, type Logger } from '@parley/observability';
import type { RedisClient } from '@parley/persistence';
import type { FastifyReply } from 'fastify';
import { ProblemException } from '../../http/problem.exception';
import { RateLimiter } from '../rate-limiter.service';
import { TOKEN_BUCKET_SCRIPT } from '../token-bucket.script';

// The limiter around rate-limiter-flexible: how it calls Redis, reads its answers, refunds and
// fails open (the token bucket itself runs in Redis: see rate-limit-and-cors.int-spec.ts and
// rate-limit-dimensions.int-spec.ts).

type Incr = (key: string, cost: number, limit: number, durationSeconds: number) => Promise<[number, number]>;

function setup(incr: Incr, status = 'ready') {
  const metrics = new ServiceMetrics('gateway-test');
  const warn = jest.fn();
  const redis = {
    status,
    defineCommand: jest.fn(),
    rlflxIncr: jest.fn(async (args: string[]) => incr(args[0]!, Number(args[1]), Number(args[3]), Number(args[4]))),
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
  it('keys the bucket by kind and id, with the limit per minute, through the token bucket script', async () => {
    const { limiter, redis } = setup(async () => [1, 6000]);
    await limiter.consume('session', 'sess-1', 10);
    expect(redis.defineCommand).toHaveBeenCalledWith('rlflxIncr', { numberOfKeys: 1, lua: TOKEN_BUCKET_SCRIPT });
    expect(redis.rlflxIncr).toHaveBeenCalledWith(['rl:session:sess-1', '1', '60', '10', '60']);
  });

  it('allows while the script says the bucket holds the request, and counts refusals by kind', async () => {
    let used = 0;
    const { limiter, total } = setup(async (_key, cost, limit) => (++used <= limit ? [used, used * 30_000] : [limit + cost, 29_500]));
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

  it('gives the other buckets their token back when one refuses', async () => {
    const { limiter, redis } = setup(async (key, cost, limit) => (key.startsWith('rl:tenant') && cost > 0 ? [limit + 1, 5000] : [1, 1000]));
    const checked = await limiter.check([
      { kind: 'api_key', id: 'k1', limit: 5 },
      { kind: 'tenant', id: 't1', limit: 2 },
    ]);
    expect(checked.map(({ kind, verdict }) => [kind, verdict.allowed])).toEqual([
      ['api_key', true],
      ['tenant', false],
    ]);
    expect(redis.rlflxIncr).toHaveBeenCalledWith(['rl:api_key:k1', '-1', '60', '5', '60']);
    expect(redis.rlflxIncr).not.toHaveBeenCalledWith(['rl:tenant:t1', '-1', '60', '2', '60']);
  });

  it('returns no token when every bucket allowed', async () => {
    const { limiter, redis } = setup(async () => [1, 1000]);
    await limiter.check([
      { kind: 'user', id: 'u1', limit: 5 },
      { kind: 'tenant', id: 't1', limit: 5 },
    ]);
    expect(redis.rlflxIncr).toHaveBeenCalledTimes(2);
  });

  it('lets the request through, warns and counts when Redis fails', async () => {
    const { limiter, warn, total } = setup(async () => {
      throw new Error('Connection is closed.');
    });
    await expect(limiter.consume('api_key', 'key-1', 5)).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ kind: 'api_key' }), 'rate limiter unavailable; request not limited');
    expect(await total('parley_rate_limiter_unavailable_total', 'api_key')).toBe(1);
    expect(await total('parley_rate_limited_total', 'api_key')).toBe(0);
  });

  it('does not wait for a disconnected Redis', async () => {
    const { limiter, redis, total } = setup(async () => [1, 1000], 'reconnecting');
    await expect(limiter.consume('ip', '203.0.113.1', 5)).resolves.toBeUndefined();
    expect(redis.rlflxIncr).not.toHaveBeenCalled();
    expect(await total('parley_rate_limiter_unavailable_total', 'ip')).toBe(1);
  });

  it('sets the headers of the tightest limit checked for the response, naming all of them', async () => {
    const { limiter } = setup(async (key) => (key.startsWith('rl:ip') ? [1, 100] : [4, 40_000]));
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
    const { limiter } = setup(async (key, cost, limit) => (key.startsWith('rl:tenant') ? [limit + cost, 12_300] : [1, 1000]));
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
