import { z } from 'zod';
import { webOriginSchema } from '@parley/contracts';
import { llmEnvShape, toLlmConfig, type EmbeddingConfig } from '@parley/llm/config';
import { envVar, parseEnv, type EnvSource } from '@parley/observability/startup';

/** Environment of the demo seed (`node apps/provisioning/dist/demo/seed-demo.js`). */
const demoEnvSchema = z.object({
  DATABASE_URL: envVar.postgresUrl(),
  OWNER_EMAIL: z.email({ error: 'must be an email address' }).default('owner@parley.local'),
  // Unset: a fresh random password per demo start, printed once.
  OWNER_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  DEMO_STAFF_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  DEMO_DIR: z.string().optional(),
  /** The gateway's own origins (comma-separated): added to each demo tenant's allowed origins so /demo/<slug> can chat. */
  DEMO_GATEWAY_ORIGINS: z
    .string()
    .default('http://127.0.0.1:3000,http://localhost:3000')
    .transform((value) =>
      value
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o.length > 0),
    )
    .pipe(z.array(webOriginSchema).min(1)),
  /** EMBEDDING_* embed the demo knowledge like provisioning does (none by default). */
  ...llmEnvShape(),
});

export interface DemoSeedConfig {
  databaseUrl: string;
  ownerEmail: string;
  ownerPassword?: string;
  staffPassword?: string;
  demoDir?: string;
  gatewayOrigins: string[];
  embedding: EmbeddingConfig;
}

export function loadDemoSeedConfig(env: EnvSource = process.env): DemoSeedConfig {
  const parsed = parseEnv(demoEnvSchema, env);
  return {
    databaseUrl: parsed.DATABASE_URL,
    ownerEmail: parsed.OWNER_EMAIL.toLowerCase(),
    ownerPassword: parsed.OWNER_PASSWORD,
    staffPassword: parsed.DEMO_STAFF_PASSWORD,
    demoDir: parsed.DEMO_DIR,
    gatewayOrigins: parsed.DEMO_GATEWAY_ORIGINS,
    embedding: toLlmConfig(parsed).embedding,
  };
}
