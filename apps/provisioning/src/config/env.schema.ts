import { z } from 'zod';
import { passwordProblem } from '@parley/auth';
import { integrationEnvProblems, integrationEnvShape, toIntegrationEnvConfig, type IntegrationEnvConfig } from '@parley/integrations';
import { llmEnvShape, toLlmConfig, type EmbeddingConfig } from '@parley/llm/config';
import {
  envVar,
  loadConfigOrExit,
  serviceEnvShape,
  toServiceConfig,
  type EnvSource,
  type ServiceConfig,
} from '@parley/observability/startup';

/** Every variable this service reads: the shared service variables plus provisioning's own. */
export const envSchema = z
  .object({
    ...serviceEnvShape(3004),
    /** Model variables; provisioning uses the EMBEDDING_* ones to embed knowledge chunks. */
    ...llmEnvShape(),
    /** Platform owner bootstrapped at start when OWNER_PASSWORD is set too; alone, it bootstraps nothing. */
    OWNER_EMAIL: z.email({ error: 'must be an email address' }).optional(),
    /** The owner's password (12-72 bytes); never logged. */
    OWNER_PASSWORD: z
      .string()
      .refine((value) => passwordProblem(value) === null, { error: (issue) => passwordProblem(String(issue.input)) ?? 'invalid password' })
      .optional(),
    /** bcrypt cost for API keys and passwords (tests lower it). */
    BCRYPT_COST: envVar.int(4, 15).default(12),
    ...integrationEnvShape(),
  })
  .superRefine((env, ctx) => {
    for (const problem of integrationEnvProblems(env)) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
    if (env.EMBEDDING_PROVIDER === 'openai' && !env.EMBEDDING_API_KEY && !env.OPENAI_API_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['EMBEDDING_API_KEY'],
        message: 'is required when EMBEDDING_PROVIDER=openai and OPENAI_API_KEY is unset',
      });
    }
    // OWNER_EMAIL alone is allowed (scripts/demo.sh exports it for the demo seed, which sets the
    // owner itself): the bootstrap runs only when both are set. A password without an email is a mistake.
    if (env.OWNER_PASSWORD && !env.OWNER_EMAIL) {
      ctx.addIssue({ code: 'custom', path: ['OWNER_EMAIL'], message: 'is required when OWNER_PASSWORD is set' });
    }
  });

export interface ProvisioningConfig {
  /** Owner to upsert at start; null when OWNER_EMAIL/OWNER_PASSWORD are unset. */
  owner: { email: string; password: string } | null;
  bcryptCost: number;
  integrations: IntegrationSecretsConfig;
}

export type IntegrationSecretsConfig = IntegrationEnvConfig;

export interface AppConfig extends ServiceConfig {
  provisioning: ProvisioningConfig;
  /** Knowledge embeddings: provider `none` keeps retrieval full-text only. */
  embedding: EmbeddingConfig;
}

export function toAppConfig(env: z.output<typeof envSchema>): AppConfig {
  return {
    ...toServiceConfig('provisioning', env),
    provisioning: {
      owner: env.OWNER_EMAIL && env.OWNER_PASSWORD ? { email: env.OWNER_EMAIL.toLowerCase(), password: env.OWNER_PASSWORD } : null,
      bcryptCost: env.BCRYPT_COST,
      integrations: toIntegrationEnvConfig(env),
    },
    embedding: toLlmConfig(env).embedding,
  };
}

/** The only reader of process.env: validates it, or prints one line naming the problem and exits 1. */
export function loadAppConfig(env: EnvSource = process.env): AppConfig {
  return toAppConfig(loadConfigOrExit(envSchema, env));
}
