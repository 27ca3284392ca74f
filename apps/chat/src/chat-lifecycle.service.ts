import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { NatsClient, type MessagingConnection } from '@parley/messaging';
import type { RpcHandlers } from '@parley/runtime';
import { AssistantRpcHandlers } from './assistant/assistant.handler';
import { CHAT_LOGGER, type ChatLogger } from './common/chat.logger';
import { CHAT_OPTIONS, type ChatOptions } from './common/chat.options';
import { DegradeRpcHandlers } from './degrade/degrade.handler';
import { ConversationsRpcHandlers } from './conversations/conversations.handler';
import { HandoffRpcHandlers } from './handoff/handoff.handler';
import { IdleSessionSweeper } from './sessions/idle-session.sweeper';
import { SessionsRpcHandlers } from './sessions/sessions.handler';
import { TenantEventsListener } from './tenants/tenant-events.listener';
import { TurnCancellations } from './turn/turn-cancellations.service';
import { TurnRpcHandlers } from './turn/turn.handler';
import { ToolExecutionsRpcHandlers } from './tools/tool-executions.handler';
import { TurnService } from './turn/turn.service';

/**
 * The order in which the chat service's moving parts (the cancel subscription, the RPC
 * handlers in queue group `chat`, the idle sweeper) start and stop.
 *
 * Start: the cancel subscription and the tenant events subscriptions (which keep the tenant
 * runtime cache honest) first, registered with the server (onModuleInit runs before any
 * onApplicationBootstrap, so before a handler serves a turn: no cancel of a served turn is
 * missed); then the handlers register (their own onApplicationBootstrap); then, once they have
 * (this provider depends on every handler, so Nest bootstraps it after them), a flush and the
 * idle sweeper.
 *
 * Stop, the graceful shutdown (beforeApplicationShutdown: Nest calls it on this provider
 * before the handlers it depends on, and on ChatModule before the runtime's outbox relay and
 * NATS drain): stop taking requests (the sweeper and every handler's endpoints; a handler's
 * own hook then finds nothing left to stop), let turns in progress finish and store; only when
 * the shutdown budget is nearly spent abort the generations still running (their partial
 * answers are stored as interrupted); then the cancel subscription stops.
 */
@Injectable()
export class ChatLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly handlers: readonly RpcHandlers[];

  constructor(
    @Inject(NatsClient) private readonly client: MessagingConnection,
    private readonly turns: TurnService,
    private readonly cancellations: TurnCancellations,
    private readonly tenantEvents: TenantEventsListener,
    private readonly sweeper: IdleSessionSweeper,
    turnHandlers: TurnRpcHandlers,
    sessionsHandlers: SessionsRpcHandlers,
    conversationsHandlers: ConversationsRpcHandlers,
    handoffHandlers: HandoffRpcHandlers,
    assistantHandlers: AssistantRpcHandlers,
    toolExecutionHandlers: ToolExecutionsRpcHandlers,
    degradeHandlers: DegradeRpcHandlers,
    @Inject(CHAT_OPTIONS) private readonly options: ChatOptions,
    @Inject(CHAT_LOGGER) private readonly logger: ChatLogger,
  ) {
    this.handlers = [
      turnHandlers,
      sessionsHandlers,
      conversationsHandlers,
      handoffHandlers,
      assistantHandlers,
      toolExecutionHandlers,
      degradeHandlers,
    ];
  }

  /** Subscribes to chat.cancel.* before any RPC handler is registered. */
  async onModuleInit(): Promise<void> {
    this.cancellations.start();
    this.tenantEvents.start();
    await Promise.all([this.cancellations.ready(), this.tenantEvents.ready()]);
  }

  /** After the handlers registered: their subscriptions reach the server, then the sweeper starts. */
  async onApplicationBootstrap(): Promise<void> {
    await this.client.nc.flush();
    this.sweeper.start();
  }

  /** Runs before the outbox relay stops, the NATS connection drains and the pools close. */
  async beforeApplicationShutdown(): Promise<void> {
    const budget = this.options.shutdownTimeoutMs;
    const graceMs = Math.max(budget * 0.5, budget - 3000);
    const abortTimer = setTimeout(() => {
      if (this.turns.inProgress > 0)
        this.logger.warn({ turns: this.turns.inProgress }, 'shutdown grace over; cancelling turns in progress');
      this.cancellations.abortAll('shutdown');
    }, graceMs);
    try {
      await Promise.all([this.sweeper.stop(), ...this.handlers.map((handlers) => handlers.beforeApplicationShutdown())]);
      await this.turns.settle(Math.max(0, budget - graceMs));
    } finally {
      clearTimeout(abortTimer);
      await this.cancellations.stop();
      this.tenantEvents.stop();
    }
  }
}
