import { Injectable } from '@nestjs/common';
import { afterListPosition, toListPage, type ListPosition, type TenantTx } from '@parley/persistence';

export interface InboxRow {
  id: string;
  createdAt: Date;
  readAt: Date | null;
  notification: { id: string; kind: string; severity: string; title: string; body: string; link: string | null; occurredAt: Date };
}

const inbox = (scope: string, userId: string) => ({
  tenantId: scope,
  channelKind: 'inbox' as const,
  recipientUserId: userId,
  status: { in: ['sending' as const, 'delivered' as const, 'pending' as const] },
});

/** A user's inbox: their inbox deliveries, newest first. Only their own rows, in their scope. */
@Injectable()
export class InboxRepository {
  async page(
    tx: TenantTx,
    scope: string,
    userId: string,
    unreadOnly: boolean,
    limit: number,
    after: ListPosition | null,
  ): Promise<{ items: InboxRow[]; nextCursor: string | null }> {
    const rows = await tx.notificationDelivery.findMany({
      where: { ...inbox(scope, userId), ...(unreadOnly ? { readAt: null } : {}), ...afterListPosition(after) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      select: {
        id: true,
        createdAt: true,
        readAt: true,
        notification: { select: { id: true, kind: true, severity: true, title: true, body: true, link: true, occurredAt: true } },
      },
    });
    return toListPage(rows, limit);
  }

  async unreadCount(tx: TenantTx, scope: string, userId: string): Promise<number> {
    return tx.notificationDelivery.count({ where: { ...inbox(scope, userId), readAt: null } });
  }

  /** Marks the user's own entries read; ids of other users' entries are ignored. */
  async markRead(tx: TenantTx, scope: string, userId: string, ids: readonly string[] | 'all'): Promise<number> {
    const updated = await tx.notificationDelivery.updateMany({
      where: { ...inbox(scope, userId), readAt: null, ...(ids === 'all' ? {} : { id: { in: [...ids] } }) },
      data: { readAt: new Date() },
    });
    return updated.count;
  }
}
