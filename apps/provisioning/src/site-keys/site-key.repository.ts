import type { SiteKey, WidgetThemePatch } from '@parley/contracts';
import type { Db, Prisma, TenantTx } from '@parley/persistence';

const SITE_KEY_SELECT = { id: true, key: true, status: true, createdAt: true, revokedAt: true } as const;
type SiteKeyRow = { id: string; key: string; status: 'active' | 'revoked'; createdAt: Date; revokedAt: Date | null };

export function toSiteKey(row: SiteKeyRow): SiteKey {
  return {
    id: row.id,
    key: row.key,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function listSiteKeys(tx: TenantTx, tenantId: string): Promise<SiteKey[]> {
  const rows = await tx.siteKey.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: SITE_KEY_SELECT,
  });
  return rows.map(toSiteKey);
}

export async function insertSiteKey(tx: TenantTx, tenantId: string, key: string): Promise<SiteKey> {
  return toSiteKey(await tx.siteKey.create({ data: { tenantId, key }, select: SITE_KEY_SELECT }));
}

/** Revokes the tenant's active keys other than `keepId`; returns their ids. */
export async function revokeOtherSiteKeys(tx: TenantTx, tenantId: string, keepId: string, now: Date): Promise<string[]> {
  const others = await tx.siteKey.findMany({ where: { tenantId, status: 'active', id: { not: keepId } }, select: { id: true } });
  const ids = others.map((k) => k.id);
  if (ids.length > 0) await tx.siteKey.updateMany({ where: { id: { in: ids } }, data: { status: 'revoked', revokedAt: now } });
  return ids;
}

/** Revokes one key (a revoked key stays as it was); null when the tenant has no such key. */
export async function revokeSiteKey(tx: TenantTx, tenantId: string, id: string, now: Date): Promise<SiteKey | null> {
  const row = await tx.siteKey.findFirst({ where: { tenantId, id }, select: SITE_KEY_SELECT });
  if (!row) return null;
  if (row.status === 'revoked') return toSiteKey(row);
  return toSiteKey(await tx.siteKey.update({ where: { id }, data: { status: 'revoked', revokedAt: now }, select: SITE_KEY_SELECT }));
}

/** The newest active key of a tenant, if any. */
export async function newestActiveSiteKey(tx: TenantTx, tenantId: string): Promise<string | null> {
  const row = await tx.siteKey.findFirst({
    where: { tenantId, status: 'active' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { key: true },
  });
  return row?.key ?? null;
}

export interface SiteKeyCandidate {
  id: string;
  tenantId: string;
  status: string;
  tenantStatus: string;
  tenantSlug: string;
  displayName: string;
  allowedOrigins: string[];
  widgetTheme: unknown;
}

/** The key, its tenant's status, origins and public widget settings, before the tenant is known (SECURITY DEFINER find_site_key). */
export async function findSiteKey(db: Db, key: string): Promise<SiteKeyCandidate | null> {
  const rows = await db.$queryRaw<
    {
      id: string;
      tenant_id: string;
      status: string;
      tenant_status: string;
      tenant_slug: string;
      display_name: string;
      allowed_origins: string[];
      widget_theme: unknown;
    }[]
  >`SELECT id::text, tenant_id::text, status, tenant_status, tenant_slug, display_name, allowed_origins, widget_theme FROM find_site_key(${key})`;
  const row = rows[0];
  return row
    ? {
        id: row.id,
        tenantId: row.tenant_id,
        status: row.status,
        tenantStatus: row.tenant_status,
        tenantSlug: row.tenant_slug,
        displayName: row.display_name,
        allowedOrigins: row.allowed_origins,
        widgetTheme: row.widget_theme,
      }
    : null;
}

/** Merges a theme patch into the stored one (tenants has no RLS: it is the registry). */
export async function mergeWidgetTheme(db: Db, tenantId: string, current: unknown, patch: WidgetThemePatch): Promise<Prisma.JsonObject> {
  const base = current && typeof current === 'object' && !Array.isArray(current) ? (current as Prisma.JsonObject) : {};
  const merged: Prisma.JsonObject = { ...base, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  await db.tenant.update({ where: { id: tenantId }, data: { widgetTheme: merged } });
  return merged;
}

export interface WidgetTenant {
  status: string;
  displayName: string;
  allowedOrigins: string[];
  widgetTheme: unknown;
}

/** The tenant's status and public widget settings, or null for an unknown tenant. */
export function findWidgetTenant(db: Db, tenantId: string): Promise<WidgetTenant | null> {
  return db.tenant.findUnique({
    where: { id: tenantId },
    select: { status: true, displayName: true, allowedOrigins: true, widgetTheme: true },
  });
}

/** The tenant behind a demo page (/demo/<slug>), or null. */
export function findDemoPageTenant(
  db: Db,
  slug: string,
): Promise<{ id: string; status: string; displayName: string; widgetTheme: unknown } | null> {
  return db.tenant.findUnique({ where: { slug }, select: { id: true, status: true, displayName: true, widgetTheme: true } });
}
