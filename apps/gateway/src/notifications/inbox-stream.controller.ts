import { Controller, Get, Inject, Logger, Optional, Res, type BeforeApplicationShutdown } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Subscription } from '@nats-io/nats-core';
import { InboxNotificationMessage, NotifierInboxListRpc, parseContract } from '@parley/contracts';
import { decodeJson, NatsClient } from '@parley/messaging';
import type { FastifyReply } from 'fastify';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import { SseResponse } from '../chat/sse/sse.response';
import { ProblemException } from '../http/problem.exception';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { notifierCall } from './notifier-call.util';
import { liveInboxItemHttp } from './dto/inbox.mapper';
import type { InboxItemHttp, InboxStreamFrame } from './dto/inbox.schemas';
import { DEFAULT_INBOX_STREAM_OPTIONS, INBOX_STREAM_OPTIONS, type InboxStreamOptions } from './inbox-stream.options';
import { inboxOwner } from './notifier-scope.util';

interface OpenStream {
  sse: SseResponse;
  sub?: Subscription;
  timer?: NodeJS.Timeout;
  /** Frames that arrived before the unread count was sent; null once live. */
  pending: InboxItemHttp[] | null;
}

/**
 * The caller's inbox live, as Server-Sent Events: first `{"type":"unread","count":n}`, then
 * `{"type":"notification","notification":{...}}` for each new entry of the caller's own inbox,
 * and `: ping` comments while idle. Relayed from notify.inbox.<scope>, which carries every
 * user's entries of the scope; only the caller's are sent. Streams end on shutdown.
 */
@ApiTags('notifications')
@Controller('api/v1/notifications/stream')
@Auth('staff', 'owner')
export class InboxStreamController implements BeforeApplicationShutdown {
  private readonly logger = new Logger(InboxStreamController.name);
  private readonly open = new Set<OpenStream>();
  private readonly options: InboxStreamOptions;
  private shuttingDown = false;

  constructor(
    @Inject(NatsClient) private readonly nats: NatsClient,
    @Inject(GatewayRpc) private readonly rpc: GatewayRpc,
    @Optional() @Inject(INBOX_STREAM_OPTIONS) options?: InboxStreamOptions,
  ) {
    this.options = options ?? DEFAULT_INBOX_STREAM_OPTIONS;
  }

  @Get()
  @ApiOperation({ summary: 'Your new notifications as they arrive, as Server-Sent Events (starting with the unread count).' })
  @ApiProduces('text/event-stream')
  @ApiResponse({
    status: 200,
    description:
      '`data:` frames `{"type":"unread","count":n}` (first) and `{"type":"notification","notification":{...}}` (an InboxNotification); `: ping` comments while idle.',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  async stream(@CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const owner = inboxOwner(principal);
    // Subscribe before asking for the count, so nothing published in between is missed.
    const entry: OpenStream = { sse: new SseResponse(reply, () => this.close(entry)), pending: [] };
    this.open.add(entry);
    entry.sub = this.subscribe(entry, owner.tenantId, owner.userId);
    let unread: number;
    try {
      unread = (await notifierCall(this.rpc, NotifierInboxListRpc, { version: 1, ...owner, unreadOnly: true, limit: 1, cursor: null }))
        .unreadCount;
    } catch (error) {
      this.close(entry);
      throw error;
    }
    if (!this.open.has(entry)) {
      if (this.shuttingDown)
        throw new ProblemException({
          status: 503,
          code: 'UNAVAILABLE',
          title: 'Service unavailable',
          detail: 'The gateway is shutting down.',
          headers: { 'retry-after': '1' },
        });
      return; // the client went away while the count was fetched
    }
    this.goLive(entry, unread);
  }

  /** Open streams end before the HTTP server waits on its connections. */
  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
    for (const entry of [...this.open]) this.close(entry);
  }

  private subscribe(entry: OpenStream, scope: string, userId: string): Subscription {
    const subject = this.nats.namer.subject(InboxNotificationMessage.subjectFor(scope));
    return this.nats.nc.subscribe(subject, {
      callback: (err, msg) => {
        if (err) return;
        const decoded = decodeJson(msg.data);
        const parsed = parseContract(InboxNotificationMessage, decoded.ok ? decoded.value : undefined);
        if (!parsed.ok || parsed.value.tenantId !== scope) {
          this.logger.warn(`dropped an invalid inbox frame on ${subject}`);
          return;
        }
        if (parsed.value.recipientUserId !== userId) return;
        this.relay(entry, liveInboxItemHttp(parsed.value));
      },
    });
  }

  private relay(entry: OpenStream, notification: InboxItemHttp): void {
    if (entry.pending === null) this.send(entry, { type: 'notification', notification });
    else if (entry.pending.length < this.options.maxPendingFrames) entry.pending.push(notification);
  }

  private goLive(entry: OpenStream, unread: number): void {
    entry.sse.open();
    this.send(entry, { type: 'unread', count: unread });
    const pending = entry.pending ?? [];
    entry.pending = null;
    for (const notification of pending) this.send(entry, { type: 'notification', notification });
    entry.timer = setInterval(() => entry.sse.comment('ping'), this.options.heartbeatMs);
  }

  private send(entry: OpenStream, frame: InboxStreamFrame): void {
    entry.sse.data(frame);
  }

  private close(entry: OpenStream): void {
    if (!this.open.delete(entry)) return;
    clearInterval(entry.timer);
    entry.sub?.unsubscribe();
    entry.sse.end();
  }
}
