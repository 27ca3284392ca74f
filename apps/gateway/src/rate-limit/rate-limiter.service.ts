import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_LOGGER, ServiceMetrics, type Logger } from '@parley/observability';
import { RedisClient } from '@parley/persistence';
import type { FastifyReply } from 'fastify';
import type { Counter } from 'prom-client';
import { ProblemException } from '../http/problem.exception';
import { rateLimitHeaders, verdictFor, windowOf, type RateLimitVerdict } from './rate-limit.math';

/**
 * What is counted: a tenant backend's key, a browser session, login attempts per email, and
 * for the widget: sessions opened per client IP and per site key, config reads per client IP.
 */
export type RateLimitKind = 'api_key' | 'session' | 'login' | 'widget_ip' | 'site_key' | 'widget_config_ip';

// One round trip, atomic: count this request, start the window's expiry on its first request,
// and return the count with the time left. A key whose expiry was lost gets one again.
const CONSUME_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`;

/**
 * Per-minute request counting in Redis (fixed windows), per API key and per session. If Redis
 * cannot answer, the request is let through and a warning logged: rate limiting protects
 * capacity, and an outage of the counter should not take the API down with it.
 */
@Injectable()
export class RateLimiter {
  private readonly limited: Counter<'kind'>;

  constructor(
    private readonly redis: RedisClient,
    metrics: ServiceMetrics,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    this.limited = metrics.counter({
      name: 'parley_rate_limited_total',
      help: 'Requests refused with 429 by the gateway rate limiter, by credential kind.',
      labelNames: ['kind'],
    });
    this.limited.inc({ kind: 'api_key' }, 0);
    this.limited.inc({ kind: 'session' }, 0);
    this.limited.inc({ kind: 'login' }, 0);
    this.limited.inc({ kind: 'widget_ip' }, 0);
    this.limited.inc({ kind: 'site_key' }, 0);
    this.limited.inc({ kind: 'widget_config_ip' }, 0);
  }

  /** Counts one request of `id` against `limit` per minute; undefined when Redis failed. */
  async consume(kind: RateLimitKind, id: string, limit: number, nowMs = Date.now()): Promise<RateLimitVerdict | undefined> {
    const window = windowOf(nowMs);
    const key = `ratelimit:${kind}:${id}:${window.index}`;
    let reply: unknown;
    try {
      // A little longer than the window, so a slow clock on another replica still finds it.
      reply = await this.redis.eval(CONSUME_SCRIPT, 1, key, String(window.msLeft + 1000));
    } catch (error) {
      this.logger.warn({ err: error, kind }, 'rate limiter unavailable; request not limited');
      return undefined;
    }
    const [count, ttl] = reply as [number, number];
    const verdict = verdictFor(count, limit, Math.min(ttl, window.msLeft));
    if (!verdict.allowed) this.limited.inc({ kind });
    return verdict;
  }

  /**
   * consume() for a request: sets the X-RateLimit headers on `reply`, and throws 429 problem+json
   * (with Retry-After) when the limit is reached. Lets the request through when Redis failed.
   */
  async enforce(reply: FastifyReply, kind: RateLimitKind, id: string, limit: number): Promise<void> {
    const verdict = await this.consume(kind, id, limit);
    if (!verdict) return;
    const headers = rateLimitHeaders(verdict);
    void reply.headers(headers);
    if (!verdict.allowed) {
      throw new ProblemException({
        status: 429,
        code: 'RATE_LIMITED',
        title: 'Too many requests',
        detail: `Limit of ${verdict.limit} requests per minute reached; retry in ${verdict.resetSeconds} s.`,
        headers,
      });
    }
  }
}
