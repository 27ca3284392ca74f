import { Module, type DynamicModule } from '@nestjs/common';
import { createEmbedder, createLlmRouter } from '@parley/llm';
import { MESSAGING_OPTIONS, NatsClient, type MessagingModuleOptions } from '@parley/messaging';
import { SERVICE_LOGGER, ServiceMetrics, type Logger } from '@parley/observability';
import { PrismaService, TenantDb } from '@parley/persistence';
import { ServiceRuntimeModule } from '@parley/runtime';
import { ChatEngine } from './chat-engine';
import type { AppConfig } from './config/env.schema';
import { PromTurnMetrics } from './metrics/prom-turn-metrics';

/**
 * The chat service: the turn engine. Serves chat.turn and chat.session.* / chat.history /
 * chat.feedback in queue group `chat`, streams frames on chat.stream.<turnId>, and produces
 * chat events through the outbox (relayed by the runtime).
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceRuntimeModule.forRoot(config, { outboxRelay: true })],
      providers: [
        {
          provide: ChatEngine,
          inject: [NatsClient, PrismaService, TenantDb, SERVICE_LOGGER, ServiceMetrics, MESSAGING_OPTIONS],
          useFactory: (
            client: NatsClient,
            prisma: PrismaService,
            db: TenantDb,
            logger: Logger,
            metrics: ServiceMetrics,
            messaging: MessagingModuleOptions,
          ) =>
            new ChatEngine({
              client,
              prisma,
              db,
              router: createLlmRouter(config.llm, { logger: logger.child({ component: 'llm' }), metrics: { registry: metrics.registry } }),
              embedder: createEmbedder(config.llm.embedding),
              config: config.chat,
              shutdownTimeoutMs: config.shutdown.timeoutMs,
              logger: logger.child({ component: 'chat' }),
              metrics: messaging.metrics,
              turnMetrics: new PromTurnMetrics(metrics),
            }),
        },
      ],
    };
  }
}
