import { z } from 'zod';
import { activeKid, activeKidProblem, secretKeyRingSchema } from '@parley/auth';
import {
  envVar,
  loadConfigOrExit,
  serviceEnvShape,
  toServiceConfig,
  type EnvSource,
  type ServiceConfig,
} from '@parley/observability/startup';

export const SERVICE_NAME = 'notifier';
export const DEFAULT_PORT = 3005;

/** Every variable this service reads (see serviceEnvShape for the shared ones). */
/** What a send may take beyond NOTIFIER_HTTP_TIMEOUT_MS (its abort margin, 1 s) plus recording its outcome. */
export const SEND_GRACE_MS = 5_000;

export const envSchema = z
  .object({
    ...serviceEnvShape(DEFAULT_PORT),
    // Keys that encrypt webhook secrets and Slack/Discord URLs at rest; the active one encrypts.
    NOTIFIER_SECRET_KEYS: secretKeyRingSchema,
    NOTIFIER_ACTIVE_SECRET_KID: envVar.name().optional(),
    // Where links in notifications point (the console), e.g. https://parley.example.com.
    NOTIFIER_PUBLIC_URL: envVar.url(['http', 'https']).default('http://127.0.0.1:3000'),
    // SMTP server for the email channel (smtp:// or smtps://, credentials in the URL); unset: email deliveries fail with a clear error.
    NOTIFIER_SMTP_URL: envVar.url(['smtp', 'smtps']).optional(),
    NOTIFIER_EMAIL_FROM: z.email().default('notifications@parley.local'),
    // Webhook, Slack and Discord targets on private, loopback or link-local addresses (local development and tests only).
    NOTIFIER_ALLOW_PRIVATE_TARGETS: envVar.bool().default(false),
    NOTIFIER_HTTP_TIMEOUT_MS: envVar.int(1_000, 60_000).default(10_000),
    NOTIFIER_MAX_ATTEMPTS: envVar.int(1, 30).default(8),
    NOTIFIER_RETRY_BASE_MS: envVar.int(100, 600_000).default(2_000),
    NOTIFIER_RETRY_MAX_MS: envVar.int(1_000, 86_400_000).default(1_800_000),
    // Per-channel circuit breaker: opens at this failure percentage over at least BREAKER_VOLUME sends, half-opens after BREAKER_RESET_MS.
    NOTIFIER_BREAKER_ERROR_PCT: envVar.int(1, 100).default(50),
    NOTIFIER_BREAKER_VOLUME: envVar.int(1, 1_000).default(5),
    NOTIFIER_BREAKER_RESET_MS: envVar.int(500, 3_600_000).default(30_000),
    NOTIFIER_POLL_MS: envVar.int(50, 60_000).default(500),
    NOTIFIER_DISPATCH_CONCURRENCY: envVar.int(1, 256).default(8),
    NOTIFIER_LEASE_MS: envVar.int(12_000, 600_000).default(30_000),
    NOTIFIER_CONSUMER_CONCURRENCY: envVar.int(1, 64).default(4),
    NOTIFIER_DIGEST_INTERVAL_MS: envVar.int(1_000, 3_600_000).default(60_000),
    NOTIFIER_FOLLOW_UP_INTERVAL_MS: envVar.int(1_000, 3_600_000).default(60_000),
  })
  .superRefine((env, ctx) => {
    const kidProblem = activeKidProblem(
      env.NOTIFIER_SECRET_KEYS,
      env.NOTIFIER_ACTIVE_SECRET_KID,
      'NOTIFIER_SECRET_KEYS',
      'NOTIFIER_ACTIVE_SECRET_KID',
    );
    if (kidProblem) ctx.addIssue({ code: 'custom', path: [kidProblem.path], message: kidProblem.message });
    // A send is aborted after NOTIFIER_HTTP_TIMEOUT_MS + 1 s; the lease must outlast it and the
    // recording of its outcome, so a row is re-sent only when its sender died (ADR 0010).
    if (env.NOTIFIER_LEASE_MS < env.NOTIFIER_HTTP_TIMEOUT_MS + SEND_GRACE_MS)
      ctx.addIssue({
        code: 'custom',
        path: ['NOTIFIER_LEASE_MS'],
        message: `must be at least NOTIFIER_HTTP_TIMEOUT_MS + ${SEND_GRACE_MS} ms (a live send never loses its lease)`,
      });
    if (env.NODE_ENV === 'production' && env.NOTIFIER_ALLOW_PRIVATE_TARGETS)
      ctx.addIssue({ code: 'custom', path: ['NOTIFIER_ALLOW_PRIVATE_TARGETS'], message: 'must be false in production' });
  });
export type Env = z.output<typeof envSchema>;

export interface NotifierOptions {
  secretKeys: ReadonlyMap<string, Buffer>;
  activeSecretKid: string;
  publicUrl: string;
  smtpUrl: string | null;
  emailFrom: string;
  /** https only and no private targets in production. */
  production: boolean;
  allowPrivateTargets: boolean;
  httpTimeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  breaker: { errorThresholdPercentage: number; volumeThreshold: number; resetTimeoutMs: number };
  pollMs: number;
  dispatchConcurrency: number;
  leaseMs: number;
  consumerConcurrency: number;
  digestIntervalMs: number;
  /** How often follow-ups falling due are looked for. */
  followUpIntervalMs: number;
}

export type AppConfig = ServiceConfig & { notifier: NotifierOptions };

export function toAppConfig(env: Env): AppConfig {
  const base = toServiceConfig(SERVICE_NAME, env);
  return {
    ...base,
    notifier: {
      secretKeys: env.NOTIFIER_SECRET_KEYS,
      activeSecretKid: activeKid(env.NOTIFIER_SECRET_KEYS, env.NOTIFIER_ACTIVE_SECRET_KID),
      publicUrl: env.NOTIFIER_PUBLIC_URL.replace(/\/+$/, ''),
      smtpUrl: env.NOTIFIER_SMTP_URL ?? null,
      emailFrom: env.NOTIFIER_EMAIL_FROM,
      production: env.NODE_ENV === 'production',
      allowPrivateTargets: env.NOTIFIER_ALLOW_PRIVATE_TARGETS,
      httpTimeoutMs: env.NOTIFIER_HTTP_TIMEOUT_MS,
      maxAttempts: env.NOTIFIER_MAX_ATTEMPTS,
      retryBaseMs: env.NOTIFIER_RETRY_BASE_MS,
      retryMaxMs: env.NOTIFIER_RETRY_MAX_MS,
      breaker: {
        errorThresholdPercentage: env.NOTIFIER_BREAKER_ERROR_PCT,
        volumeThreshold: env.NOTIFIER_BREAKER_VOLUME,
        resetTimeoutMs: env.NOTIFIER_BREAKER_RESET_MS,
      },
      pollMs: env.NOTIFIER_POLL_MS,
      dispatchConcurrency: env.NOTIFIER_DISPATCH_CONCURRENCY,
      leaseMs: env.NOTIFIER_LEASE_MS,
      consumerConcurrency: env.NOTIFIER_CONSUMER_CONCURRENCY,
      digestIntervalMs: env.NOTIFIER_DIGEST_INTERVAL_MS,
      followUpIntervalMs: env.NOTIFIER_FOLLOW_UP_INTERVAL_MS,
    },
  };
}

/** The only reader of process.env: validates it, or prints one line naming the problem and exits 1. */
export function loadAppConfig(env: EnvSource = process.env): AppConfig {
  return toAppConfig(loadConfigOrExit(envSchema, env));
}
