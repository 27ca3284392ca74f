import { Injectable } from '@nestjs/common';
import { alertSeveritySchema, PLATFORM_TENANT_ID, quietHoursSchema } from '@parley/contracts';
import type { TenantTx } from '@parley/persistence';
import type { NewNotification } from './new-notification.types';
import type { DeliveryPlan, RoutingRule, ScopeChannel, ScopeUser } from './delivery-routing.rules';

export interface ScopeInfo {
  name: string;
  timezone: string;
}

/** What intake reads and writes, always inside the scope's transaction (RLS). */
@Injectable()
export class NotificationIntakeRepository {
  /** The tenant's name and timezone; the owner's scope is "Parley" in UTC. */
  async scope(tx: TenantTx, scope: string): Promise<ScopeInfo | null> {
    if (scope === PLATFORM_TENANT_ID) return { name: 'Parley', timezone: 'UTC' };
    const tenant = await tx.tenant.findUnique({ where: { id: scope }, select: { displayName: true, timezone: true } });
    return tenant ? { name: tenant.displayName, timezone: tenant.timezone } : null;
  }

  /** The scope's rules, or null when it has none (the built-in routing applies). */
  async rules(tx: TenantTx, scope: string): Promise<RoutingRule[] | null> {
    const rows = await tx.notificationRule.findMany({ where: { tenantId: scope }, orderBy: { createdAt: 'asc' } });
    if (rows.length === 0) return null;
    return rows.map((r) => ({
      id: r.id,
      enabled: r.enabled,
      kinds: r.kinds,
      minSeverity: alertSeveritySchema.catch('info').parse(r.minSeverity),
      channelIds: r.channelIds,
      inboxUserIds: r.inboxUserIds,
      inboxRoles: r.inboxRoles,
      quietHours: r.quietHours === null ? null : quietHoursSchema.nullable().catch(null).parse(r.quietHours),
      digest: r.digest,
      digestHour: r.digestHour,
    }));
  }

  async channels(tx: TenantTx, scope: string): Promise<ScopeChannel[]> {
    const rows = await tx.notificationChannel.findMany({
      where: { tenantId: scope, kind: { not: 'inbox' } },
      select: { id: true, kind: true, enabled: true },
    });
    return rows.map((r) => ({ id: r.id, kind: r.kind as ScopeChannel['kind'], enabled: r.enabled }));
  }

  /** Active staff of the tenant, or the active owners for the platform scope. */
  async users(tx: TenantTx, scope: string): Promise<ScopeUser[]> {
    if (scope === PLATFORM_TENANT_ID) {
      const owners = await tx.platformUser.findMany({ where: { status: 'active' }, select: { id: true } });
      return owners.map((o) => ({ id: o.id, role: 'owner' as const }));
    }
    const staff = await tx.tenantUser.findMany({ where: { tenantId: scope, status: 'active' }, select: { id: true, role: true } });
    return staff.map((s) => ({ id: s.id, role: s.role }));
  }

  /** False when the notification already exists (a redelivered or repeated event). */
  async insertNotification(tx: TenantTx, n: NewNotification): Promise<boolean> {
    const created = await tx.notification.createMany({
      data: [
        {
          id: n.id,
          tenantId: n.scope,
          kind: n.kind,
          severity: n.severity,
          title: n.title,
          body: n.body,
          link: n.link,
          data: n.data as object,
          source: n.source,
          occurredAt: n.occurredAt,
        },
      ],
      skipDuplicates: true,
    });
    return created.count === 1;
  }

  /** One row per target; a target that already has its delivery keeps it. Returns how many were added. */
  async insertDeliveries(tx: TenantTx, scope: string, notificationId: string, plans: readonly DeliveryPlan[]): Promise<number> {
    if (plans.length === 0) return 0;
    const created = await tx.notificationDelivery.createMany({
      data: plans.map((p) => ({
        tenantId: scope,
        notificationId,
        channelId: p.channelId,
        channelKind: p.channelKind,
        recipientUserId: p.recipientUserId,
        targetKey: p.targetKey,
        ruleId: p.ruleId,
        status: p.status,
        nextAttemptAt: p.nextAttemptAt,
      })),
      skipDuplicates: true,
    });
    return created.count;
  }
}
