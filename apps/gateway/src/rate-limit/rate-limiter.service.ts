import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_LOGGER, ServiceMetrics, type Logger } from '@parley/observability';
import { RedisClient } from '@parley/persistence';
import type { FastifyReply } from 'fastify';
import type { Counter } from 'prom-client';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
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
import { TOKEN_BUCKET_SCRIPT } from './token-bucket.script';

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

/**
 * Request limits in Redis with rate-limiter-flexible (docs/adr/0021-rate-limits.md): one
 * RateLimiterRedis per kind and limit, each key a token bucket of `limit` requests refilled over
 * a minute (TOKEN_BUCKET_SCRIPT), one round trip per bucket; a request's buckets are checked at
 * once. If Redis cannot answer, the request is let through with a warning and
 * parley_rate_limiter_unavailable_total: limits protect capacity, and an outage of the counter
 * should not take the API down with it.
 *
 * The limiters define the ioredis command `rlflxIncr` on the shared client with this script; a
 * stock rate-limiter-flexible limiter on the same client would redefine it (use another client).
 */
@Injectable()
export class RateLimiter {
  private readonly limited: Counter<'kind'>;
  private readonly unavailable: Counter<'kind'>;
  private readonly limiters = new Map<string, RateLimiterRedis>();
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
  }

  /** Counts one request of `id` against `limit` per minute; undefined when Redis failed. */
  async consume(kind: RateLimitKind, id: string, limit: number): Promise<RateLimitVerdict | undefined> {
    const [checked] = await this.check([{ kind, id, limit }]);
    return checked?.verdict;
  }

  /**
   * Counts one request in every bucket at once. When one refuses, the others get their token
   * back (a refused request does no work); checks Redis could not answer are left out.
   */
  async check(checks: readonly LimitCheck[]): Promise<CheckedLimit[]> {
    const answers = await Promise.all(checks.map((check) => this.take(check)));
    const checked = answers.filter((answer): answer is CheckedLimit & { check: LimitCheck } => answer !== undefined);
    if (checked.some(({ verdict }) => !verdict.allowed)) {
      await Promise.all(checked.filter(({ verdict }) => verdict.allowed).map(({ check }) => this.refund(check)));
    }
    return checked.map(({ kind, verdict }) => ({ kind, verdict }));
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
  async enforceAll(reply: FastifyReply, checks: readonly LimitCheck[]): Promise<void> {
    const checked = [...(this.checkedFor.get(reply) ?? []), ...(await this.check(checks))];
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

  private async take(check: LimitCheck): Promise<(CheckedLimit & { check: LimitCheck }) | undefined> {
    const { kind, id, limit } = check;
    try {
      const res = await this.limiterFor(kind, limit).consume(id);
      return { kind, check, verdict: verdictFrom(true, limit, res.consumedPoints, res.msBeforeNext) };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        this.limited.inc({ kind });
        return { kind, check, verdict: verdictFrom(false, limit, rejection.consumedPoints, rejection.msBeforeNext) };
      }
      this.unavailable.inc({ kind });
      this.logger.warn({ err: rejection, kind }, 'rate limiter unavailable; request not limited');
      return undefined;
    }
  }

  private async refund({ kind, id, limit }: LimitCheck): Promise<void> {
    try {
      await this.limiterFor(kind, limit).reward(id);
    } catch (error) {
      this.logger.warn({ err: error, kind }, 'rate limiter could not return a token');
    }
  }

  private limiterFor(kind: RateLimitKind, limit: number): RateLimiterRedis {
    const name = `${kind}:${limit}`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        // One key per counted id whatever its limit, so a changed limit keeps the bucket's level.
        keyPrefix: `rl:${kind}`,
        points: limit,
        duration: RATE_LIMIT_WINDOW_SECONDS,
        customIncrTtlLuaScript: TOKEN_BUCKET_SCRIPT,
        // Fail at once while disconnected instead of waiting for ioredis's reconnect.
        rejectIfRedisNotReady: true,
      });
      this.limiters.set(name, limiter);
    }
    return limiter;
  }
}
