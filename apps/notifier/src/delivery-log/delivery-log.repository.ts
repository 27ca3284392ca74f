import { Injectable } from '@nestjs/common';
import {
  afterListPosition,
  toListPage,
  type ListPosition,
  type NotificationDeliveryModel as NotificationDelivery,
  type TenantTx,
} from '@parley/persistence';

export type DeliveryLogRow = NotificationDelivery & { notification: { kind: string; title: string } };

/** The delivery log of a scope: what was sent where, how it went; dead letters and their redrive. */
@Injectable()
export class DeliveryLogRepository {
  async page(
    tx: TenantTx,
    scope: string,
    filter: { status?: NotificationDelivery['status']; channelId?: string },
    limit: number,
    after: ListPosition | null,
  ): Promise<{ items: DeliveryLogRow[]; nextCursor: string | null }> {
    const rows = await tx.notificationDelivery.findMany({
      where: {
        tenantId: scope,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.channelId ? { channelId: filter.channelId } : {}),
        ...afterListPosition(after),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      include: { notification: { select: { kind: true, title: true } } },
    });
    return toListPage(rows, limit);
  }

  async get(tx: TenantTx, id: string): Promise<DeliveryLogRow | null> {
    return tx.notificationDelivery.findUnique({ where: { id }, include: { notification: { select: { kind: true, title: true } } } });
  }

  /** Dead deliveries back to pending with fresh attempts; returns how many. */
  async redrive(tx: TenantTx, scope: string, target: { ids: readonly string[] } | { channelId: string }): Promise<number> {
    const where = 'ids' in target ? { id: { in: [...target.ids] } } : { channelId: target.channelId };
    const updated = await tx.notificationDelivery.updateMany({
      where: { tenantId: scope, status: 'dead', ...where },
      data: { status: 'pending', attempts: 0, nextAttemptAt: new Date(), lockedUntil: null },
    });
    return updated.count;
  }

  /** A test notification and its one delivery, already leased to the caller ('sending'). */
  async createTest(
    tx: TenantTx,
    scope: string,
    channel: { id: string; kind: NotificationDelivery['channelKind'] },
    notificationId: string,
    leaseMs: number,
  ): Promise<string> {
    const now = new Date();
    await tx.notification.create({
      data: {
        id: notificationId,
        tenantId: scope,
        kind: 'system',
        severity: 'info',
        title: 'Test notification from Parley',
        body: 'If you can read this, this channel works.',
        link: null,
        source: 'channel.test',
        occurredAt: now,
      },
    });
    const delivery = await tx.notificationDelivery.create({
      data: {
        tenantId: scope,
        notificationId,
        channelId: channel.id,
        channelKind: channel.kind,
        targetKey: `channel:${channel.id}`,
        status: 'sending',
        lockedUntil: new Date(now.getTime() + leaseMs),
      },
      select: { id: true },
    });
    return delivery.id;
  }
}
