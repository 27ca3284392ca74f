import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema } from '../common/primitives.schema';

export const tenantSlugSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lowercase letters, digits and dashes');
export const tenantPlanSchema = z.enum(['free', 'starter', 'pro', 'enterprise']);
export const tenantStatusSchema = z.enum(['active', 'deactivated']);
export type TenantStatus = z.infer<typeof tenantStatusSchema>;

export const tenantSchema = z.object({
  id: tenantIdSchema,
  name: z.string().min(1).max(200),
  slug: tenantSlugSchema,
  plan: tenantPlanSchema,
  status: tenantStatusSchema,
  contactEmail: z.email(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  deactivatedAt: isoDateTimeSchema.nullable(),
});
export type Tenant = z.infer<typeof tenantSchema>;

export const llmProviderSchema = z.enum(['openai', 'gemini', 'ollama', 'llamacpp', 'offline']);
export type LlmProviderKind = z.infer<typeof llmProviderSchema>;

export const llmChoiceSchema = z.object({ provider: llmProviderSchema, model: z.string().min(1).max(200) });

/** Per-tenant runtime settings read by chat, intelligence and the gateway. */
export const tenantConfigSchema = z.object({
  llm: z.object({ primary: llmChoiceSchema, fallbacks: z.array(llmChoiceSchema).max(5) }),
  systemPrompt: z.string().max(8000).nullable(),
  retentionDays: z.int().min(1).max(3650),
  rateLimit: z.object({
    requestsPerMinute: z.int().min(1).max(100_000),
    tokensPerDay: z.int().min(1).nullable(),
  }),
  sessionTtlSeconds: z.int().min(60).max(30 * 24 * 3600),
  pseudonymizeExternal: z.boolean(),
  allowedOrigins: z.array(z.string().min(1).max(300)).max(50),
});
export type TenantConfig = z.infer<typeof tenantConfigSchema>;

/** Who asked for a change (audit_log); `system` for jobs. */
export const actorSchema = z.object({
  type: z.enum(['user', 'system']),
  userId: uuidSchema.nullable(),
});
export type Actor = z.infer<typeof actorSchema>;

/** A freshly issued API key: `key` is the only time the plaintext leaves provisioning. */
export const issuedApiKeySchema = z.object({
  id: uuidSchema,
  prefix: z.string().min(8).max(40),
  key: z.string().min(20).max(200),
  createdAt: isoDateTimeSchema,
});
export type IssuedApiKey = z.infer<typeof issuedApiKeySchema>;
