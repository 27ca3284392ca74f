import { Module, type DynamicModule } from '@nestjs/common';
import { createEmbedder, createLlmRouter } from '@parley/llm';
import { MESSAGING_OPTIONS, NatsClient, RpcServer, type MessagingModuleOptions } from '@parley/messaging';
import { SERVICE_LOGGER, ServiceMetrics, type Logger } from '@parley/observability';
import { ModelActionGate } from './actions/model-action.gate';
import { AssistantSessionService } from './assistant/assistant-session.service';
import { AssistantRpcHandlers } from './assistant/assistant.handler';
import { ChatLifecycle } from './chat-lifecycle.service';
import { CHAT_LOGGER } from './common/chat.logger';
import { turnLoggerProvider } from './common/turn-logger.factory';
import { CHAT_OPTIONS, EMBEDDER, LLM_ROUTER, type ChatOptions } from './common/chat.options';
import { DegradeRpcHandlers } from './degrade/degrade.handler';
import { DegradeMetrics } from './degrade/degrade.metrics';
import { DEGRADE_CLOCK, DegradeState } from './degrade/degrade.state';
import { ConversationsRpcHandlers } from './conversations/conversations.handler';
import { ConversationsService } from './conversations/conversations.service';
import { HandoffRpcHandlers } from './handoff/handoff.handler';
import { StaffHandoffService } from './handoff/staff-handoff.service';
import { PromTurnMetrics } from './metrics/prom-turn.metrics';
import { FeedbackService } from './sessions/feedback.service';
import { HistoryService } from './sessions/history.service';
import { IdleSessionSweeper } from './sessions/idle-session.sweeper';
import { SessionEventsPublisher } from './sessions/session-events.publisher';
import { SessionService } from './sessions/session.service';
import { SessionsRpcHandlers } from './sessions/sessions.handler';
import { TenantEventsListener } from './tenants/tenant-events.listener';
import { TenantRuntimeCache } from './tenants/tenant-runtime.cache';
import { ChatIntegrations } from './tools/chat-integrations.provider';
import { TenantToolsetCache } from './tools/tenant-toolset.cache';
import { ToolExecutionsRpcHandlers } from './tools/tool-executions.handler';
import { ToolExecutionsService } from './tools/tool-executions.service';
import { TenantKnowledgeRetriever } from './turn/knowledge.retriever';
import { SignalDetectorCache } from './turn/signal-detectors.cache';
import { TurnCancellations } from './turn/turn-cancellations.service';
import { TurnRpcHandlers } from './turn/turn.handler';
import { TurnMetrics } from './turn/turn.metrics';
import { TurnService } from './turn/turn.service';

/**
 * The chat service's capabilities: turns (turn/), sessions with their history and feedback
 * and the idle sweeper (sessions/), the staff console's conversations (conversations/), the
 * human handoff (handoff/), the staff assistant (assistant/), the live-data tools with their
 * log (tools/) and the degrade switches with the automatic overload mode (degrade/), each a folder of handler /
 * service / repository; ChatLifecycle orders their start and graceful stop. Needs the service
 * runtime (NatsClient, PrismaService, TenantDb, SERVICE_LOGGER, ServiceMetrics,
 * MESSAGING_OPTIONS) from the caller.
 */
@Module({})
export class ChatModule {
  static forRoot(options: ChatOptions): DynamicModule {
    return {
      module: ChatModule,
      providers: [
        { provide: CHAT_OPTIONS, useValue: options },
        { provide: CHAT_LOGGER, inject: [SERVICE_LOGGER], useFactory: (logger: Logger) => logger.child({ component: 'chat' }) },
        // Its batched lines are written at shutdown (onApplicationShutdown), after the turns settle.
        turnLoggerProvider(),
        {
          provide: LLM_ROUTER,
          inject: [CHAT_OPTIONS, SERVICE_LOGGER, ServiceMetrics],
          useFactory: (chat: ChatOptions, logger: Logger, metrics: ServiceMetrics) =>
            createLlmRouter(chat.llm, { logger: logger.child({ component: 'llm' }), metrics: { registry: metrics.registry } }),
        },
        { provide: EMBEDDER, inject: [CHAT_OPTIONS], useFactory: (chat: ChatOptions) => createEmbedder(chat.llm.embedding) },
        // Chat's own RpcServer (the handlers here get it, not MessagingModule's): in-flight
        // requests get the shutdown budget less 500 ms to finish when the endpoints stop.
        {
          provide: RpcServer,
          inject: [NatsClient, CHAT_OPTIONS, CHAT_LOGGER, MESSAGING_OPTIONS],
          useFactory: (client: NatsClient, chat: ChatOptions, logger: Logger, messaging: MessagingModuleOptions) =>
            new RpcServer(client, { logger, metrics: messaging.metrics, stopTimeoutMs: Math.max(100, chat.shutdownTimeoutMs - 500) }),
        },
        { provide: TurnMetrics, useClass: PromTurnMetrics },
        TurnCancellations,
        TenantRuntimeCache,
        TenantToolsetCache,
        ChatIntegrations,
        ToolExecutionsService,
        ToolExecutionsRpcHandlers,
        { provide: DEGRADE_CLOCK, useValue: () => Date.now() },
        DegradeMetrics,
        DegradeState,
        DegradeRpcHandlers,
        TenantEventsListener,
        SignalDetectorCache,
        TenantKnowledgeRetriever,
        ModelActionGate,
        SessionEventsPublisher,
        TurnService,
        TurnRpcHandlers,
        SessionService,
        HistoryService,
        FeedbackService,
        IdleSessionSweeper,
        SessionsRpcHandlers,
        ConversationsService,
        ConversationsRpcHandlers,
        StaffHandoffService,
        HandoffRpcHandlers,
        AssistantSessionService,
        AssistantRpcHandlers,
        ChatLifecycle,
      ],
    };
  }
}
