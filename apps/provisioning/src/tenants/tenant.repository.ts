// Queries on `tenants`, the registry of tenants (no RLS: the table is the list of tenants
// itself). Reads take the app-role client or a transaction (`Db`); writes take the tenant
// transaction of TenantDb.run(), so each change commits with its audit and outbox rows.
import type { Tenant } from '@parley/contracts';
import type { Db, Prisma, TenantTx } from '@parley/persistence';
import { afterPosition, type ListPosition } from '../common/list-cursor.util';
import { TENANT_SELECT, TENANT_WITH_CONFIG_SELECT } from './tenant.mapper';

export type TenantRow = Prisma.TenantGetPayload<{ select: typeof TENANT_SELECT }>;
export type TenantWithConfigRow = Prisma.TenantGetPayload<{ select: typeof TENANT_WITH_CONFIG_SELECT }>;

export interface TenantListFilter {
  status?: Tenant['status'];
  /** Part of the display name (any case) or of the slug. */
  search?: string;
  /** Only tenants after this position (created_at DESC, id DESC): the cursor. */
  position: ListPosition | null;
  take: number;
}

export async function tenantExists(db: Db, tenantId: string): Promise<boolean> {
  return (await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } })) !== null;
}

/** The tenant's status ('active' | 'deactivated'), or null for an unknown tenant. */
export async function findTenantStatus(db: Db, tenantId: string): Promise<Tenant['status'] | null> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { status: true } });
  return tenant?.status ?? null;
}

/** The id and status of the tenant with this slug, or null. */
export function findTenantBySlug(db: Db, slug: string): Promise<{ id: string; status: Tenant['status'] } | null> {
  return db.tenant.findUnique({ where: { slug }, select: { id: true, status: true } });
}

export async function isSlugTaken(db: Db, slug: string): Promise<boolean> {
  return (await db.tenant.findUnique({ where: { slug }, select: { id: true } })) !== null;
}

export function findTenantWithConfig(db: Db, tenantId: string): Promise<TenantWithConfigRow | null> {
  return db.tenant.findUnique({ where: { id: tenantId }, select: TENANT_WITH_CONFIG_SELECT });
}

/** Up to `take` tenants matching the filter, newest first. */
export function listTenants(db: Db, filter: TenantListFilter): Promise<TenantRow[]> {
  const search = filter.search
    ? {
        OR: [
          { displayName: { contains: filter.search, mode: 'insensitive' as const } },
          { slug: { contains: filter.search.toLowerCase() } },
        ],
      }
    : {};
  return db.tenant.findMany({
    where: { AND: [filter.status ? { status: filter.status } : {}, search, afterPosition(filter.position)] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: filter.take,
    select: TENANT_SELECT,
  });
}

/** Inserts the tenant row (a taken slug raises the unique violation to the caller). */
export function insertTenant(tx: TenantTx, data: Prisma.TenantUncheckedCreateInput): Promise<TenantWithConfigRow> {
  return tx.tenant.create({ data, select: TENANT_WITH_CONFIG_SELECT });
}

export function updateTenant(tx: TenantTx, tenantId: string, data: Prisma.TenantUncheckedUpdateInput): Promise<TenantWithConfigRow> {
  return tx.tenant.update({ where: { id: tenantId }, data, select: TENANT_WITH_CONFIG_SELECT });
}

export function deactivateTenant(tx: TenantTx, tenantId: string, at: Date): Promise<TenantWithConfigRow> {
  return tx.tenant.update({
    where: { id: tenantId },
    data: { status: 'deactivated', deactivatedAt: at },
    select: TENANT_WITH_CONFIG_SELECT,
  });
}

/**
 * Sets a deactivated tenant active again; null when it was not deactivated (the conditional
 * update makes concurrent callers safe: only one of them changes the row).
 */
export async function reactivateTenant(tx: TenantTx, tenantId: string): Promise<TenantWithConfigRow | null> {
  const changed = await tx.tenant.updateMany({
    where: { id: tenantId, status: 'deactivated' },
    data: { status: 'active', deactivatedAt: null },
  });
  if (changed.count === 0) return null;
  return tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: TENANT_WITH_CONFIG_SELECT });
}
