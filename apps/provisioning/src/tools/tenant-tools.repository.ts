import type { Prisma, TenantTx } from '@parley/persistence';

const BINDING_SELECT = {
  id: true,
  toolId: true,
  enabled: true,
  integrationId: true,
  settings: true,
  updatedAt: true,
  tool: { select: { key: true } },
} as const;
export type TenantToolRow = Prisma.TenantToolGetPayload<{ select: typeof BINDING_SELECT }>;

/** The tenant's tool choices (RLS keeps them to the tenant; filtered by tenant id again). */
export async function listTenantTools(tx: TenantTx, tenantId: string): Promise<TenantToolRow[]> {
  return tx.tenantTool.findMany({ where: { tenantId }, select: BINDING_SELECT });
}

export async function putTenantTool(
  tx: TenantTx,
  input: { tenantId: string; toolId: string; enabled: boolean; integrationId: string | null; settings: Record<string, unknown> },
): Promise<TenantToolRow> {
  const data = { enabled: input.enabled, integrationId: input.integrationId, settings: input.settings as Prisma.InputJsonObject };
  return tx.tenantTool.upsert({
    where: { tenantId_toolId: { tenantId: input.tenantId, toolId: input.toolId } },
    create: { tenantId: input.tenantId, toolId: input.toolId, ...data },
    update: data,
    select: BINDING_SELECT,
  });
}
