import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema } from '../common/primitives.schema';
import { countryCodeSchema } from './country.schema';

export const tenantSlugSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lowercase letters, digits and dashes');
export const tenantStatusSchema = z.enum(['active', 'deactivated']);
export type TenantStatus = z.infer<typeof tenantStatusSchema>;

/** Industry of a tenant, used for benchmarks by kind (e.g. plumber, restaurant, retail, dental). */
export const tenantKindSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'a lowercase industry name');

/** An IANA time zone name (`Europe/London`); validated against the runtime's zone database. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/London');

/** A browser origin: scheme, host and optional port, no path (`https://plumber.example`). */
export const webOriginSchema = z
  .string()
  .max(300)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'an origin such as https://shop.example (scheme and host, no path or trailing slash)');

export const tenantSchema = z.object({
  id: tenantIdSchema,
  slug: tenantSlugSchema,
  displayName: z.string().min(1).max(200),
  kind: tenantKindSchema,
  status: tenantStatusSchema,
  timezone: timeZoneSchema,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  deactivatedAt: isoDateTimeSchema.nullable(),
});
export type Tenant = z.infer<typeof tenantSchema>;

export const llmProviderSchema = z.enum(['openai', 'gemini', 'ollama', 'llamacpp', 'offline']);
export type LlmProviderKind = z.infer<typeof llmProviderSchema>;

export const llmChoiceSchema = z.object({ provider: llmProviderSchema, model: z.string().min(1).max(200) });
export type LlmChoice = z.infer<typeof llmChoiceSchema>;

export const toneSchema = z.enum(['friendly', 'professional', 'formal', 'casual', 'concise']);
export type Tone = z.infer<typeof toneSchema>;

export const escalationSettingsSchema = z.object({
  /** When true, a visitor asking for a person puts the session in human mode: the bot stops answering. */
  handoffEnabled: z.boolean(),
  /** What the bot says when it hands over (a default is used when null). */
  handoffMessage: z.string().min(1).max(1000).nullable(),
  /** Also notify tenant staff on every escalation request. */
  notifyOnEscalation: z.boolean(),
});
export type EscalationSettings = z.infer<typeof escalationSettingsSchema>;

/** What happens to summaries, interactions and contacts when the messages they came from are deleted. */
export const derivedDataRetentionSchema = z.enum(['keep', 'with_messages']);
export type DerivedDataRetention = z.infer<typeof derivedDataRetentionSchema>;

/** Per-tenant runtime settings read by chat, intelligence and the gateway. */
export const tenantConfigSchema = z.object({
  /** Persona / system prompt: who the bot is and how it speaks for this business. */
  persona: z.string().max(8000),
  tone: toneSchema,
  /** Topics the bot may discuss; empty = anything related to the business. */
  allowedTopics: z.array(z.string().min(1).max(100)).max(50),
  /** Shown to a visitor when a safety finding is detected (e.g. "Call 999 / the gas emergency line"). */
  emergencyText: z.string().min(1).max(2000).nullable(),
  escalation: escalationSettingsSchema,
  /** Primary provider + model and an ordered fallback list tried on error or timeout. */
  llm: z.object({ primary: llmChoiceSchema, fallbacks: z.array(llmChoiceSchema).max(5) }),
  /** How long chat message content is kept: client-insights' retention job deletes older messages after folding their usage into usage_daily (ADR 0017). */
  retentionDays: z.int().min(1).max(3650),
  /**
   * The tenant's policy for what was derived from its chats once their messages are deleted:
   * `keep` (the default) keeps session summaries, interactions and contacts; `with_messages`
   * lets them go too (summaries and interactions older than retentionDays are deleted, contacts
   * not seen for retentionDays are erased). Optional so older payloads and fixtures stay valid.
   */
  derivedDataRetention: derivedDataRetentionSchema.optional(),
  /** Requests per minute per API key and per session; null = the platform default. */
  rateLimitPerMinute: z.int().min(1).max(100_000).nullable(),
  /** Browser origins allowed to call the chat routes (CORS); defaults to the tenant's domain. */
  allowedOrigins: z.array(webOriginSchema).max(50),
  /**
   * Where the business is (ISO 3166-1 alpha-2): the region a visitor's local-format phone number
   * is read in. When never set, read back as the time zone's country (`countryForTimeZone`), null
   * when the zone names none (UTC). Optional so older payloads and fixtures stay valid.
   */
  country: countryCodeSchema.nullable().optional(),
});
export type TenantConfig = z.infer<typeof tenantConfigSchema>;

/** Defaults applied at tenant creation for fields the owner does not set. */
export const DEFAULT_TENANT_CONFIG: TenantConfig = {
  persona: '',
  tone: 'friendly',
  allowedTopics: [],
  emergencyText: null,
  escalation: { handoffEnabled: false, handoffMessage: null, notifyOnEscalation: true },
  llm: { primary: { provider: 'offline', model: 'retrieval' }, fallbacks: [] },
  retentionDays: 30,
  derivedDataRetention: 'keep',
  rateLimitPerMinute: null,
  allowedOrigins: [],
};

/** Who asked for a change (audit_log); `system` for jobs. */
export const actorSchema = z.object({
  type: z.enum(['owner', 'tenant_user', 'api_key', 'system']),
  /** User id or API key id; null for system. */
  id: uuidSchema.nullable(),
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

/** An API key as listed (never the secret). */
export const apiKeySummarySchema = z.object({
  id: uuidSchema,
  name: z.string(),
  prefix: z.string(),
  status: z.enum(['active', 'revoked']),
  createdAt: isoDateTimeSchema,
  lastUsedAt: isoDateTimeSchema.nullable(),
  /** Set when the key is in its rotation grace period (or revoked at this time). */
  expiresAt: isoDateTimeSchema.nullable(),
});
export type ApiKeySummary = z.infer<typeof apiKeySummarySchema>;
