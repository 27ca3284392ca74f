import { Inject, Injectable } from '@nestjs/common';
import {
  alertSeveritySchema,
  notificationKindSchema,
  type NotifierInboxListRpc,
  type NotifierInboxMarkReadRpc,
  type RpcRequestOf,
  type RpcResponseOf,
} from '@parley/contracts';
import { TenantDb } from '@parley/persistence';
import { pagePosition } from '../common/cursor.util';
import { InboxRepository, type InboxRow } from './inbox.repository';

function view(row: InboxRow) {
  const n = row.notification;
  return {
    id: row.id,
    notificationId: n.id,
    kind: notificationKindSchema.catch('system').parse(n.kind),
    severity: alertSeveritySchema.catch('info').parse(n.severity),
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.occurredAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** Each user's in-app inbox (tenant staff, or the owner in the platform scope). */
@Injectable()
export class InboxService {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    private readonly repo: InboxRepository,
  ) {}

  async list(req: RpcRequestOf<typeof NotifierInboxListRpc>): Promise<RpcResponseOf<typeof NotifierInboxListRpc>> {
    const after = pagePosition(req.cursor);
    return this.db.run(req.tenantId, async (tx) => {
      const page = await this.repo.page(tx, req.tenantId, req.userId, req.unreadOnly, req.limit, after);
      const unreadCount = await this.repo.unreadCount(tx, req.tenantId, req.userId);
      return { version: 1 as const, items: page.items.map(view), nextCursor: page.nextCursor, unreadCount };
    });
  }

  async markRead(req: RpcRequestOf<typeof NotifierInboxMarkReadRpc>): Promise<RpcResponseOf<typeof NotifierInboxMarkReadRpc>> {
    return this.db.run(req.tenantId, async (tx) => {
      const marked = await this.repo.markRead(tx, req.tenantId, req.userId, req.all ? 'all' : req.ids);
      return { version: 1 as const, marked, unreadCount: await this.repo.unreadCount(tx, req.tenantId, req.userId) };
    });
  }
}
