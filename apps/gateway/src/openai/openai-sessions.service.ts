import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ChatSessionCreateRpc } from '@parley/contracts';
import { RedisClient } from '@parley/persistence';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { TENANT_API_OPTIONS, type TenantApiOptions } from '../tenant-api.options';

export interface OpenAiSession {
  sessionId: string;
  /** True when an earlier request's session was reused. */
  reused: boolean;
}

/**
 * Sessions of the OpenAI-compatible endpoint (channel `openai_compat`). OpenAI requests carry
 * no session, so: without `user`, every request is a session of its own; with `user`, it is
 * the visitor's externalUserId and its session is reused while requests keep coming within
 * the reuse window (Redis, so every gateway replica agrees), then a new one starts.
 */
@Injectable()
export class OpenAiSessions {
  constructor(
    @Inject(GatewayRpc) private readonly rpc: GatewayRpc,
    @Inject(RedisClient) private readonly redis: RedisClient,
    @Inject(TENANT_API_OPTIONS) private readonly options: TenantApiOptions,
  ) {}

  async sessionFor(tenantId: string, user: string | undefined): Promise<OpenAiSession> {
    const ttl = this.options.openaiSessionReuseSeconds;
    const key = user !== undefined && ttl > 0 ? this.key(tenantId, user) : undefined;
    if (key) {
      const existing = await this.redis.get(key);
      if (existing) {
        await this.redis.expire(key, ttl);
        return { sessionId: existing, reused: true };
      }
    }
    const { session } = await this.rpc.call(ChatSessionCreateRpc, {
      version: 1,
      tenantId,
      channel: 'openai_compat',
      ...(user !== undefined ? { externalUserId: user } : {}),
    });
    if (key) await this.redis.set(key, session.id, 'EX', ttl);
    return { sessionId: session.id, reused: false };
  }

  /** Stops reusing a user's session (it was closed or is unknown to chat). */
  async forget(tenantId: string, user: string): Promise<void> {
    await this.redis.del(this.key(tenantId, user));
  }

  private key(tenantId: string, user: string): string {
    return `openai-session:${tenantId}:${createHash('sha256').update(user).digest('hex').slice(0, 32)}`;
  }
}
