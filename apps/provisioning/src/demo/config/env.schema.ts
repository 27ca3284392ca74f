import { z } from 'zod';
import { llmChoiceSchema, webOriginSchema, type LlmChoice } from '@parley/contracts';
import { integrationEnvShape, toIntegrationEnvConfig, type IntegrationEnvConfig } from '@parley/integrations';
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
  /** The local fake Shopify scripts/demo.sh starts, and its token: the shop tenants connect to it (unset: no shop is connected). */
  DEMO_SHOPIFY_URL: envVar.url(['http', 'https']).optional(),
  DEMO_SHOPIFY_TOKEN: z.string().min(1).optional(),
  /** `provider:model` (e.g. openai:gpt-4o-mini) the demo tenants answer with first, the offline responder behind it; unset: offline only. */
  DEMO_LLM: z
    .string()
    .regex(/^[a-z]+:.+$/, 'must be provider:model, e.g. openai:gpt-4o-mini')
    .transform((value) => ({ provider: value.slice(0, value.indexOf(':')), model: value.slice(value.indexOf(':') + 1) }))
    .pipe(llmChoiceSchema)
    .optional(),
  /** INTEGRATION_* seal the shop's token like provisioning does. */
  ...integrationEnvShape(),
  NODE_ENV: z.string().default('development'),
});

export interface DemoSeedConfig {
  databaseUrl: string;
  ownerEmail: string;
  ownerPassword?: string;
  staffPassword?: string;
  demoDir?: string;
  gatewayOrigins: string[];
  embedding: EmbeddingConfig;
  shop: { url: string; accessToken: string; integrations: IntegrationEnvConfig } | null;
  model: LlmChoice | null;
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
    shop:
      parsed.DEMO_SHOPIFY_URL && parsed.DEMO_SHOPIFY_TOKEN
        ? { url: parsed.DEMO_SHOPIFY_URL, accessToken: parsed.DEMO_SHOPIFY_TOKEN, integrations: toIntegrationEnvConfig(parsed) }
        : null,
    model: parsed.DEMO_LLM ?? null,
  };
}
