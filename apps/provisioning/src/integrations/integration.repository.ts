import type { Prisma, TenantTx } from '@parley/persistence';

export const INTEGRATION_SELECT = {
  id: true,
  tenantId: true,
  kind: true,
  name: true,
  status: true,
  baseUrl: true,
  config: true,
  credentialsCiphertext: true,
  credentialsKeyId: true,
  lastTest: true,
  createdAt: true,
  updatedAt: true,
  endpoints: { select: { name: true, definition: true }, orderBy: { name: 'asc' } },
} as const;
export type IntegrationRow = Prisma.IntegrationGetPayload<{ select: typeof INTEGRATION_SELECT }>;

export interface IntegrationWrite {
  id: string;
  tenantId: string;
  kind: string;
  name: string;
  status: string;
  baseUrl: string;
  /** Non-secret: `{ options, auth }` (the auth without its secrets). */
  config: Record<string, unknown>;
  sealed: { ciphertext: Uint8Array<ArrayBuffer>; keyId: string } | null;
  endpoints: readonly { name: string; method: string; path: string; timeoutMs: number; definition: Record<string, unknown> }[];
}

export async function listIntegrations(tx: TenantTx, tenantId: string): Promise<IntegrationRow[]> {
  return tx.integration.findMany({ where: { tenantId }, select: INTEGRATION_SELECT, orderBy: { name: 'asc' } });
}

export async function findIntegration(tx: TenantTx, tenantId: string, id: string): Promise<IntegrationRow | null> {
  return tx.integration.findFirst({ where: { tenantId, id }, select: INTEGRATION_SELECT });
}

export async function findIntegrationByName(tx: TenantTx, tenantId: string, name: string): Promise<{ id: string } | null> {
  return tx.integration.findFirst({ where: { tenantId, name }, select: { id: true } });
}

/** Creates or replaces the row and its endpoints (an update rewrites the endpoint list). */
export async function saveIntegration(tx: TenantTx, write: IntegrationWrite, create: boolean): Promise<IntegrationRow> {
  const data = {
    kind: write.kind,
    name: write.name,
    status: write.status,
    baseUrl: write.baseUrl,
    config: write.config as Prisma.InputJsonObject,
    credentialsCiphertext: write.sealed?.ciphertext ?? null,
    credentialsKeyId: write.sealed?.keyId ?? null,
  };
  if (create) await tx.integration.create({ data: { id: write.id, tenantId: write.tenantId, ...data } });
  else {
    await tx.integration.update({ where: { id: write.id }, data });
    await tx.integrationEndpoint.deleteMany({ where: { tenantId: write.tenantId, integrationId: write.id } });
  }
  if (write.endpoints.length > 0) {
    await tx.integrationEndpoint.createMany({
      data: write.endpoints.map((e) => ({
        tenantId: write.tenantId,
        integrationId: write.id,
        name: e.name,
        method: e.method,
        path: e.path,
        timeoutMs: e.timeoutMs,
        definition: e.definition as Prisma.InputJsonObject,
      })),
    });
  }
  const row = await findIntegration(tx, write.tenantId, write.id);
  if (!row) throw new Error(`integration ${write.id} vanished inside its own transaction`);
  return row;
}

export async function saveLastTest(tx: TenantTx, tenantId: string, id: string, lastTest: Record<string, unknown>): Promise<void> {
  await tx.integration.updateMany({ where: { tenantId, id }, data: { lastTest: lastTest as Prisma.InputJsonObject } });
}

export async function deleteIntegration(tx: TenantTx, tenantId: string, id: string): Promise<boolean> {
  const { count } = await tx.integration.deleteMany({ where: { tenantId, id } });
  return count > 0;
}
