import { Inject, Injectable } from '@nestjs/common';
import { SessionTokens } from '@parley/auth';
import { ChatSessionCreateRpc, type ChatSessionView } from '@parley/contracts';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { GatewayRpc } from '../http/gateway-rpc.client';

/** Longest Origin passed on to chat as the session's origin (the contract's bound). */
const MAX_ORIGIN_CHARS = 300;

export interface CreatedWidgetSession {
  session: ChatSessionView;
  token: string;
  expiresAt: string;
}

/** Opens a widget session for a tenant whose site key the caller already checked (WidgetAccess). */
@Injectable()
export class CreateWidgetSessionUseCase {
  constructor(
    private readonly rpc: GatewayRpc,
    @Inject(SessionTokens) private readonly tokens: SessionTokens,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(input: { tenantId: string; siteKeyId: string; origin: string }): Promise<CreatedWidgetSession> {
    const { tenantId } = input;
    const { session } = await this.rpc.call(
      ChatSessionCreateRpc,
      {
        version: 1,
        tenantId,
        channel: 'widget',
        metadata: { siteKeyId: input.siteKeyId },
        ...(input.origin.length <= MAX_ORIGIN_CHARS ? { origin: input.origin } : {}),
      },
      { timeoutMs: this.config.rpc.timeoutMs },
    );
    const token = await this.tokens.issueSessionToken({
      tenantId,
      sessionId: session.id,
      ttlSeconds: this.config.auth.sessionTokenTtlSeconds,
    });
    return { session, token: token.token, expiresAt: token.expiresAt.toISOString() };
  }
}
