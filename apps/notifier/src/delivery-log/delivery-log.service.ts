import { Inject, Injectable } from '@nestjs/common';
import {
  notificationKindSchema,
  PLATFORM_TENANT_ID,
  type DeliveryView,
  type NotifierDeliveryListRpc,
  type NotifierDeliveryRedriveRpc,
  type RpcRequestOf,
  type RpcResponseOf,
} from '@parley/contracts';
import { TenantDb, writeAudit } from '@parley/persistence';
import { randomUUID } from 'node:crypto';
import { ChannelRepository } from '../channel-admin/channel.repository';
import { pagePosition } from '../common/cursor.util';
import { NOTIFIER_OPTIONS, type NotifierOptions } from '../common/notifier.options';
import { NotifierError } from '../common/notifier.error';
import { DeliveryDispatcher } from '../delivery/delivery-dispatcher.service';
import { DeliveryWakeup } from '../delivery/delivery-wakeup.signal';
import type { DeliveryLogRow } from './delivery-log.repository';
import { DeliveryLogRepository } from './delivery-log.repository';

export function toDeliveryView(row: DeliveryLogRow): DeliveryView {
  return {
    id: row.id,
    notificationId: row.notificationId,
    kind: notificationKindSchema.catch('system').parse(row.notification.kind),
    title: row.notification.title,
    channelId: row.channelId,
    channelKind: row.channelKind,
    recipientUserId: row.recipientUserId,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    lastStatusCode: row.lastStatusCode,
    latencyMs: row.latencyMs,
    nextAttemptAt: row.status === 'pending' || row.status === 'held' ? row.nextAttemptAt.toISOString() : null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Reading the delivery log, redriving dead letters, and test sends. */
@Injectable()
export class DeliveryLogService {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    private readonly repo: DeliveryLogRepository,
    private readonly channels: ChannelRepository,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly wakeup: DeliveryWakeup,
    @Inject(NOTIFIER_OPTIONS) private readonly options: NotifierOptions,
  ) {}

  async list(req: RpcRequestOf<typeof NotifierDeliveryListRpc>): Promise<RpcResponseOf<typeof NotifierDeliveryListRpc>> {
    const after = pagePosition(req.cursor);
    const page = await this.db.run(req.tenantId, (tx) =>
      this.repo.page(tx, req.tenantId, { status: req.status, channelId: req.channelId }, req.limit, after),
    );
    return { version: 1, items: page.items.map(toDeliveryView), nextCursor: page.nextCursor };
  }

  async redrive(req: RpcRequestOf<typeof NotifierDeliveryRedriveRpc>): Promise<RpcResponseOf<typeof NotifierDeliveryRedriveRpc>> {
    const redriven = await this.db.run(req.tenantId, async (tx) => {
      if (req.channelId) await this.channels.get(tx, req.tenantId, req.channelId);
      const count = await this.repo.redrive(
        tx,
        req.tenantId,
        req.deliveryIds.length > 0 ? { ids: req.deliveryIds } : { channelId: req.channelId as string },
      );
      if (count > 0 && req.tenantId !== PLATFORM_TENANT_ID) {
        await writeAudit(tx, {
          tenantId: req.tenantId,
          actor: req.actor,
          action: 'notification_delivery.redriven',
          targetType: 'notification_channel',
          targetId: req.channelId ?? req.deliveryIds[0],
          data: { count },
        });
      }
      return count;
    });
    if (redriven > 0) this.wakeup.wake();
    return { version: 1, redriven };
  }

  /** Creates a test notification for one channel, sends it at once and returns its delivery. */
  async sendTest(scope: string, channelId: string): Promise<DeliveryView> {
    const deliveryId = await this.db.run(scope, async (tx) => {
      const channel = await this.channels.get(tx, scope, channelId);
      return this.repo.createTest(tx, scope, channel, randomUUID(), this.options.leaseMs);
    });
    await this.dispatcher.deliver({ id: deliveryId, tenantId: scope });
    const row = await this.db.run(scope, (tx) => this.repo.get(tx, deliveryId));
    if (!row) throw NotifierError.notFound('delivery');
    return toDeliveryView(row);
  }
}
