import type { CreateTenantRequest, LlmProvider, TenantWithConfig, Tone, UpdateTenantRequest } from './tenants.types';

// Form values (strings, as inputs hold them) to the admin API's bodies, and back.

export const TONES: readonly Tone[] = ['friendly', 'professional', 'formal', 'casual', 'concise'];
export const PROVIDERS: readonly LlmProvider[] = ['offline', 'openai', 'gemini', 'ollama', 'llamacpp'];

/** "Bob's Plumbing & Heating" -> "bobs-plumbing-heating" (the slug rules: a-z, 0-9, dashes, at most 63). */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
}

/** One origin per line (or comma separated): the valid ones, and what was not an origin. */
export function parseOrigins(text: string): { origins: string[]; invalid: string[] } {
  const origins: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const entry = raw.trim();
    if (!entry) continue;
    let origin: string | null = null;
    try {
      const url = new URL(entry);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === entry.replace(/\/$/, '')) origin = url.origin;
    } catch {
      origin = null;
    }
    if (origin === null) invalid.push(entry);
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins, invalid };
}

export interface CreateTenantForm {
  displayName: string;
  slug: string;
  kind: string;
  timezone: string;
  domain: string;
  allowedOrigins: string;
  adminEmail: string;
  adminName: string;
  adminPassword: string;
}

/** The POST /api/v1/admin/tenants body, or the problems to show at the form. */
export function createTenantBody(form: CreateTenantForm): { body: CreateTenantRequest; problems: [] } | { body: null; problems: string[] } {
  const problems: string[] = [];
  const domain = form.domain.trim();
  const domainParsed = domain ? parseOrigins(domain) : { origins: [], invalid: [] };
  if (domainParsed.invalid.length > 0) problems.push(`Website: “${domain}” is not an origin such as https://shop.example.`);
  const origins = parseOrigins(form.allowedOrigins);
  if (origins.invalid.length > 0) problems.push(`Allowed origins: not origins: ${origins.invalid.join(', ')}.`);
  const adminEmail = form.adminEmail.trim();
  if (adminEmail && form.adminPassword.length < 12) problems.push('First admin: the password needs at least 12 characters.');
  if (problems.length > 0) return { body: null, problems };
  const body: CreateTenantRequest = {
    displayName: form.displayName.trim(),
    slug: form.slug.trim(),
    kind: form.kind.trim(),
    timezone: form.timezone.trim(),
    domain: domainParsed.origins[0] ?? null,
    ...(origins.origins.length > 0 ? { config: { allowedOrigins: origins.origins } } : {}),
    ...(adminEmail
      ? {
          admin: {
            email: adminEmail,
            password: form.adminPassword,
            ...(form.adminName.trim() ? { displayName: form.adminName.trim() } : {}),
          },
        }
      : {}),
  };
  return { body, problems: [] };
}

export interface ConfigForm {
  displayName: string;
  kind: string;
  timezone: string;
  persona: string;
  tone: Tone;
  allowedOrigins: string;
  emergencyText: string;
  handoffEnabled: boolean;
  retentionDays: string;
  rateLimitPerMinute: string;
  provider: LlmProvider;
  model: string;
}

export function configForm(tenant: TenantWithConfig): ConfigForm {
  const c = tenant.config;
  return {
    displayName: tenant.displayName,
    kind: tenant.kind,
    timezone: tenant.timezone,
    persona: c.persona,
    tone: c.tone,
    allowedOrigins: c.allowedOrigins.join('\n'),
    emergencyText: c.emergencyText ?? '',
    handoffEnabled: c.escalation.handoffEnabled,
    retentionDays: String(c.retentionDays),
    rateLimitPerMinute: c.rateLimitPerMinute === null ? '' : String(c.rateLimitPerMinute),
    provider: c.llm.primary.provider,
    model: c.llm.primary.model,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** The PATCH body with only what changed (null when nothing did), or the problems to show. */
export function configPatch(tenant: TenantWithConfig, form: ConfigForm): { patch: UpdateTenantRequest | null; problems: string[] } {
  const problems: string[] = [];
  const c = tenant.config;
  const origins = parseOrigins(form.allowedOrigins);
  if (origins.invalid.length > 0) problems.push(`Allowed origins: not origins: ${origins.invalid.join(', ')}.`);
  const retention = Number(form.retentionDays);
  if (!Number.isInteger(retention) || retention < 1 || retention > 3650) problems.push('Retention: a whole number of days from 1 to 3650.');
  const rateText = form.rateLimitPerMinute.trim();
  const rate = rateText === '' ? null : Number(rateText);
  if (rate !== null && (!Number.isInteger(rate) || rate < 1 || rate > 100_000))
    problems.push('Rate limit: a whole number from 1 to 100000 requests a minute, or empty for the platform default.');
  if (!form.model.trim()) problems.push('Model: enter the model name.');
  if (problems.length > 0) return { patch: null, problems };

  const config: NonNullable<UpdateTenantRequest['config']> = {};
  if (form.persona !== c.persona) config.persona = form.persona;
  if (form.tone !== c.tone) config.tone = form.tone;
  if (!sameList(origins.origins, c.allowedOrigins)) config.allowedOrigins = origins.origins;
  const emergency = form.emergencyText.trim() === '' ? null : form.emergencyText.trim();
  if (emergency !== c.emergencyText) config.emergencyText = emergency;
  if (form.handoffEnabled !== c.escalation.handoffEnabled) config.escalation = { ...c.escalation, handoffEnabled: form.handoffEnabled };
  if (retention !== c.retentionDays) config.retentionDays = retention;
  if (rate !== c.rateLimitPerMinute) config.rateLimitPerMinute = rate;
  if (form.provider !== c.llm.primary.provider || form.model.trim() !== c.llm.primary.model)
    config.llm = { ...c.llm, primary: { provider: form.provider, model: form.model.trim() } };

  const patch: UpdateTenantRequest = {};
  if (form.displayName.trim() !== tenant.displayName) patch.displayName = form.displayName.trim();
  if (form.kind.trim() !== tenant.kind) patch.kind = form.kind.trim();
  if (form.timezone.trim() !== tenant.timezone) patch.timezone = form.timezone.trim();
  if (Object.keys(config).length > 0) patch.config = config;
  return { patch: Object.keys(patch).length > 0 ? patch : null, problems: [] };
}

/** How long the old API keys keep working after a rotation. */
export const GRACE_OPTIONS: ReadonlyArray<{ seconds: number; label: string }> = [
  { seconds: 0, label: 'Stop the old keys now' },
  { seconds: 3600, label: 'Keep the old keys for 1 hour' },
  { seconds: 86_400, label: 'Keep the old keys for 1 day' },
  { seconds: 7 * 86_400, label: 'Keep the old keys for 7 days' },
];

/** The browser's IANA time zone, the default for a new tenant. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
