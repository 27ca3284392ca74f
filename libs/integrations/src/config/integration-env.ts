import { activeKid, activeKidProblem, secretKeyRingSchema } from '@parley/auth';
import { envVar } from '@parley/observability/startup';
import { z } from 'zod';

/** The variables of every service that opens integration credentials or calls integrations (chat, provisioning). */
export function integrationEnvShape() {
  return {
    /** Keys that seal integration credentials at rest (kid:base64 pairs); unset: integrations with credentials cannot be saved or used. */
    INTEGRATION_SECRET_KEYS: secretKeyRingSchema.optional(),
    INTEGRATION_ACTIVE_SECRET_KID: envVar.name().optional(),
    /** Integrations on private, loopback or link-local addresses (local development, the demo and tests only). */
    INTEGRATION_ALLOW_PRIVATE_TARGETS: envVar.bool().default(false),
  };
}

type IntegrationEnv = z.output<z.ZodObject<ReturnType<typeof integrationEnvShape>>> & { NODE_ENV: string };

/** The problems of those variables (for a superRefine), each with the variable it names. */
export function integrationEnvProblems(env: IntegrationEnv): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const kid = activeKidProblem(
    env.INTEGRATION_SECRET_KEYS,
    env.INTEGRATION_ACTIVE_SECRET_KID,
    'INTEGRATION_SECRET_KEYS',
    'INTEGRATION_ACTIVE_SECRET_KID',
  );
  if (kid) problems.push(kid);
  if (env.NODE_ENV === 'production' && env.INTEGRATION_ALLOW_PRIVATE_TARGETS)
    problems.push({ path: 'INTEGRATION_ALLOW_PRIVATE_TARGETS', message: 'must be false in production' });
  return problems;
}

/** How integration credentials are sealed and where integrations may point. */
export interface IntegrationEnvConfig {
  /** null when INTEGRATION_SECRET_KEYS is unset. */
  secretKeys: ReadonlyMap<string, Buffer> | null;
  activeKid: string | null;
  allowPrivateTargets: boolean;
  /** https only. */
  production: boolean;
}

export function toIntegrationEnvConfig(env: IntegrationEnv): IntegrationEnvConfig {
  return {
    secretKeys: env.INTEGRATION_SECRET_KEYS ?? null,
    activeKid: env.INTEGRATION_SECRET_KEYS ? activeKid(env.INTEGRATION_SECRET_KEYS, env.INTEGRATION_ACTIVE_SECRET_KID) : null,
    allowPrivateTargets: env.INTEGRATION_ALLOW_PRIVATE_TARGETS,
    production: env.NODE_ENV === 'production',
  };
}
