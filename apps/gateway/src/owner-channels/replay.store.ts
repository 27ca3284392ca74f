import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { RedisClient } from '@parley/persistence';

/** Longer than the accepted timestamp window (5 minutes, both ways): a signature is stale before its mark expires. */
const MARK_TTL_SECONDS = 15 * 60;

/**
 * Remembers every signed request the gateway accepted (ADR 0027): Redis SET NX with a TTL per
 * signature, shared by the replicas, so the same signed request is acted on once. Throws when
 * Redis cannot answer: the request is refused rather than risk acting twice.
 */
@Injectable()
export class ReplayStore {
  constructor(@Inject(RedisClient) private readonly redis: RedisClient) {}

  /** true the first time this signature is seen. */
  async firstUse(platform: 'slack' | 'discord', signature: string): Promise<boolean> {
    const key = `owner-channels:seen:${platform}:${createHash('sha256').update(signature).digest('hex')}`;
    return (await this.redis.set(key, '1', 'EX', MARK_TTL_SECONDS, 'NX')) === 'OK';
  }
}
