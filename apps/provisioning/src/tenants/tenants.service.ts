import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  TenantCreatedEvent,
  TenantDeactivatedEvent,
  TenantUpdatedEvent,
  type EventContract,
  type RpcRequestOf,
  type RpcResponseOf,
  type TenantConfigGetRpc,
  type TenantCreateRpc,
  type TenantDeactivateRpc,
  type TenantListRpc,
  type TenantReactivateRpc,
  type TenantUpdateRpc,
  type TenantWithConfig,
} from '@parley/contracts';
import {
  enqueueOutbox,
  isUniqueViolation,
  type PrismaClient,
  PrismaService,
  TenantDb,
  type TenantTx,
  writeAudit,
} from '@parley/persistence';
import { insertApiKey, prepareApiKey } from '../api-keys/api-key.repository';
import { decodeCursor, toPage } from '../common/list-cursor.util';
import { PROVISIONING_OPTIONS, type ProvisioningOptions } from '../common/provisioning.options';
import { ProvisioningError } from '../common/provisioning.error';
import { insertStaffUser, prepareStaffUser } from '../users/staff-user.repository';
import { configPatchToColumns, initialConfigColumns } from './tenant-columns.util';
import { changedTenantFields } from './tenant-diff.util';
import { refuseOwnerOnlyFields } from './owner-only-fields.util';
import { toPlan } from '../plans/plan.mapper';
import { refuseExcludedProviders } from '../plans/plan-providers.util';
import { findTenantPlan } from '../plans/plan.repository';
import { toTenant, toTenantWithConfig } from './tenant.mapper';
import {
  deactivateTenant,
  findTenantWithConfig,
  insertTenant,
  isSlugTaken,
  listTenants,
  reactivateTenant,
  updateTenant,
} from './tenant.repository';

/** Validates an event payload against its contract and adds it to the outbox of `tx`. */
export async function enqueueEvent<C extends EventContract>(tx: TenantTx, event: C, tenantId: string, payload: unknown): Promise<void> {
  await enqueueOutbox(tx, { subject: event.subjectFor(tenantId), payload: event.schema.parse(payload) });
}

/** Tenants: create (with first key and optional admin), list, get, update, deactivate, reactivate. */
@Injectable()
export class TenantsService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaClient,
    @Inject(TenantDb) private readonly tenantDb: TenantDb,
    @Inject(PROVISIONING_OPTIONS) private readonly options: ProvisioningOptions,
  ) {}

  async create(req: RpcRequestOf<typeof TenantCreateRpc>): Promise<RpcResponseOf<typeof TenantCreateRpc>> {
    const id = randomUUID();
    const key = await prepareApiKey(this.options.bcryptCost);
    const admin = req.admin
      ? await prepareStaffUser({ ...req.admin, role: 'tenant_admin' }, this.options.bcryptCost, 'admin.password')
      : null;
    return this.tenantDb.run(id, async (tx) => {
      if (await isSlugTaken(tx, req.slug)) throw ProvisioningError.conflict(`slug ${req.slug} is taken`, 'slug');
      let row;
      try {
        row = await insertTenant(tx, {
          id,
          slug: req.slug,
          displayName: req.displayName,
          kind: req.kind,
          timezone: req.timezone,
          ...initialConfigColumns(req.config, req.domain),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw ProvisioningError.conflict(`slug ${req.slug} is taken`, 'slug');
        throw error;
      }
      const apiKey = await insertApiKey(tx, id, key);
      const adminUser = admin ? await insertStaffUser(tx, id, admin, req.actor, 'admin.email') : null;
      await writeAudit(tx, {
        tenantId: id,
        actor: req.actor,
        action: 'tenant.created',
        targetType: 'tenant',
        targetId: id,
        data: { slug: req.slug, kind: req.kind, apiKeyPrefix: apiKey.prefix, adminUserId: adminUser?.id ?? null },
      });
      await writeAudit(tx, {
        tenantId: id,
        actor: req.actor,
        action: 'api_key.created',
        targetType: 'api_key',
        targetId: apiKey.id,
        data: { prefix: apiKey.prefix },
      });
      await enqueueEvent(tx, TenantCreatedEvent, id, {
        version: 1,
        tenantId: id,
        displayName: row.displayName,
        slug: row.slug,
        kind: row.kind,
        occurredAt: new Date().toISOString(),
      });
      return { version: 1 as const, tenant: toTenantWithConfig(row), apiKey };
    });
  }

  async list(req: RpcRequestOf<typeof TenantListRpc>): Promise<RpcResponseOf<typeof TenantListRpc>> {
    const position = req.cursor ? decodeCursor(req.cursor) : null;
    const rows = await listTenants(this.prisma, { status: req.status, search: req.search, position, take: req.limit + 1 });
    const page = toPage(rows, req.limit);
    return { version: 1, items: page.items.map(toTenant), nextCursor: page.nextCursor };
  }

  async get(tenantId: string): Promise<TenantWithConfig> {
    const row = await findTenantWithConfig(this.prisma, tenantId);
    if (!row) throw ProvisioningError.notFound('tenant');
    return toTenantWithConfig(row);
  }

  async configGet(req: RpcRequestOf<typeof TenantConfigGetRpc>): Promise<RpcResponseOf<typeof TenantConfigGetRpc>> {
    const [tenant, plan] = await Promise.all([this.get(req.tenantId), findTenantPlan(this.prisma, req.tenantId)]);
    return {
      version: 1,
      tenantId: tenant.id,
      status: tenant.status,
      displayName: tenant.displayName,
      timezone: tenant.timezone,
      config: tenant.config,
      plan: plan ? toPlan(plan) : null,
    };
  }

  async update(req: RpcRequestOf<typeof TenantUpdateRpc>): Promise<RpcResponseOf<typeof TenantUpdateRpc>> {
    if (req.actor.type === 'tenant_user' || req.actor.type === 'api_key') refuseOwnerOnlyFields(req.patch);
    const before = await this.get(req.tenantId);
    const { config, ...fields } = req.patch;
    const changed = changedTenantFields(before, req.patch);
    if (changed.length === 0) return { version: 1, tenant: before };
    if (config?.llm) {
      // A model provider outside the tenant's plan is refused (ADR 0025).
      const plan = await findTenantPlan(this.prisma, req.tenantId);
      refuseExcludedProviders(config.llm, plan ? toPlan(plan) : null);
    }
    return this.tenantDb.run(req.tenantId, async (tx) => {
      const row = await updateTenant(tx, req.tenantId, { ...fields, ...(config ? configPatchToColumns(config) : {}) });
      await writeAudit(tx, {
        tenantId: req.tenantId,
        actor: req.actor,
        action: 'tenant.updated',
        targetType: 'tenant',
        targetId: req.tenantId,
        data: { changedFields: changed },
      });
      await enqueueEvent(tx, TenantUpdatedEvent, req.tenantId, {
        version: 1,
        tenantId: req.tenantId,
        changedFields: changed,
        occurredAt: new Date().toISOString(),
      });
      return { version: 1 as const, tenant: toTenantWithConfig(row) };
    });
  }

  /** Idempotent: deactivating a deactivated tenant changes nothing. API key lookups keep answering (the gateway refuses with 403). */
  async deactivate(req: RpcRequestOf<typeof TenantDeactivateRpc>): Promise<RpcResponseOf<typeof TenantDeactivateRpc>> {
    const before = await this.get(req.tenantId);
    if (before.status === 'deactivated') return { version: 1, tenant: before };
    return this.tenantDb.run(req.tenantId, async (tx) => {
      const now = new Date();
      const row = await deactivateTenant(tx, req.tenantId, now);
      await writeAudit(tx, {
        tenantId: req.tenantId,
        actor: req.actor,
        action: 'tenant.deactivated',
        targetType: 'tenant',
        targetId: req.tenantId,
        data: { reason: req.reason },
      });
      await enqueueEvent(tx, TenantDeactivatedEvent, req.tenantId, {
        version: 1,
        tenantId: req.tenantId,
        reason: req.reason,
        occurredAt: now.toISOString(),
      });
      return { version: 1 as const, tenant: toTenantWithConfig(row) };
    });
  }

  /**
   * Resumes a deactivated tenant: its API keys, site keys and session tokens work again. The
   * conditional update makes concurrent calls safe: only one changes the row, audits and emits
   * evt.tenant.updated (changedFields ['status']), which drops the gateways' cached status.
   */
  async reactivate(req: RpcRequestOf<typeof TenantReactivateRpc>): Promise<RpcResponseOf<typeof TenantReactivateRpc>> {
    const before = await this.get(req.tenantId);
    const alreadyActive = () => new ProvisioningError('CONFLICT', 'the tenant is already active');
    if (before.status === 'active') throw alreadyActive();
    return this.tenantDb.run(req.tenantId, async (tx) => {
      const now = new Date();
      const row = await reactivateTenant(tx, req.tenantId);
      if (!row) throw alreadyActive();
      await writeAudit(tx, {
        tenantId: req.tenantId,
        actor: req.actor,
        action: 'tenant.reactivated',
        targetType: 'tenant',
        targetId: req.tenantId,
        data: { deactivatedAt: before.deactivatedAt },
      });
      await enqueueEvent(tx, TenantUpdatedEvent, req.tenantId, {
        version: 1,
        tenantId: req.tenantId,
        changedFields: ['status'],
        occurredAt: now.toISOString(),
      });
      return { version: 1 as const, tenant: toTenantWithConfig(row) };
    });
  }
}
