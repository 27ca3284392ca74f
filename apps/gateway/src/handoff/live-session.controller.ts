import { Controller, Get, Inject, Logger, Res, type BeforeApplicationShutdown } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Subscription } from '@nats-io/nats-core';
import { ChatSessionEventMessage, parseContract } from '@parley/contracts';
import { decodeJson, NatsClient } from '@parley/messaging';
import type { FastifyReply } from 'fastify';
import { Auth, CurrentPrincipal, RateLimited } from '../auth/auth.decorators';
import type { SessionPrincipal } from '../auth/principal.types';
import { SseResponse } from '../chat/sse/sse.response';

/** Comment heartbeats keep proxies from closing an idle stream. */
export const LIVE_HEARTBEAT_MS = 15_000;

/**
 * The visitor's live channel outside a turn: while a person handles the session, their replies
 * (`{"type":"staff_message","message":{...}}`), hand-over changes (`{"type":"mode","mode":"bot"}`) and
 * the outcome of an action the bot requested (`{"type":"action","action":{"id","type","status":"done"|"failed","detail"}}`)
 * arrive here as SSE, relayed from chat.live.<sessionId>. One stream per open browser tab.
 */
@ApiTags('chat')
@Controller('api/v1/chat/stream')
export class LiveSessionController implements BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveSessionController.name);
  private readonly open = new Set<{ sse: SseResponse; sub: Subscription; timer: NodeJS.Timeout }>();

  constructor(@Inject(NatsClient) private readonly nats: NatsClient) {}

  @Get()
  @Auth('session')
  @RateLimited()
  @ApiOperation({
    summary: "The session's live events (staff replies during a handoff, mode changes, action outcomes) as Server-Sent Events.",
  })
  @ApiProduces('text/event-stream')
  @ApiResponse({
    status: 200,
    description: '`data:` frames `staff_message`, `mode` and `action` (outcome of a requested action); `: ping` comments while idle.',
  })
  live(@CurrentPrincipal() principal: SessionPrincipal, @Res() reply: FastifyReply): void {
    const subject = this.nats.namer.subject(ChatSessionEventMessage.subjectFor(principal.sessionId));
    const holder: { entry?: { sse: SseResponse; sub: Subscription; timer: NodeJS.Timeout } } = {};
    const sse = new SseResponse(reply, () => holder.entry && this.close(holder.entry));
    const sub = this.nats.nc.subscribe(subject, {
      callback: (err, msg) => {
        if (err) return;
        const decoded = decodeJson(msg.data);
        const parsed = parseContract(ChatSessionEventMessage, decoded.ok ? decoded.value : undefined);
        if (!parsed.ok || parsed.value.tenantId !== principal.tenantId) {
          this.logger.warn(`dropped an invalid live event for session ${principal.sessionId}`);
          return;
        }
        const { version: _version, tenantId: _tenant, ...frame } = parsed.value;
        sse.data(frame);
      },
    });
    const timer = setInterval(() => sse.comment('ping'), LIVE_HEARTBEAT_MS);
    holder.entry = { sse, sub, timer };
    this.open.add(holder.entry);
    sse.open();
    sse.comment('connected');
  }

  /** Open live streams end before the HTTP server waits on its connections. */
  beforeApplicationShutdown(): void {
    for (const entry of [...this.open]) this.close(entry);
  }

  private close(entry: { sse: SseResponse; sub: Subscription; timer: NodeJS.Timeout }): void {
    if (!this.open.delete(entry)) return;
    clearInterval(entry.timer);
    entry.sub.unsubscribe();
    entry.sse.end();
  }
}
