import { Inject, Injectable } from '@nestjs/common';
import { RedisClient } from '@parley/persistence';
import type { QuotaUsage } from './quota.policy';

/**
 * Adds one turn to the period's counters unless the turn was counted already.
 * KEYS[1] the period's counter hash, KEYS[2] the turn's marker; ARGV messages, tokens, the
 * counters' ttl and the marker's (s).
 * Returns the counters after the turn, or false for a turn counted before.
 */
const RECORD_SCRIPT = `
if not redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[4]) then return false end
local m = redis.call('HINCRBY', KEYS[1], 'messages', ARGV[1])
local t = redis.call('HINCRBY', KEYS[1], 'tokens', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return {m, t}`;

/**
 * Raises the counters to at least the persisted sum (never lowers them) and marks them synced.
 * KEYS[1] the counter hash; ARGV messages floor, tokens floor, ttl (s). Returns the counters.
 */
const RAISE_SCRIPT = `
local m = tonumber(redis.call('HGET', KEYS[1], 'messages') or '0')
local t = tonumber(redis.call('HGET', KEYS[1], 'tokens') or '0')
if tonumber(ARGV[1]) > m then m = tonumber(ARGV[1]) end
if tonumber(ARGV[2]) > t then t = tonumber(ARGV[2]) end
redis.call('HSET', KEYS[1], 'messages', m, 'tokens', t, 'synced', '1')
redis.call('EXPIRE', KEYS[1], ARGV[3])
return {m, t}`;

/** How long a turn's "counted" marker lives: longer than any turn can take to answer. */
const TURN_MARKER_TTL_S = 86_400;

export interface CounterState extends QuotaUsage {
  /** False until the counters were floored at usage_daily's sum for the period (missing key, Redis flushed). */
  synced: boolean;
}

/** The ioredis commands the scripts are defined as: EVALSHA (the script's text only once per connection), not EVAL with the text every turn. */
interface QuotaScripts {
  parleyQuotaRecord(...keysAndArgs: (string | number)[]): Promise<[number, number] | null>;
  parleyQuotaRaise(...keysAndArgs: (string | number)[]): Promise<[number, number]>;
}

/**
 * The live quota counters of each tenant and period in Redis (ADR 0025): a hash
 * `quota:<tenant>:<YYYY-MM>` of messages and tokens, kept a week past the period's end.
 */
@Injectable()
export class QuotaCounters {
  private readonly scripts: QuotaScripts;

  constructor(@Inject(RedisClient) private readonly redis: RedisClient) {
    redis.defineCommand('parleyQuotaRecord', { numberOfKeys: 2, lua: RECORD_SCRIPT });
    redis.defineCommand('parleyQuotaRaise', { numberOfKeys: 1, lua: RAISE_SCRIPT });
    this.scripts = redis as unknown as QuotaScripts;
  }

  async read(tenantId: string, period: string): Promise<CounterState> {
    const [messages, tokens, synced] = await this.redis.hmget(counterKey(tenantId, period), 'messages', 'tokens', 'synced');
    return { messages: Number(messages ?? 0), tokens: Number(tokens ?? 0), synced: synced === '1' };
  }

  /** Counts a completed turn once (by its turn id); null when it was counted before. */
  async record(tenantId: string, period: string, turnId: string, usage: QuotaUsage, ttlSeconds: number): Promise<QuotaUsage | null> {
    const result = await this.scripts.parleyQuotaRecord(
      counterKey(tenantId, period),
      `quota:turn:${turnId}`,
      usage.messages,
      usage.tokens,
      ttlSeconds,
      TURN_MARKER_TTL_S,
    );
    return result ? { messages: Number(result[0]), tokens: Number(result[1]) } : null;
  }

  /** Floors the counters at `persisted` (usage_daily's sum for the period) and marks them synced. */
  async raise(tenantId: string, period: string, persisted: QuotaUsage, ttlSeconds: number): Promise<QuotaUsage> {
    const result = await this.scripts.parleyQuotaRaise(counterKey(tenantId, period), persisted.messages, persisted.tokens, ttlSeconds);
    return { messages: Number(result[0]), tokens: Number(result[1]) };
  }

  /** True for the first caller per tenant, period and threshold (the notification's claim). */
  async claimNotice(tenantId: string, period: string, threshold: number, ttlSeconds: number): Promise<boolean> {
    return (await this.redis.set(noticeKey(tenantId, period, threshold), '1', 'EX', ttlSeconds, 'NX')) === 'OK';
  }

  /** Gives a claim back (its notification could not be published), so a later turn tries again. */
  async releaseNotice(tenantId: string, period: string, threshold: number): Promise<void> {
    await this.redis.del(noticeKey(tenantId, period, threshold));
  }
}

function counterKey(tenantId: string, period: string): string {
  return `quota:${tenantId}:${period}`;
}

function noticeKey(tenantId: string, period: string, threshold: number): string {
  return `quota:notice:${tenantId}:${period}:${threshold}`;
}
