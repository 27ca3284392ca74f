import { Module, type DynamicModule } from '@nestjs/common';
import { CONSUMERS } from '@parley/contracts';
import { MESSAGING_OPTIONS, NatsClient, RpcServer, type MessagingModuleOptions } from '@parley/messaging';
import { createLlmRouter } from '@parley/llm';
import { SERVICE_LOGGER, ServiceMetrics, type Logger } from '@parley/observability';
import { PrismaService, TenantDb } from '@parley/persistence';
import { DurableConsumerRunner, ServiceRuntimeModule } from '@parley/runtime';
import type { AppConfig } from './config/env.schema';
import { intelEventRoutes } from './consumer/intel-event.routes';
import { CrmRpcEndpoints } from './crm/crm-rpc.endpoints';
import { CrmService } from './crm/crm.service';
import { TurnExtractionService } from './extraction/turn-extraction.service';
import { SessionSummaryService } from './summary/session-summary.service';

/** Tenant intelligence: L1b extraction and L2 summaries from chat events into the tenant CRM; serves the CRM. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceRuntimeModule.forRoot(config, { consumers: [CONSUMERS.tenantIntelligence], outboxRelay: true })],
      providers: [
        {
          provide: TurnExtractionService,
          inject: [TenantDb, PrismaService, SERVICE_LOGGER, ServiceMetrics],
          useFactory: (db: TenantDb, prisma: PrismaService, logger: Logger, metrics: ServiceMetrics) =>
            new TurnExtractionService(db, logger.child({ component: 'l1b' }), {
              router: createLlmRouter(config.llm, { logger: logger.child({ component: 'llm' }), metrics: { registry: metrics.registry } }),
              prisma,
              timeoutMs: config.intel.llmTimeoutMs,
            }),
        },
        {
          provide: SessionSummaryService,
          inject: [TenantDb, SERVICE_LOGGER],
          useFactory: (db: TenantDb, logger: Logger) => new SessionSummaryService(db, logger.child({ component: 'l2' })),
        },
        {
          provide: DurableConsumerRunner,
          inject: [NatsClient, TurnExtractionService, SessionSummaryService, SERVICE_LOGGER, MESSAGING_OPTIONS],
          useFactory: (
            client: NatsClient,
            extraction: TurnExtractionService,
            summaries: SessionSummaryService,
            logger: Logger,
            messaging: MessagingModuleOptions,
          ) =>
            new DurableConsumerRunner(client, logger.child({ component: 'consumer' }), messaging.metrics, {
              consumer: CONSUMERS.tenantIntelligence,
              routes: intelEventRoutes(extraction, summaries),
              concurrency: config.intel.consumerConcurrency,
              stopTimeoutMs: config.shutdown.timeoutMs,
            }),
        },
        { provide: CrmService, inject: [TenantDb], useFactory: (db: TenantDb) => new CrmService(db) },
        {
          provide: CrmRpcEndpoints,
          inject: [RpcServer, CrmService],
          useFactory: (server: RpcServer, crm: CrmService) => new CrmRpcEndpoints(server, crm),
        },
      ],
    };
  }
}
