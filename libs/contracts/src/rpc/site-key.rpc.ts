import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import { actorSchema, tenantSlugSchema, tenantStatusSchema, webOriginSchema } from './tenant.schema';

// Publishable site keys (`pk_live_...`) and the widget's public settings
// (docs/adr/0013-widget-and-site-keys.md). A site key is public by design: it sits in the page
// source of the tenant's site, so it is stored and listed as is. It opens widget sessions only,
// and only from the tenant's allowed origins; the gateway enforces both.

/** `pk_live_` + 32 base62 characters. */
export const siteKeyValueSchema = z.string().regex(/^pk_live_[A-Za-z0-9]{32}$/, 'a publishable key: pk_live_ and 32 letters or digits');

export const siteKeySchema = z
  .object({
    id: uuidSchema,
    key: siteKeyValueSchema,
    status: z.enum(['active', 'revoked']),
    createdAt: isoDateTimeSchema,
    revokedAt: isoDateTimeSchema.nullable(),
  })
  .meta({ id: 'SiteKey' });
export type SiteKey = z.infer<typeof siteKeySchema>;

/** What the widget shows: accent colour, the name in its header, its first line, which corner. */
export const widgetThemeSchema = z
  .object({
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #0f766e'),
    name: z.string().trim().min(1).max(60),
    greeting: z.string().trim().min(1).max(300),
    position: z.enum(['right', 'left']),
  })
  .meta({ id: 'WidgetTheme' });
export type WidgetTheme = z.infer<typeof widgetThemeSchema>;
export const widgetThemePatchSchema = widgetThemeSchema.partial();
export type WidgetThemePatch = z.infer<typeof widgetThemePatchSchema>;

export const DEFAULT_WIDGET_COLOR = '#2563eb';
export const DEFAULT_WIDGET_GREETING = 'Hi! How can we help you today?';

/** The stored (partial) theme completed with defaults; the tenant's display name is the default name. */
export function resolveWidgetTheme(stored: unknown, displayName: string): WidgetTheme {
  const parsed = widgetThemePatchSchema.safeParse(stored);
  const patch = parsed.success ? parsed.data : {};
  return {
    color: patch.color ?? DEFAULT_WIDGET_COLOR,
    name: patch.name ?? displayName.slice(0, 60),
    greeting: patch.greeting ?? DEFAULT_WIDGET_GREETING,
    position: patch.position ?? 'right',
  };
}

/** A tenant's site keys (newest first), its allowed origins and its widget theme. */
export const SiteKeyListRpc = defineRpc(
  RPC_SUBJECTS.siteKeyList,
  z.object({ version: version1, tenantId: tenantIdSchema }),
  z.object({ version: version1, items: z.array(siteKeySchema), allowedOrigins: z.array(webOriginSchema), theme: widgetThemeSchema }),
);

/** Issues a new site key; `revokeOthers` (a rotation) revokes every other active key at once. */
export const SiteKeyCreateRpc = defineRpc(
  RPC_SUBJECTS.siteKeyCreate,
  z.object({ version: version1, actor: actorSchema, tenantId: tenantIdSchema, revokeOthers: z.boolean() }),
  z.object({ version: version1, siteKey: siteKeySchema, revokedKeyIds: z.array(uuidSchema) }),
);

/** Revokes one site key (idempotent). NOT_FOUND when the tenant has no such key. */
export const SiteKeyRevokeRpc = defineRpc(
  RPC_SUBJECTS.siteKeyRevoke,
  z.object({ version: version1, actor: actorSchema, tenantId: tenantIdSchema, siteKeyId: uuidSchema }),
  z.object({ version: version1, siteKey: siteKeySchema }),
);

/**
 * The gateway resolves a presented site key before any tenant is known. NOT_FOUND for an
 * unknown key; a revoked key or a deactivated tenant is answered as such, and the gateway refuses.
 */
export const SiteKeyLookupRpc = defineRpc(
  RPC_SUBJECTS.siteKeyLookup,
  z.object({ version: version1, key: siteKeyValueSchema }),
  z.object({
    version: version1,
    siteKey: z.object({ id: uuidSchema, tenantId: tenantIdSchema, status: z.enum(['active', 'revoked']) }),
    tenantStatus: tenantStatusSchema,
    tenantSlug: tenantSlugSchema,
    allowedOrigins: z.array(z.string()),
    theme: widgetThemeSchema,
  }),
);

/** Changes the widget theme (fields given replace, the others stay). */
export const WidgetThemeSetRpc = defineRpc(
  RPC_SUBJECTS.widgetThemeSet,
  z.object({ version: version1, actor: actorSchema, tenantId: tenantIdSchema, theme: widgetThemePatchSchema }),
  z.object({ version: version1, theme: widgetThemeSchema }),
);

/**
 * What a demo page (/demo/<slug>) may show of an active tenant: its name, theme and newest
 * active site key. NOT_FOUND for an unknown or deactivated tenant, or one without a site key.
 */
export const WidgetDemoPageRpc = defineRpc(
  RPC_SUBJECTS.widgetDemoPage,
  z.object({ version: version1, slug: tenantSlugSchema }),
  z.object({ version: version1, slug: tenantSlugSchema, displayName: z.string(), siteKey: siteKeyValueSchema, theme: widgetThemeSchema }),
);
