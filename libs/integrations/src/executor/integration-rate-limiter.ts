import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitSettings {
  /** Calls allowed per integration in each window (default 10). */
  points: number;
  /** The window in seconds (default 1). */
  durationSeconds: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitSettings = { points: 10, durationSeconds: 1 };

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Calls per integration across every replica (RateLimiterRedis), so one busy tenant cannot
 * hammer its own shop through Parley. While Redis is not ready, each replica counts in memory
 * (the insurance limiter) instead of refusing or letting everything through.
 */
export class IntegrationRateLimiter {
  private readonly limiter: RateLimiterRedis;

  constructor(redis: Redis, keyPrefix: string, settings: RateLimitSettings = DEFAULT_RATE_LIMIT) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}integration-rate`,
      points: settings.points,
      duration: settings.durationSeconds,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ points: settings.points, duration: settings.durationSeconds }),
    });
  }

  async take(integrationId: string): Promise<RateDecision> {
    try {
      await this.limiter.consume(integrationId);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes)
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      // Neither store answered: a limiter fault is not the tenant's, let the call through.
      return { allowed: true };
    }
  }
}
