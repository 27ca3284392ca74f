import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  builtinToolKeySchema,
  TenantUpdatedEvent,
  type RpcRequestOf,
  type RpcResponseOf,
  type TenantToolListRpc,
  type TenantToolPutRpc,
  type ToolCatalogListRpc,
  type ToolCatalogPutRpc,
} from '@parley/contracts';
import { enqueueOutbox, isUniqueViolation, type PrismaClient, PrismaService, TenantDb, writeAudit } from '@parley/persistence';
import { ProvisioningError } from '../common/provisioning.error';
import { findIntegration } from '../integrations/integration.repository';
import { toIntegrationView } from '../integrations/integration.mapper';
import { BUILTIN_TOOLS } from './builtin-tools.catalog';
import { findTool, listCatalog, putTool, syncBuiltinTools } from './tool-catalog.repository';
import { toTenantToolView, toToolView } from './tool.mapper';
import { listTenantTools, putTenantTool } from './tenant-tools.repository';
import { bindingProblem, catalogWriteOf } from './tool-binding.util';

/**
 * The tools catalogue (owner) and each tenant's tools (tenant admins), issue 17. The built-in
 * tools are kept in the table at start-up from libs/contracts. A tenant's change commits with
 * its audit row and evt.tenant.updated (changedFields ['tools']) so chat drops its cached tools.
 */
@Injectable()
export class ToolsService implements OnApplicationBootstrap {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaClient,
    @Inject(TenantDb) private readonly tenantDb: TenantDb,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await syncBuiltinTools(this.prisma, BUILTIN_TOOLS);
  }

  async listCatalog(req: RpcRequestOf<typeof ToolCatalogListRpc>): Promise<RpcResponseOf<typeof ToolCatalogListRpc>> {
    return { version: 1, items: await listCatalog(this.prisma, req.includeDisabled) };
  }

  async putCatalog(req: RpcRequestOf<typeof ToolCatalogPutRpc>): Promise<RpcResponseOf<typeof ToolCatalogPutRpc>> {
    return onceMoreOnRace(() => this.writeCatalog(req));
  }

  private async writeCatalog(req: RpcRequestOf<typeof ToolCatalogPutRpc>): Promise<RpcResponseOf<typeof ToolCatalogPutRpc>> {
    const existing = await findTool(this.prisma, req.key);
    const write = catalogWriteOf(req, existing ? toToolView(existing) : null, builtinToolKeySchema.safeParse(req.key).success);
    const { tool, created } = await putTool(this.prisma, write);
    return { version: 1, tool: toToolView(tool), created };
  }

  async listTenant(req: RpcRequestOf<typeof TenantToolListRpc>): Promise<RpcResponseOf<typeof TenantToolListRpc>> {
    const [catalog, bindings] = await Promise.all([
      listCatalog(this.prisma, false),
      this.tenantDb.run(req.tenantId, (tx) => listTenantTools(tx, req.tenantId)),
    ]);
    const byKey = new Map(bindings.map((b) => [b.tool.key, b]));
    return { version: 1, items: catalog.map((tool) => toTenantToolView(tool, byKey.get(tool.key) ?? null)) };
  }

  async putTenant(req: RpcRequestOf<typeof TenantToolPutRpc>): Promise<RpcResponseOf<typeof TenantToolPutRpc>> {
    return onceMoreOnRace(() => this.writeTenant(req));
  }

  private async writeTenant(req: RpcRequestOf<typeof TenantToolPutRpc>): Promise<RpcResponseOf<typeof TenantToolPutRpc>> {
    const toolRow = await findTool(this.prisma, req.toolKey);
    if (!toolRow || !toolRow.enabled) throw ProvisioningError.notFound('tool');
    const tool = toToolView(toolRow);
    return this.tenantDb.run(req.tenantId, async (tx) => {
      const integrationRow = req.integrationId ? await findIntegration(tx, req.tenantId, req.integrationId) : null;
      if (req.integrationId && !integrationRow) {
        throw new ProvisioningError('VALIDATION', 'no such integration', {
          issues: [{ path: 'integrationId', code: 'not_found', message: 'no such integration for this tenant' }],
        });
      }
      const problem = bindingProblem(tool, integrationRow ? toIntegrationView(integrationRow) : null, req.settings);
      if (problem) throw new ProvisioningError('VALIDATION', problem.message, { issues: [problem] });
      const binding = await putTenantTool(tx, {
        tenantId: req.tenantId,
        toolId: toolRow.id,
        enabled: req.enabled,
        integrationId: req.integrationId,
        settings: req.settings,
      });
      await writeAudit(tx, {
        tenantId: req.tenantId,
        actor: req.actor,
        action: 'tool.configured',
        targetType: 'tool',
        targetId: toolRow.id,
        data: { toolKey: tool.key, enabled: req.enabled, integrationId: req.integrationId },
      });
      await enqueueOutbox(tx, {
        subject: TenantUpdatedEvent.subjectFor(req.tenantId),
        payload: TenantUpdatedEvent.schema.parse({
          version: 1,
          tenantId: req.tenantId,
          changedFields: ['tools'],
          occurredAt: new Date().toISOString(),
        }),
      });
      return { version: 1 as const, tool: toTenantToolView(tool, binding) };
    });
  }
}

/**
 * Two first writes of one row at once (the same tool for one tenant, or one new catalogue key):
 * the loser's insert hits the unique key. Its transaction is gone, so it runs once more and then
 * finds the row and updates it.
 */
async function onceMoreOnRace<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return write();
  }
}
