import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_LOGGER, ServiceMetrics, type Logger } from '@parley/observability';
import { RedisClient } from '@parley/persistence';
import type { FastifyReply } from 'fastify';
import type { Counter } from 'prom-client';
import { ProblemException } from '../http/problem.exception';
import {
  rateLimitHeaders,
  RATE_LIMIT_WINDOW_SECONDS,
  tightest,
  verdictFrom,
  type CheckedLimit,
  type RateLimitVerdict,
} from './rate-limit.math';
import { RATE_LIMIT_KINDS, type LimitCheck, type RateLimitKind } from './rate-limits.policy';
import { TOKEN_BUCKETS_SCRIPT } from './token-bucket.script';

export type { RateLimitKind } from './rate-limits.policy';

/** How a refusal names the bucket that was full. */
const SCOPE: Record<RateLimitKind, string> = {
  api_key: 'for this API key',
  session: 'for this session',
  user: 'for this user',
  tenant: 'for this tenant',
  ip: 'from this client address',
  tenant_ip: "from this client address for this tenant's plan",
  login: 'for this login',
  widget_ip: 'for widget sessions from this client address',
  site_key: 'for widget sessions of this site key',
  widget_config_ip: 'for widget config reads from this client address',
};

/** The ioredis command TOKEN_BUCKETS_SCRIPT is defined as on the service's client. */
const COMMAND = 'parleyTokenBuckets';
const WINDOW_MS = String(RATE_LIMIT_WINDOW_SECONDS * 1000);

type TokenBucketsCommand = (numberOfKeys: number, ...keysAndArgs: string[]) => Promise<number[]>;

/**
 * Request limits in Redis (docs/adr/0021-rate-limits.md): each counted id a token bucket of
 * `limit` requests refilled over a minute, all of a request's buckets counted by one script in
 * one round trip (TOKEN_BUCKETS_SCRIPT): the client IP on its own, then the others all or
 * nothing, so a refused request takes no token and needs none back. If Redis cannot answer (or
 * is not connected: no waiting for a reconnect), the request is let through with a warning and
 * parley_rate_limiter_unavailable_total: limits protect capacity, and an outage of the counter
 * should not take the API down with it.
 *
 * rate-limiter-flexible, which counted one bucket per round trip here before, has no call that
 * counts several keys in one; the script keeps its keys and stored values (see the script).
 */
@Injectable()
export class RateLimiter {
  private readonly limited: Counter<'kind'>;
  private readonly unavailable: Counter<'kind'>;
  /** What was checked so far for a response (the IP hook, then the guard), for its headers. */
  private readonly checkedFor = new WeakMap<FastifyReply, CheckedLimit[]>();

  constructor(
    private readonly redis: RedisClient,
    metrics: ServiceMetrics,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    this.limited = metrics.counter({
      name: 'parley_rate_limited_total',
      help: 'Requests refused with 429 by the gateway rate limiter, by the limit that was full.',
      labelNames: ['kind'],
    });
    this.unavailable = metrics.counter({
      name: 'parley_rate_limiter_unavailable_total',
      help: 'Rate-limit checks let through because Redis could not answer, by limit.',
      labelNames: ['kind'],
    });
    for (const kind of RATE_LIMIT_KINDS) {
      this.limited.inc({ kind }, 0);
      this.unavailable.inc({ kind }, 0);
    }
    redis.defineCommand(COMMAND, { lua: TOKEN_BUCKETS_SCRIPT });
  }

  /** Counts one request of `id` against `limit` per minute; undefined when Redis failed. */
  async consume(kind: RateLimitKind, id: string, limit: number): Promise<RateLimitVerdict | undefined> {
    const [checked] = await this.check([{ kind, id, limit }]);
    return checked?.verdict;
  }

  /**
   * Counts one request in every bucket in one round trip: `alone` (the client IP) first, each
   * counted whatever the others answer; then `checks`, all or nothing. When one of `alone`
   * refuses, nothing is counted and only `alone` is answered. Empty when Redis failed.
   */
  async check(checks: readonly LimitCheck[], alone: readonly LimitCheck[] = []): Promise<CheckedLimit[]> {
    const all = [...alone, ...checks];
    if (all.length === 0) return [];
    let answer: number[];
    try {
      if (this.redis.status !== 'ready') throw new Error(`redis connection is ${this.redis.status}`);
      const run = (this.redis as unknown as Record<typeof COMMAND, TokenBucketsCommand>)[COMMAND];
      answer = await run.call(
        this.redis,
        all.length,
        ...all.map(({ kind, id }) => `rl:${kind}:${id}`),
        WINDOW_MS,
        String(alone.length),
        ...all.map(({ limit }) => String(limit)),
      );
    } catch (error) {
      for (const { kind } of all) this.unavailable.inc({ kind });
      this.logger.warn({ err: error, kinds: all.map(({ kind }) => kind) }, 'rate limiter unavailable; request not limited');
      return [];
    }
    const checked: CheckedLimit[] = [];
    for (let i = 0; i * 3 < answer.length; i++) {
      const { kind, limit } = all[i]!;
      const allowed = answer[i * 3] === 1;
      if (!allowed) this.limited.inc({ kind });
      checked.push({ kind, verdict: verdictFrom(allowed, limit, answer[i * 3 + 1]!, answer[i * 3 + 2]!) });
    }
    return checked;
  }

  /** enforceAll() for one bucket. */
  async enforce(reply: FastifyReply, kind: RateLimitKind, id: string, limit: number): Promise<void> {
    await this.enforceAll(reply, [{ kind, id, limit }]);
  }

  /**
   * check() for a request: sets RateLimit-Limit/-Remaining/-Reset from the tightest limit
   * checked for this response so far and RateLimit-Policy naming all of them, and throws 429
   * problem+json (with Retry-After) when one refused. Lets the request through when Redis failed.
   */
  async enforceAll(reply: FastifyReply, checks: readonly LimitCheck[], alone: readonly LimitCheck[] = []): Promise<void> {
    const checked = [...(this.checkedFor.get(reply) ?? []), ...(await this.check(checks, alone))];
    this.checkedFor.set(reply, checked);
    const shown = tightest(checked);
    if (!shown) return;
    const headers = rateLimitHeaders(shown.verdict, checked);
    void reply.headers(headers);
    if (!shown.verdict.allowed) {
      throw new ProblemException({
        status: 429,
        code: 'RATE_LIMITED',
        title: 'Too many requests',
        detail: `Limit of ${shown.verdict.limit} requests per minute ${SCOPE[shown.kind as RateLimitKind]} reached; retry in ${shown.verdict.resetSeconds} s.`,
        headers,
      });
    }
  }
}
