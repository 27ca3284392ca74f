import { z } from 'zod';
import {
  envVar,
  loadConfigOrExit,
  serviceEnvShape,
  toServiceConfig,
  type EnvSource,
  type ServiceConfig,
} from '@parley/observability/startup';
import type { RateLimits } from '../rate-limit/rate-limits.policy';
import { parseSigningKeys, type SigningKeysConfig } from './signing-keys.env';
import { parseTrustedProxies } from './trusted-proxies.env';

/**
 * Every variable the gateway reads: the shared service variables (see serviceEnvShape) plus
 * its own. AUTH_SIGNING_KEYS has no default on purpose: a gateway without signing keys could
 * neither issue nor verify a token.
 */
export const envSchema = z
  .object({
    ...serviceEnvShape(3000),
    /** `kid:secret,kid:secret`; every secret at least 32 bytes. */
    AUTH_SIGNING_KEYS: z.string(),
    /** The kid that signs new tokens; may be omitted when AUTH_SIGNING_KEYS holds one key. */
    AUTH_ACTIVE_KID: z.string().optional(),
    SESSION_TOKEN_TTL_SECONDS: envVar.int(60, 30 * 24 * 3600).default(86_400),
    USER_TOKEN_TTL_SECONDS: envVar.int(60, 7 * 24 * 3600).default(3600),
    /** Platform default requests per minute, per API key and per session. */
    RATE_LIMIT_PER_MINUTE: envVar.int(1, 100_000).default(60),
    /** Default requests per minute per staff user (console and staff API). */
    RATE_LIMIT_USER_PER_MINUTE: envVar.int(1, 100_000).default(300),
    /** Default requests per minute per tenant: all its keys, sessions, staff and widget together. */
    RATE_LIMIT_TENANT_PER_MINUTE: envVar.int(1, 1_000_000).default(3000),
    /** Default requests per minute per client IP, on every API request (before authentication). */
    RATE_LIMIT_IP_PER_MINUTE: envVar.int(1, 1_000_000).default(1200),
    /**
     * Proxies whose X-Forwarded-For is believed (IPs, CIDRs, loopback/linklocal/uniquelocal),
     * comma-separated. Empty (default): none, the peer address is the client IP.
     */
    GATEWAY_TRUSTED_PROXIES: z.string().default(''),
    /** Longest chat message accepted, in characters. */
    GATEWAY_MAX_MESSAGE_CHARS: envVar.int(1, 100_000).default(4000),
    /** Largest request body accepted, in bytes (413 above it). */
    GATEWAY_BODY_LIMIT_BYTES: envVar.int(1024, 50 * 1024 * 1024).default(1_048_576),
    /**
     * Deepest JSON nesting accepted in a body (400 JSON_TOO_DEEP above it). At most 100, so a
     * body wrapped into an RPC payload stays within the services' own bound (MAX_PAYLOAD_JSON_DEPTH).
     */
    GATEWAY_MAX_JSON_DEPTH: envVar.int(2, 100).default(64),
    RPC_TIMEOUT_MS: envVar.int(100, 120_000).default(5000),
    CHAT_TURN_TIMEOUT_MS: envVar.int(1000, 600_000).default(60_000),
    /** How long a successful API-key verification is trusted without bcrypt. */
    API_KEY_CACHE_TTL_MS: envVar.int(1000, 3_600_000).default(60_000),
    /** How long a tenant's config (rate limit, origins, status) is cached. */
    TENANT_CONFIG_CACHE_TTL_MS: envVar.int(1000, 3_600_000).default(30_000),
    /**
     * How long a staff user's token state (status, role, token version) is trusted before it is
     * read again: evt.tenant.updated drops it at once, this bounds a missed event (ADR 0024).
     */
    USER_TOKEN_STATE_CACHE_TTL_MS: envVar.int(100, 60_000).default(5000),
    /** Refuse staff tokens that carry no token version (`tv`): turn on one USER_TOKEN_TTL_SECONDS after upgrading. */
    AUTH_REQUIRE_TOKEN_VERSION: envVar.bool().default(false),
    /** External identity providers: no JWKS refetch sooner than this after the last one (unknown kid). */
    IDP_JWKS_COOLDOWN_MS: envVar.int(0, 600_000).default(30_000),
    /** External identity providers: a fetched JWKS is used this long before it is fetched again. */
    IDP_JWKS_CACHE_MAX_AGE_MS: envVar.int(1000, 86_400_000).default(600_000),
    /** External identity providers: time limit of one JWKS fetch. */
    IDP_JWKS_TIMEOUT_MS: envVar.int(100, 60_000).default(5000),
    /** External identity providers: JWKS on private, loopback or link-local addresses (local development and tests only; never in production). */
    IDP_JWKS_ALLOW_PRIVATE_TARGETS: envVar.bool().default(false),
    /** Serve GET /docs (Swagger UI) and /docs/openapi.json. */
    GATEWAY_DOCS_ENABLED: envVar.bool().default(true),
    /** Widget sessions a client IP may open per minute with site keys (POST /api/v1/widget/sessions). */
    WIDGET_SESSIONS_PER_MINUTE_PER_IP: envVar.int(1, 100_000).default(20),
    /** Widget sessions one site key may open per minute, all visitors together. */
    WIDGET_SESSIONS_PER_MINUTE_PER_KEY: envVar.int(1, 1_000_000).default(600),
    /** Widget config reads (GET /api/v1/widget/config) a client IP may make per minute. */
    WIDGET_CONFIG_PER_MINUTE_PER_IP: envVar.int(1, 100_000).default(120),
    /** Directory holding the built widget (widget.js, manifest.json); default apps/widget/dist. */
    GATEWAY_WIDGET_DIR: z.string().min(1).optional(),
    /** Serve /demo/<tenant-slug>: a page embedding the widget with the tenant's site key. */
    GATEWAY_DEMO_PAGES_ENABLED: envVar.bool().default(true),
    /**
     * The owner assistant's model (ADR 0026), `provider:model` with provider openai, gemini or
     * ollama (e.g. `openai:gpt-4o-mini`). Unset: the deterministic parser reads every message.
     */
    OWNER_ASSISTANT_LLM: z
      .string()
      .regex(/^(openai|gemini|ollama):\S{1,200}$/, 'provider:model, provider one of openai, gemini, ollama')
      .optional(),
    /** Its endpoint: an OpenAI-compatible base URL (…/v1), Gemini's or Ollama's; the provider's default when unset (Ollama needs one). */
    OWNER_ASSISTANT_LLM_BASE_URL: envVar.url(['http', 'https']).optional(),
    /** Its API key (openai, gemini). */
    OWNER_ASSISTANT_LLM_API_KEY: z.string().min(1).optional(),
    /** One model call of the owner assistant must finish within this. */
    OWNER_ASSISTANT_LLM_TIMEOUT_MS: envVar.int(100, 600_000).default(20_000),
    /** The owner's Slack slash command (ADR 0027): answers go only to a response_url starting with this. */
    OWNER_SLACK_RESPONSE_URL_PREFIX: envVar.url(['http', 'https']).default('https://hooks.slack.com/'),
    /** The owner's Discord interactions (ADR 0027): the API base the deferred answer is PATCHed to. */
    OWNER_DISCORD_API_BASE_URL: envVar.url(['http', 'https']).default('https://discord.com/api/v10'),
    /** One answer posted back to Slack or Discord must finish within this. */
    OWNER_CHANNELS_REPLY_TIMEOUT_MS: envVar.int(100, 120_000).default(10_000),
  })
  .transform((env, ctx) => {
    const keys = parseSigningKeys(env.AUTH_SIGNING_KEYS, env.AUTH_ACTIVE_KID);
    if (typeof keys === 'string') {
      // parseEnv names the variable from the path; the message never contains a secret.
      const variable = keys.startsWith('AUTH_ACTIVE_KID') ? 'AUTH_ACTIVE_KID' : 'AUTH_SIGNING_KEYS';
      ctx.addIssue({ code: 'custom', path: [variable], message: keys.replace(/^AUTH_ACTIVE_KID /, '') });
      return z.NEVER;
    }
    if (env.NODE_ENV === 'production' && env.IDP_JWKS_ALLOW_PRIVATE_TARGETS) {
      ctx.addIssue({ code: 'custom', path: ['IDP_JWKS_ALLOW_PRIVATE_TARGETS'], message: 'must be false in production' });
      return z.NEVER;
    }
    const trustedProxies = parseTrustedProxies(env.GATEWAY_TRUSTED_PROXIES);
    if (typeof trustedProxies === 'string') {
      ctx.addIssue({ code: 'custom', path: ['GATEWAY_TRUSTED_PROXIES'], message: trustedProxies });
      return z.NEVER;
    }
    return { ...env, signingKeys: keys, trustedProxies };
  });

export type GatewayEnv = z.output<typeof envSchema>;

export interface AppConfig extends ServiceConfig {
  auth: {
    signingKeys: SigningKeysConfig;
    sessionTokenTtlSeconds: number;
    userTokenTtlSeconds: number;
    apiKeyCacheTtlMs: number;
    userTokenStateCacheTtlMs: number;
    requireTokenVersion: boolean;
    /** Verification of external identity providers' tokens (JWKS fetched by jose). */
    idp: { jwksCooldownMs: number; jwksCacheMaxAgeMs: number; jwksTimeoutMs: number; jwksAllowPrivateTargets: boolean };
  };
  limits: {
    rateLimitPerMinute: number;
    maxMessageChars: number;
    bodyLimitBytes: number;
    maxJsonDepth: number;
  };
  /**
   * The gateway's default requests per minute by dimension (RATE_LIMIT_*); a tenant's settings
   * override some of them (rate-limit/rate-limits.policy.ts).
   */
  rateLimits: RateLimits;
  /** GATEWAY_TRUSTED_PROXIES: Fastify's trustProxy list; empty = X-Forwarded-For ignored. */
  trustedProxies: string[];
  rpc: { timeoutMs: number; chatTurnTimeoutMs: number };
  tenantConfigCacheTtlMs: number;
  docs: { enabled: boolean };
  widget: {
    sessionsPerMinutePerIp: number;
    sessionsPerMinutePerKey: number;
    configPerMinutePerIp: number;
    /** Absolute directory of the built widget, or undefined for apps/widget/dist. */
    dir: string | undefined;
    demoPages: boolean;
  };
  /** The owner assistant's model (OWNER_ASSISTANT_LLM*); absent: no model, the deterministic parser. */
  ownerAssistant?: {
    llm: { provider: 'openai' | 'gemini' | 'ollama'; model: string };
    baseUrl?: string;
    apiKey?: string;
    timeoutMs: number;
  };
  /** Where the owner's Slack and Discord answers go (ADR 0027). */
  ownerChannels: { slackResponseUrlPrefix: string; discordApiBaseUrl: string; replyTimeoutMs: number };
}

export function toAppConfig(env: GatewayEnv): AppConfig {
  return {
    ...toServiceConfig('gateway', env),
    auth: {
      signingKeys: env.signingKeys,
      sessionTokenTtlSeconds: env.SESSION_TOKEN_TTL_SECONDS,
      userTokenTtlSeconds: env.USER_TOKEN_TTL_SECONDS,
      apiKeyCacheTtlMs: env.API_KEY_CACHE_TTL_MS,
      userTokenStateCacheTtlMs: env.USER_TOKEN_STATE_CACHE_TTL_MS,
      requireTokenVersion: env.AUTH_REQUIRE_TOKEN_VERSION,
      idp: {
        jwksCooldownMs: env.IDP_JWKS_COOLDOWN_MS,
        jwksCacheMaxAgeMs: env.IDP_JWKS_CACHE_MAX_AGE_MS,
        jwksTimeoutMs: env.IDP_JWKS_TIMEOUT_MS,
        jwksAllowPrivateTargets: env.IDP_JWKS_ALLOW_PRIVATE_TARGETS,
      },
    },
    limits: {
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
      maxMessageChars: env.GATEWAY_MAX_MESSAGE_CHARS,
      bodyLimitBytes: env.GATEWAY_BODY_LIMIT_BYTES,
      maxJsonDepth: env.GATEWAY_MAX_JSON_DEPTH,
    },
    rateLimits: {
      apiKey: env.RATE_LIMIT_PER_MINUTE,
      session: env.RATE_LIMIT_PER_MINUTE,
      user: env.RATE_LIMIT_USER_PER_MINUTE,
      tenant: env.RATE_LIMIT_TENANT_PER_MINUTE,
      ip: env.RATE_LIMIT_IP_PER_MINUTE,
    },
    trustedProxies: env.trustedProxies,
    rpc: { timeoutMs: env.RPC_TIMEOUT_MS, chatTurnTimeoutMs: env.CHAT_TURN_TIMEOUT_MS },
    tenantConfigCacheTtlMs: env.TENANT_CONFIG_CACHE_TTL_MS,
    docs: { enabled: env.GATEWAY_DOCS_ENABLED },
    widget: {
      sessionsPerMinutePerIp: env.WIDGET_SESSIONS_PER_MINUTE_PER_IP,
      sessionsPerMinutePerKey: env.WIDGET_SESSIONS_PER_MINUTE_PER_KEY,
      configPerMinutePerIp: env.WIDGET_CONFIG_PER_MINUTE_PER_IP,
      dir: env.GATEWAY_WIDGET_DIR,
      demoPages: env.GATEWAY_DEMO_PAGES_ENABLED,
    },
    ownerChannels: {
      slackResponseUrlPrefix: env.OWNER_SLACK_RESPONSE_URL_PREFIX,
      discordApiBaseUrl: env.OWNER_DISCORD_API_BASE_URL.replace(/\/+$/, ''),
      replyTimeoutMs: env.OWNER_CHANNELS_REPLY_TIMEOUT_MS,
    },
    ...(env.OWNER_ASSISTANT_LLM
      ? {
          ownerAssistant: {
            llm: {
              provider: env.OWNER_ASSISTANT_LLM.slice(0, env.OWNER_ASSISTANT_LLM.indexOf(':')) as 'openai' | 'gemini' | 'ollama',
              model: env.OWNER_ASSISTANT_LLM.slice(env.OWNER_ASSISTANT_LLM.indexOf(':') + 1),
            },
            baseUrl: env.OWNER_ASSISTANT_LLM_BASE_URL,
            apiKey: env.OWNER_ASSISTANT_LLM_API_KEY,
            timeoutMs: env.OWNER_ASSISTANT_LLM_TIMEOUT_MS,
          },
        }
      : {}),
  };
}

/** The only reader of process.env: validates it, or prints one line naming the problem and exits 1. */
export function loadAppConfig(env: EnvSource = process.env): AppConfig {
  return toAppConfig(loadConfigOrExit(envSchema, env));
}
