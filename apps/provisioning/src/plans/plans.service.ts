import { Inject, Injectable } from '@nestjs/common';
import {
  TenantUpdatedEvent,
  type Actor,
  type Plan,
  type PlanCreateRpc,
  type PlanDeleteRpc,
  type PlanListRpc,
  type PlanUpdateRpc,
  type RpcRequestOf,
  type RpcResponseOf,
  type TenantPlanAssignRpc,
} from '@parley/contracts';
import { enqueueOutbox, isUniqueViolation, PrismaService, TenantDb, writeAudit, type Db, type PrismaClient } from '@parley/persistence';
import { ProvisioningError } from '../common/provisioning.error';
import { findTenantWithConfig } from '../tenants/tenant.repository';
import { toTenantWithConfig } from '../tenants/tenant.mapper';
import { toPlan, type PlanRow } from './plan.mapper';
import { excludedProviders } from './plan-providers.util';
import {
  countTenantsOnPlan,
  deletePlan,
  findPlanById,
  findPlanByKey,
  findTenantPlanId,
  insertPlan,
  listPlans,
  setTenantPlan,
  tenantsOnPlan,
  updatePlan,
} from './plan.repository';

type PlanReply = RpcResponseOf<typeof PlanCreateRpc>;
type AuditData = Parameters<typeof writeAudit>[1]['data'];

/**
 * Billing plans (ADR 0025): the owner's CRUD and the plan each tenant is on. Every change commits
 * with its audit row; a change that alters what a tenant may do (its plan, or its plan's terms)
 * also commits evt.tenant.updated (changedFields ['plan']) per tenant, on which the gateways drop
 * their cached tenant settings.
 */
@Injectable()
export class PlansService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaClient,
    @Inject(TenantDb) private readonly tenantDb: TenantDb,
  ) {}

  async list(_req: RpcRequestOf<typeof PlanListRpc>): Promise<RpcResponseOf<typeof PlanListRpc>> {
    const rows = await listPlans(this.prisma);
    return { version: 1, items: rows.map((row) => ({ ...toPlan(row), tenantCount: row.tenantCount })) };
  }

  async get(key: string): Promise<PlanReply> {
    const row = await this.existing(this.prisma, key);
    return { version: 1, plan: toPlan(row), tenantCount: await countTenantsOnPlan(this.prisma, row.id) };
  }

  /** The plan a tenant is on (null: none), for its runtime settings. */
  async ofTenant(db: Db, planId: string | null): Promise<Plan | null> {
    if (planId === null) return null;
    const row = await findPlanById(db, planId);
    return row ? toPlan(row) : null;
  }

  async create(req: RpcRequestOf<typeof PlanCreateRpc>): Promise<PlanReply> {
    const taken = () => ProvisioningError.conflict(`plan key ${req.plan.key} is taken`, 'plan.key');
    if (await findPlanByKey(this.prisma, req.plan.key)) throw taken();
    try {
      const row = await this.prisma.$transaction(async (tx) => {
        const created = await insertPlan(tx, req.plan);
        await this.audit(tx, req.actor, 'plan.created', created, { key: created.key, capMode: created.capMode });
        return created;
      });
      return { version: 1, plan: toPlan(row), tenantCount: 0 };
    } catch (error) {
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
  }

  async update(req: RpcRequestOf<typeof PlanUpdateRpc>): Promise<PlanReply> {
    return this.prisma.$transaction(async (tx) => {
      const before = await this.existing(tx, req.key);
      const tenants = await tenantsOnPlan(tx, before.id);
      if (req.patch.allowedProviders !== undefined) {
        const clash = tenants.find((t) => excludedProviders(t.llm, req.patch.allowedProviders ?? null).length > 0);
        if (clash) {
          const excluded = excludedProviders(clash.llm, req.patch.allowedProviders ?? null);
          throw ProvisioningError.conflict(
            `tenant ${clash.id} on this plan uses ${excluded.join(', ')}: change its model configuration first`,
            'patch.allowedProviders',
          );
        }
      }
      const row = await updatePlan(tx, before.id, req.patch);
      await this.audit(tx, req.actor, 'plan.updated', row, { key: row.key, changedFields: Object.keys(req.patch).sort() });
      for (const tenant of tenants) await this.tenantUpdated(tx, tenant.id);
      return { version: 1 as const, plan: toPlan(row), tenantCount: tenants.length };
    });
  }

  async delete(req: RpcRequestOf<typeof PlanDeleteRpc>): Promise<RpcResponseOf<typeof PlanDeleteRpc>> {
    await this.prisma.$transaction(async (tx) => {
      const row = await this.existing(tx, req.key);
      const onIt = await countTenantsOnPlan(tx, row.id);
      if (onIt > 0) throw ProvisioningError.conflict(`${onIt} tenant(s) are on plan ${req.key}: move them first`, 'key');
      await deletePlan(tx, row.id);
      await this.audit(tx, req.actor, 'plan.deleted', row, { key: row.key });
    });
    return { version: 1, deleted: true };
  }

  async assign(req: RpcRequestOf<typeof TenantPlanAssignRpc>): Promise<RpcResponseOf<typeof TenantPlanAssignRpc>> {
    const tenantRow = await findTenantWithConfig(this.prisma, req.tenantId);
    if (!tenantRow) throw ProvisioningError.notFound('tenant');
    const plan = req.planKey === null ? null : await findPlanByKey(this.prisma, req.planKey);
    if (req.planKey !== null && !plan) throw new ProvisioningError('NOT_FOUND', `plan ${req.planKey} not found`);
    const next = plan ? toPlan(plan) : null;
    if (next) {
      const excluded = excludedProviders(toTenantWithConfig(tenantRow).config.llm, next.allowedProviders);
      if (excluded.length > 0)
        throw ProvisioningError.conflict(
          `the tenant's model configuration uses ${excluded.join(', ')}, which plan ${next.key} excludes`,
          'planKey',
        );
    }
    return this.tenantDb.run(req.tenantId, async (tx) => {
      const current = await findTenantPlanId(tx, req.tenantId);
      if (current === undefined) throw ProvisioningError.notFound('tenant');
      if (current === (plan?.id ?? null)) return { version: 1 as const, tenantId: req.tenantId, plan: next };
      const previous = current === null ? null : await findPlanById(tx, current);
      await setTenantPlan(tx, req.tenantId, plan?.id ?? null);
      await writeAudit(tx, {
        tenantId: req.tenantId,
        actor: req.actor,
        action: 'tenant.plan_assigned',
        targetType: 'tenant',
        targetId: req.tenantId,
        data: { from: previous?.key ?? null, to: next?.key ?? null },
      });
      await this.tenantUpdated(tx, req.tenantId);
      return { version: 1 as const, tenantId: req.tenantId, plan: next };
    });
  }

  private async existing(db: Db, key: string): Promise<PlanRow> {
    const row = await findPlanByKey(db, key);
    if (!row) throw new ProvisioningError('NOT_FOUND', `plan ${key} not found`);
    return row;
  }

  private async audit(tx: Db, actor: Actor, action: string, row: PlanRow, data: AuditData): Promise<void> {
    await writeAudit(tx, { tenantId: null, actor, action, targetType: 'plan', targetId: row.id, data });
  }

  private async tenantUpdated(tx: Db, tenantId: string): Promise<void> {
    await enqueueOutbox(tx, {
      subject: TenantUpdatedEvent.subjectFor(tenantId),
      payload: TenantUpdatedEvent.schema.parse({ version: 1, tenantId, changedFields: ['plan'], occurredAt: new Date().toISOString() }),
    });
  }
}
