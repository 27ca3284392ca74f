import { integrationKindSchema, tenantToolSettingsSchema, toolCategorySchema, type TenantToolView, type ToolView } from '@parley/contracts';
import type { ToolRow } from './tool-catalog.repository';

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function toToolView(row: ToolRow): ToolView {
  const category = toolCategorySchema.safeParse(row.category);
  return {
    key: row.key,
    name: row.name,
    description: row.description,
    kind: row.kind === 'builtin' ? 'builtin' : 'custom',
    category: category.success ? category.data : 'custom',
    integrationKinds: (row.integrationKinds ?? []).flatMap((k) => {
      const kind = integrationKindSchema.safeParse(k);
      return kind.success ? [kind.data] : [];
    }),
    parameters: asObject(row.inputSchema),
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface TenantToolRowLike {
  enabled: boolean;
  integrationId: string | null;
  settings: unknown;
  updatedAt: Date;
}

/**
 * A tool as the tenant sees it. `ready` needs the tool enabled by the tenant and something to
 * serve it: an integration, or for store_hours its own opening hours.
 */
export function toTenantToolView(tool: ToolView, binding: TenantToolRowLike | null): TenantToolView {
  const parsed = tenantToolSettingsSchema.safeParse(asObject(binding?.settings));
  const settings = parsed.success ? parsed.data : {};
  const enabled = binding?.enabled === true && tool.enabled;
  const servedBySettings = tool.key === 'store_hours' && (settings.hours?.length ?? 0) > 0;
  const served = binding?.integrationId != null || servedBySettings;
  return {
    tool,
    enabled,
    integrationId: binding?.integrationId ?? null,
    settings,
    status: !enabled ? 'disabled' : served ? 'ready' : 'needs_integration',
    updatedAt: binding ? binding.updatedAt.toISOString() : null,
  };
}
