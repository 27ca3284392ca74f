import type { AppConfig } from './config/env.schema';

/** Overrides of the tenant-facing routes' settings that are not environment variables. */
export interface TenantApiOverrides {
  /** Comment heartbeat on an idle SSE stream (default 15 s). */
  sseHeartbeatMs?: number;
  /** The OpenAI-compatible endpoint reuses a `user`'s session this long after its last request (default 30 min; 0 disables reuse). */
  openaiSessionReuseSeconds?: number;
}

/** Settings of the sessions, chat, knowledge and OpenAI-compatible routes. */
export interface TenantApiOptions {
  /** GATEWAY_MAX_MESSAGE_CHARS, capped at what chat.turn accepts; over it: 413. */
  maxMessageChars: number;
  sseHeartbeatMs: number;
  /** CHAT_TURN_TIMEOUT_MS: how long a turn may take before the gateway gives up (and cancels it). */
  chatTurnTimeoutMs: number;
  /** SESSION_TOKEN_TTL_SECONDS. */
  sessionTokenTtlSeconds: number;
  openaiSessionReuseSeconds: number;
  /** On shutdown, open streams get this long to finish (half of SHUTDOWN_TIMEOUT_MS) before they end with an error frame. */
  shutdownDrainMs: number;
}

export const TENANT_API_OPTIONS = Symbol('TENANT_API_OPTIONS');
export const TENANT_API_OVERRIDES = Symbol('TENANT_API_OVERRIDES');

/** The chat.turn contract caps a message at 8000 characters; a larger setting cannot be honoured. */
export const CONTRACT_MAX_MESSAGE_CHARS = 8000;

export function tenantApiOptions(config: AppConfig, overrides: TenantApiOverrides = {}): TenantApiOptions {
  return {
    maxMessageChars: Math.min(config.limits.maxMessageChars, CONTRACT_MAX_MESSAGE_CHARS),
    sseHeartbeatMs: overrides.sseHeartbeatMs ?? 15_000,
    chatTurnTimeoutMs: config.rpc.chatTurnTimeoutMs,
    sessionTokenTtlSeconds: config.auth.sessionTokenTtlSeconds,
    openaiSessionReuseSeconds: overrides.openaiSessionReuseSeconds ?? 1800,
    shutdownDrainMs: Math.floor(config.shutdown.timeoutMs / 2),
  };
}
