// Maps a tenants row to the TenantConfig contract. The json columns (escalation_settings,
// llm_fallbacks) and free-text columns (tone, llm_provider) are parsed defensively: a value
// written by an older version or by hand falls back to the contract default for that field
// instead of failing every turn of the tenant.
import {
  countryCodeSchema,
  countryForTimeZone,
  DEFAULT_TENANT_CONFIG,
  derivedDataRetentionSchema,
  escalationSettingsSchema,
  llmChoiceSchema,
  llmProviderSchema,
  toneSchema,
  webOriginSchema,
  type LlmChoice,
  type TenantConfig,
} from '@parley/contracts';
import { z } from 'zod';

/** The columns of `tenants` that make up a tenant's config. */
export interface TenantConfigRow {
  persona: string;
  tone: string;
  allowedTopics: string[];
  emergencyText: string | null;
  escalationSettings: unknown;
  llmProvider: string;
  llmModel: string | null;
  llmFallbacks: unknown;
  retentionDays: number;
  /** Absent in rows read without it (then `keep`). */
  derivedDataRetention?: string;
  rateLimitPerMinute: number | null;
  allowedOrigins: string[];
  /** Absent in rows read without it (then the config's country is the time zone's). */
  country?: string | null;
  timezone?: string;
}

/** Model used when a row names a provider but no model (the offline responder has one mode). */
const DEFAULT_MODEL_BY_PROVIDER: Record<LlmChoice['provider'], string> = {
  offline: 'retrieval',
  openai: 'default',
  gemini: 'default',
  ollama: 'default',
  llamacpp: 'default',
};

function parseEscalation(value: unknown): TenantConfig['escalation'] {
  const base = DEFAULT_TENANT_CONFIG.escalation;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ...base };
  const merged = { ...base, ...(value as Record<string, unknown>) };
  const parsed = escalationSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : { ...base };
}

function parsePrimary(provider: string, model: string | null): LlmChoice {
  const kind = llmProviderSchema.safeParse(provider);
  if (!kind.success) return { ...DEFAULT_TENANT_CONFIG.llm.primary };
  return { provider: kind.data, model: model && model.length > 0 ? model : DEFAULT_MODEL_BY_PROVIDER[kind.data] };
}

function parseFallbacks(value: unknown): LlmChoice[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = llmChoiceSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

const positiveInt = z.int().min(1);

/** DB row -> TenantConfig; never throws: malformed values become the contract defaults. */
export function tenantConfigFromRow(row: TenantConfigRow): TenantConfig {
  const tone = toneSchema.safeParse(row.tone);
  return {
    persona: row.persona ?? '',
    tone: tone.success ? tone.data : DEFAULT_TENANT_CONFIG.tone,
    allowedTopics: (row.allowedTopics ?? []).filter((t) => t.length > 0 && t.length <= 100).slice(0, 50),
    emergencyText: row.emergencyText && row.emergencyText.trim().length > 0 ? row.emergencyText : null,
    escalation: parseEscalation(row.escalationSettings),
    llm: { primary: parsePrimary(row.llmProvider, row.llmModel), fallbacks: parseFallbacks(row.llmFallbacks).slice(0, 5) },
    retentionDays: positiveInt.safeParse(row.retentionDays).success ? row.retentionDays : DEFAULT_TENANT_CONFIG.retentionDays,
    derivedDataRetention: derivedDataRetentionSchema.safeParse(row.derivedDataRetention).success
      ? (row.derivedDataRetention as TenantConfig['derivedDataRetention'])
      : 'keep',
    rateLimitPerMinute: positiveInt.safeParse(row.rateLimitPerMinute).success ? row.rateLimitPerMinute : null,
    allowedOrigins: (row.allowedOrigins ?? []).filter((o) => webOriginSchema.safeParse(o).success),
    country: countryCodeSchema.safeParse(row.country).success ? (row.country as string) : countryForTimeZone(row.timezone),
  };
}

/** The column values for a config (whole or partial); only the given fields are returned. */
export function tenantConfigToColumns(config: Partial<TenantConfig>): Partial<
  Omit<TenantConfigRow, 'escalationSettings' | 'llmFallbacks'>
> & {
  escalationSettings?: TenantConfig['escalation'];
  llmFallbacks?: LlmChoice[];
} {
  const columns: ReturnType<typeof tenantConfigToColumns> = {};
  if (config.persona !== undefined) columns.persona = config.persona;
  if (config.tone !== undefined) columns.tone = config.tone;
  if (config.allowedTopics !== undefined) columns.allowedTopics = [...config.allowedTopics];
  if (config.emergencyText !== undefined) columns.emergencyText = config.emergencyText;
  if (config.escalation !== undefined) columns.escalationSettings = { ...config.escalation };
  if (config.llm !== undefined) {
    columns.llmProvider = config.llm.primary.provider;
    columns.llmModel = config.llm.primary.model;
    columns.llmFallbacks = config.llm.fallbacks.map((f) => ({ provider: f.provider, model: f.model }));
  }
  if (config.retentionDays !== undefined) columns.retentionDays = config.retentionDays;
  if (config.derivedDataRetention !== undefined) columns.derivedDataRetention = config.derivedDataRetention;
  if (config.rateLimitPerMinute !== undefined) columns.rateLimitPerMinute = config.rateLimitPerMinute;
  if (config.allowedOrigins !== undefined) columns.allowedOrigins = [...config.allowedOrigins];
  if (config.country !== undefined) columns.country = config.country;
  return columns;
}
