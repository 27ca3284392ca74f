import type { Tenant, TenantWithConfig } from '@parley/contracts';
import { TENANT_CONFIG_SELECT, tenantConfigFromRow } from '@parley/persistence';

export const TENANT_SELECT = {
  id: true,
  slug: true,
  displayName: true,
  kind: true,
  status: true,
  timezone: true,
  createdAt: true,
  updatedAt: true,
  deactivatedAt: true,
} as const;

export const TENANT_WITH_CONFIG_SELECT = { ...TENANT_SELECT, ...TENANT_CONFIG_SELECT } as const;

type TenantRow = {
  id: string;
  slug: string;
  displayName: string;
  kind: string;
  status: Tenant['status'];
  timezone: string;
  createdAt: Date;
  updatedAt: Date;
  deactivatedAt: Date | null;
};

export function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    slug: row.slug,
    displayName: row.displayName,
    kind: row.kind,
    status: row.status,
    timezone: row.timezone,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deactivatedAt: row.deactivatedAt ? row.deactivatedAt.toISOString() : null,
  };
}

export function toTenantWithConfig(row: TenantRow & Parameters<typeof tenantConfigFromRow>[0]): TenantWithConfig {
  return { ...toTenant(row), config: tenantConfigFromRow(row) };
}
