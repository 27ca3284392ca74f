import type { Prisma, TenantTx } from '@parley/persistence';

const BINDING_SELECT = {
  id: true,
  settings: true,
  tool: { select: { key: true, name: true, description: true, kind: true, inputSchema: true, enabled: true } },
  integration: {
    select: {
      id: true,
      tenantId: true,
      kind: true,
      name: true,
      status: true,
      baseUrl: true,
      config: true,
      credentialsCiphertext: true,
      credentialsKeyId: true,
      endpoints: { select: { definition: true }, orderBy: { name: 'asc' } },
    },
  },
} as const;
export type ToolBindingRow = Prisma.TenantToolGetPayload<{ select: typeof BINDING_SELECT }>;

/** The tools the tenant enabled (of catalogue tools that are enabled), with the integration that serves each. */
export async function loadToolBindings(tx: TenantTx, tenantId: string): Promise<ToolBindingRow[]> {
  return tx.tenantTool.findMany({
    where: { tenantId, enabled: true, tool: { enabled: true } },
    select: BINDING_SELECT,
    orderBy: { createdAt: 'asc' },
  });
}
