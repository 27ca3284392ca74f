import { Inject, Injectable } from '@nestjs/common';
import {
  activeSwitchNames,
  PLATFORM_TENANT_ID,
  TenantUpdatedEvent,
  type DegradeGetRpc,
  type DegradeSetRpc,
  type DegradeSetting,
  type RpcRequestOf,
  type RpcResponseOf,
} from '@parley/contracts';
import { enqueueOutbox, PrismaService, TenantDb, writeAudit, type Db, type PrismaClient } from '@parley/persistence';
import { ProvisioningError } from '../common/provisioning.error';
import {
  findPlatformDegrade,
  findTenantDegrade,
  listDegradedTenants,
  tenantExists,
  writePlatformDegrade,
  writeTenantDegrade,
  type DegradeWrite,
} from './degrade.repository';

type SetRequest = RpcRequestOf<typeof DegradeSetRpc>;

/**
 * The owner's degrade switches, platform-wide (tenantId null) or per tenant (ADR 0022). A change
 * commits with its audit row (`degrade.updated`) and evt.tenant.updated (changedFields
 * ['degrade']; tenant PLATFORM_TENANT_ID for the platform), on which every chat replica drops its
 * cached switches; tenant-intelligence reads them on every extraction.
 */
@Injectable()
export class DegradeService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaClient,
    @Inject(TenantDb) private readonly tenantDb: TenantDb,
  ) {}

  async get(req: RpcRequestOf<typeof DegradeGetRpc>): Promise<RpcResponseOf<typeof DegradeGetRpc>> {
    if (req.tenantId === null) {
      const [setting, degradedTenants] = await Promise.all([findPlatformDegrade(this.prisma), listDegradedTenants(this.prisma)]);
      return { version: 1, setting, degradedTenants };
    }
    const tenantId = req.tenantId;
    if (!(await tenantExists(this.prisma, tenantId))) throw ProvisioningError.notFound('tenant');
    return { version: 1, setting: await this.tenantDb.run(tenantId, (tx) => findTenantDegrade(tx, tenantId)) };
  }

  async set(req: SetRequest): Promise<RpcResponseOf<typeof DegradeSetRpc>> {
    const write: DegradeWrite = { switches: req.switches, reason: req.reason, updatedBy: req.actor.id };
    if (req.tenantId === null) {
      const setting = await this.prisma.$transaction(async (tx) => {
        const before = await findPlatformDegrade(tx);
        const after = await writePlatformDegrade(tx, write);
        await this.record(tx, req, before, after);
        return after;
      });
      return { version: 1, setting, degradedTenants: await listDegradedTenants(this.prisma) };
    }
    const tenantId = req.tenantId;
    if (!(await tenantExists(this.prisma, tenantId))) throw ProvisioningError.notFound('tenant');
    const setting = await this.tenantDb.run(tenantId, async (tx) => {
      const before = await findTenantDegrade(tx, tenantId);
      const after = await writeTenantDegrade(tx, tenantId, write);
      await this.record(tx, req, before, after);
      return after;
    });
    return { version: 1, setting };
  }

  /** The audit row and the cache-dropping event, in the change's transaction. */
  private async record(tx: Db, req: SetRequest, before: DegradeSetting, after: DegradeSetting): Promise<void> {
    await writeAudit(tx, {
      tenantId: req.tenantId,
      actor: req.actor,
      action: 'degrade.updated',
      targetType: req.tenantId === null ? 'platform' : 'tenant',
      targetId: req.tenantId,
      data: { before: activeSwitchNames(before.switches), after: activeSwitchNames(after.switches), reason: after.reason },
    });
    const subjectTenant = req.tenantId ?? PLATFORM_TENANT_ID;
    await enqueueOutbox(tx, {
      subject: TenantUpdatedEvent.subjectFor(subjectTenant),
      payload: TenantUpdatedEvent.schema.parse({
        version: 1,
        tenantId: subjectTenant,
        changedFields: ['degrade'],
        occurredAt: new Date().toISOString(),
      }),
    });
  }
}
