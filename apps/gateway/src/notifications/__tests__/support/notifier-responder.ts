import { randomUUID } from 'node:crypto';
import {
  InboxNotificationMessage,
  NotifierChannelCreateRpc,
  NotifierChannelDeleteRpc,
  NotifierChannelListRpc,
  NotifierChannelRotateSecretRpc,
  NotifierChannelTestRpc,
  NotifierChannelUpdateRpc,
  NotifierDeliveryListRpc,
  NotifierDeliveryRedriveRpc,
  NotifierInboxListRpc,
  NotifierInboxMarkReadRpc,
  NotifierRuleDeleteRpc,
  NotifierRuleListRpc,
  NotifierRulePutRpc,
  RPC_QUEUE_GROUPS,
  type ChannelSettings,
  type ChannelView,
  type DeliveryView,
  type InboxItem,
  type InboxNotification,
  type RuleView,
} from '@parley/contracts';
import { encodeJson, NatsClient, RpcError, RpcServer } from '@parley/messaging';

// A test-owned stand-in for the notifier's RPCs: in-memory inboxes, channels, rules and
// deliveries per scope (tenant id, or PLATFORM_TENANT_ID for the owner), every request
// recorded, so tests see exactly what the gateway sent. Another scope's ids answer NOT_FOUND
// as the notifier does. `publishInbox` plays the notifier's live inbox frames.

interface Scope {
  inbox: Array<{ userId: string; item: InboxItem }>;
  channels: Map<string, ChannelView>;
  rules: Map<string, RuleView>;
  deliveries: DeliveryView[];
}

const now = () => new Date().toISOString();

function target(settings: ChannelSettings): string {
  return settings.kind === 'email'
    ? settings.to.join(', ')
    : settings.kind === 'webhook'
      ? settings.url
      : `${new URL(settings.url).host}/***`;
}

export class NotifierResponder {
  /** Every request by subject, in arrival order. */
  readonly requests: Array<{ subject: string; request: Record<string, unknown> }> = [];
  /** Inbox list answers for these user ids wait this long (ms): frames published meanwhile must not be lost. */
  readonly slowInboxFor = new Map<string, number>();
  private readonly scopes = new Map<string, Scope>();
  private server?: RpcServer;

  private constructor(readonly nats: NatsClient) {}

  static async start(url: string, namespace: string): Promise<NotifierResponder> {
    const nats = await NatsClient.connect({ url, name: 'test-notifier', namespace });
    const responder = new NotifierResponder(nats);
    responder.serve();
    await nats.nc.flush();
    return responder;
  }

  async close(): Promise<void> {
    await this.server?.stop();
    await this.nats.drain();
  }

  /** The last request the gateway sent on `subject`. */
  last(subject: string): Record<string, unknown> | undefined {
    return this.requests.filter((r) => r.subject === subject).at(-1)?.request;
  }

  count(subject: string): number {
    return this.requests.filter((r) => r.subject === subject).length;
  }

  scope(tenantId: string): Scope {
    let scope = this.scopes.get(tenantId);
    if (!scope) {
      scope = { inbox: [], channels: new Map(), rules: new Map(), deliveries: [] };
      this.scopes.set(tenantId, scope);
    }
    return scope;
  }

  /** Stores an inbox entry for a user (as the notifier's inbox channel does) and returns the live frame for it. */
  addInboxEntry(tenantId: string, userId: string, init: Partial<InboxItem> = {}): InboxNotification {
    const item: InboxItem = {
      id: randomUUID(),
      notificationId: randomUUID(),
      kind: 'urgent_callback',
      severity: 'critical',
      title: 'Call back',
      body: 'A customer asked for a callback.',
      link: null,
      createdAt: now(),
      readAt: null,
      ...init,
    };
    this.scope(tenantId).inbox.unshift({ userId, item });
    const { readAt: _readAt, ...frame } = item;
    return { version: 1, tenantId, recipientUserId: userId, ...frame };
  }

  addDelivery(tenantId: string, init: Partial<DeliveryView> = {}): DeliveryView {
    const delivery: DeliveryView = {
      id: randomUUID(),
      notificationId: randomUUID(),
      kind: 'safety',
      title: 'Safety flag',
      channelId: null,
      channelKind: 'webhook',
      recipientUserId: null,
      status: 'dead',
      attempts: 8,
      lastError: 'HTTP 500',
      lastStatusCode: 500,
      latencyMs: 30,
      nextAttemptAt: null,
      deliveredAt: null,
      createdAt: now(),
      ...init,
    };
    this.scope(tenantId).deliveries.unshift(delivery);
    return delivery;
  }

  /** Publishes a live inbox frame on notify.inbox.<scope>, as the notifier does once it stored the entry. */
  async publishInbox(frame: InboxNotification | Record<string, unknown>, scope = (frame as InboxNotification).tenantId): Promise<void> {
    this.nats.nc.publish(this.nats.namer.subject(InboxNotificationMessage.subjectFor(scope)), encodeJson(frame));
    await this.nats.nc.flush();
  }

  private record(subject: string, request: object): void {
    this.requests.push({ subject, request: request as Record<string, unknown> });
  }

  private channel(tenantId: string, channelId: string): ChannelView {
    const channel = this.scope(tenantId).channels.get(channelId);
    if (!channel) throw new RpcError('NOT_FOUND', 'No such channel.');
    return channel;
  }

  private serve(): void {
    const server = new RpcServer(this.nats);
    this.server = server;
    const queue = { queue: RPC_QUEUE_GROUPS.notifier };

    server.handle(
      NotifierInboxListRpc,
      async (request) => {
        this.record(NotifierInboxListRpc.subject, request);
        const delay = this.slowInboxFor.get(request.userId);
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        const mine = this.scope(request.tenantId)
          .inbox.filter((e) => e.userId === request.userId)
          .map((e) => e.item);
        const listed = request.unreadOnly ? mine.filter((i) => i.readAt === null) : mine;
        const start = request.cursor === null ? 0 : Number(request.cursor);
        const page = listed.slice(start, start + request.limit);
        const next = start + request.limit < listed.length ? String(start + request.limit) : null;
        return { version: 1 as const, items: page, nextCursor: next, unreadCount: mine.filter((i) => i.readAt === null).length };
      },
      queue,
    );

    server.handle(
      NotifierInboxMarkReadRpc,
      async (request) => {
        this.record(NotifierInboxMarkReadRpc.subject, request);
        const mine = this.scope(request.tenantId)
          .inbox.filter((e) => e.userId === request.userId)
          .map((e) => e.item);
        let marked = 0;
        for (const item of mine) {
          if (item.readAt === null && (request.all || request.ids.includes(item.id))) {
            item.readAt = now();
            marked += 1;
          }
        }
        return { version: 1 as const, marked, unreadCount: mine.filter((i) => i.readAt === null).length };
      },
      queue,
    );

    server.handle(
      NotifierChannelListRpc,
      async (request) => {
        this.record(NotifierChannelListRpc.subject, request);
        return { version: 1 as const, items: [...this.scope(request.tenantId).channels.values()] };
      },
      queue,
    );

    server.handle(
      NotifierChannelCreateRpc,
      async (request) => {
        this.record(NotifierChannelCreateRpc.subject, request);
        const { settings } = request;
        const channel: ChannelView = {
          id: randomUUID(),
          name: request.name,
          kind: settings.kind,
          enabled: request.enabled,
          target: target(settings),
          senderName: settings.kind === 'email' ? (settings.senderName ?? null) : null,
          previousSecretExpiresAt: null,
          createdAt: now(),
          updatedAt: now(),
        };
        this.scope(request.tenantId).channels.set(channel.id, channel);
        return {
          version: 1 as const,
          channel,
          signingSecret: settings.kind === 'webhook' ? `whsec_${randomUUID().replaceAll('-', '')}` : null,
        };
      },
      queue,
    );

    server.handle(
      NotifierChannelUpdateRpc,
      async (request) => {
        this.record(NotifierChannelUpdateRpc.subject, request);
        const channel = this.channel(request.tenantId, request.channelId);
        if (request.settings && request.settings.kind !== channel.kind) {
          throw RpcError.validation('The kind of a channel cannot change.', [
            { path: 'settings.kind', code: 'invalid_value', message: `must be ${channel.kind}` },
          ]);
        }
        Object.assign(channel, {
          ...(request.name === undefined ? {} : { name: request.name }),
          ...(request.enabled === undefined ? {} : { enabled: request.enabled }),
          ...(request.settings ? { target: target(request.settings) } : {}),
          updatedAt: now(),
        });
        return { version: 1 as const, channel };
      },
      queue,
    );

    server.handle(
      NotifierChannelDeleteRpc,
      async (request) => {
        this.record(NotifierChannelDeleteRpc.subject, request);
        this.channel(request.tenantId, request.channelId);
        this.scope(request.tenantId).channels.delete(request.channelId);
        return { version: 1 as const, channelId: request.channelId };
      },
      queue,
    );

    server.handle(
      NotifierChannelRotateSecretRpc,
      async (request) => {
        this.record(NotifierChannelRotateSecretRpc.subject, request);
        const channel = this.channel(request.tenantId, request.channelId);
        if (channel.kind !== 'webhook') throw new RpcError('CONFLICT', 'Only webhook channels have a signing secret.');
        channel.previousSecretExpiresAt = new Date(Date.now() + request.graceSeconds * 1000).toISOString();
        return { version: 1 as const, channel, signingSecret: `whsec_${randomUUID().replaceAll('-', '')}` };
      },
      queue,
    );

    server.handle(
      NotifierChannelTestRpc,
      async (request) => {
        this.record(NotifierChannelTestRpc.subject, request);
        const channel = this.channel(request.tenantId, request.channelId);
        const delivery = this.addDelivery(request.tenantId, {
          kind: 'system',
          title: 'Test notification',
          channelId: channel.id,
          channelKind: channel.kind,
          status: 'delivered',
          attempts: 1,
          lastError: null,
          lastStatusCode: 200,
          deliveredAt: now(),
        });
        return { version: 1 as const, delivery };
      },
      queue,
    );

    server.handle(
      NotifierRuleListRpc,
      async (request) => {
        this.record(NotifierRuleListRpc.subject, request);
        const items = [...this.scope(request.tenantId).rules.values()];
        return { version: 1 as const, items, defaults: items.length === 0 };
      },
      queue,
    );

    server.handle(
      NotifierRulePutRpc,
      async (request) => {
        this.record(NotifierRulePutRpc.subject, request);
        const scope = this.scope(request.tenantId);
        const foreign = request.rule.channelIds.findIndex((id) => !scope.channels.has(id));
        if (foreign >= 0)
          throw RpcError.validation('Unknown channel.', [
            { path: `rule.channelIds.${foreign}`, code: 'not_found', message: 'no such channel' },
          ]);
        const existing = request.ruleId === null ? undefined : scope.rules.get(request.ruleId);
        if (request.ruleId !== null && !existing) throw new RpcError('NOT_FOUND', 'No such rule.');
        const rule: RuleView = {
          ...request.rule,
          id: existing?.id ?? randomUUID(),
          createdAt: existing?.createdAt ?? now(),
          updatedAt: now(),
        };
        scope.rules.set(rule.id, rule);
        return { version: 1 as const, rule };
      },
      queue,
    );

    server.handle(
      NotifierRuleDeleteRpc,
      async (request) => {
        this.record(NotifierRuleDeleteRpc.subject, request);
        if (!this.scope(request.tenantId).rules.delete(request.ruleId)) throw new RpcError('NOT_FOUND', 'No such rule.');
        return { version: 1 as const, ruleId: request.ruleId };
      },
      queue,
    );

    server.handle(
      NotifierDeliveryListRpc,
      async (request) => {
        this.record(NotifierDeliveryListRpc.subject, request);
        const items = this.scope(request.tenantId).deliveries.filter(
          (d) => (!request.status || d.status === request.status) && (!request.channelId || d.channelId === request.channelId),
        );
        const start = request.cursor === null ? 0 : Number(request.cursor);
        const next = start + request.limit < items.length ? String(start + request.limit) : null;
        return { version: 1 as const, items: items.slice(start, start + request.limit), nextCursor: next };
      },
      queue,
    );

    server.handle(
      NotifierDeliveryRedriveRpc,
      async (request) => {
        this.record(NotifierDeliveryRedriveRpc.subject, request);
        const scope = this.scope(request.tenantId);
        if (request.channelId !== null) this.channel(request.tenantId, request.channelId);
        const known = new Set(scope.deliveries.map((d) => d.id));
        if (request.deliveryIds.some((id) => !known.has(id))) throw new RpcError('NOT_FOUND', 'No such delivery.');
        const chosen = scope.deliveries.filter(
          (d) => d.status === 'dead' && (request.deliveryIds.includes(d.id) || d.channelId === request.channelId),
        );
        for (const delivery of chosen) Object.assign(delivery, { status: 'pending', attempts: 0 });
        return { version: 1 as const, redriven: chosen.length };
      },
      queue,
    );
  }
}
