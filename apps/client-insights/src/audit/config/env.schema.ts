import { z } from 'zod';
import { envVar, parseEnv, type EnvSource } from '@parley/observability/startup';

/**
 * Environment of `npm run audit:verify` (audit-verify.main.ts). It reads every chain, so it
 * needs a role that sees every tenant: the analytics role (BYPASSRLS, read-only) by default.
 */
const verifyEnvSchema = z
  .object({
    /** Overrides ANALYTICS_DATABASE_URL for the verifier only (e.g. a replica, or the owner role). */
    AUDIT_DATABASE_URL: envVar.postgresUrl().optional(),
    ANALYTICS_DATABASE_URL: envVar.postgresUrl().optional(),
  })
  .refine((env) => env.AUDIT_DATABASE_URL !== undefined || env.ANALYTICS_DATABASE_URL !== undefined, {
    message: 'AUDIT_DATABASE_URL or ANALYTICS_DATABASE_URL is required (a role that reads every tenant)',
    path: ['AUDIT_DATABASE_URL'],
  });

export interface AuditVerifyConfig {
  databaseUrl: string;
}

export function loadAuditVerifyConfig(env: EnvSource = process.env): AuditVerifyConfig {
  const parsed = parseEnv(verifyEnvSchema, env);
  return { databaseUrl: (parsed.AUDIT_DATABASE_URL ?? parsed.ANALYTICS_DATABASE_URL) as string };
}
