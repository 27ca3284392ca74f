import { Module, type DynamicModule } from '@nestjs/common';
import { CONSUMERS } from '@parley/contracts';
import { createLlmRouter } from '@parley/llm';
import type { LlmConfig } from '@parley/llm/config';
import { MESSAGING_OPTIONS, NatsClient, type MessagingModuleOptions } from '@parley/messaging';
import { SERVICE_LOGGER, ServiceMetrics, type Logger } from '@parley/observability';
import { DurableConsumerRunner } from '@parley/runtime';
import { ChatTablesRepository } from './chat-tables/chat-tables.repository';
import { INTEL_LLM_ROUTER, INTEL_OPTIONS, type IntelOptions } from './common/tenant-intelligence.options';
import { CrmRpcHandlers } from './crm/crm.handler';
import { CrmRepository } from './crm/crm.repository';
import { CrmService } from './crm/crm.service';
import { InsightTablesRepository } from './crm/insight-tables.repository';
import { ExtractionRepository } from './extraction/extraction.repository';
import { intelEventRoutes } from './extraction/intel-events.handler';
import { AutomaticDegradeListener } from './extraction/automatic-degrade.listener';
import { ModelExtractionService } from './extraction/model-extraction.service';
import { SecondOpinionMetrics } from './extraction/second-opinion.metrics';
import { TurnExtractionService } from './extraction/turn-extraction.service';
import { SessionSummaryService } from './summary/session-summary.service';
import { SummaryRepository } from './summary/summary.repository';
import { TenantSettingsCache } from './tenants/tenant-settings.cache';

/**
 * Tenant intelligence's capabilities: L1b extraction per visitor turn and L2 summaries per
 * closed session (one durable consumer), and the tenant CRM they fill (served over RPC), each
 * a folder of handler / service / repository. Needs the service runtime (persistence,
 * messaging, observability) imported by the caller.
 */
@Module({})
export class TenantIntelligenceModule {
  static forRoot(options: IntelOptions, llm: LlmConfig, shutdownTimeoutMs: number): DynamicModule {
    return {
      module: TenantIntelligenceModule,
      imports: [
        {
          module: IntelOptionsModule,
          global: true,
          providers: [{ provide: INTEL_OPTIONS, useValue: options }],
          exports: [INTEL_OPTIONS],
        },
      ],
      providers: [
        {
          provide: INTEL_LLM_ROUTER,
          inject: [SERVICE_LOGGER, ServiceMetrics],
          useFactory: (logger: Logger, metrics: ServiceMetrics) =>
            createLlmRouter(llm, { logger: logger.child({ component: 'llm' }), metrics: { registry: metrics.registry } }),
        },
        ChatTablesRepository,
        ExtractionRepository,
        AutomaticDegradeListener,
        TenantSettingsCache,
        ModelExtractionService,
        SecondOpinionMetrics,
        TurnExtractionService,
        SummaryRepository,
        SessionSummaryService,
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
              concurrency: options.consumerConcurrency,
              stopTimeoutMs: shutdownTimeoutMs,
            }),
        },
        CrmRepository,
        InsightTablesRepository,
        CrmService,
        CrmRpcHandlers,
      ],
    };
  }
}

@Module({})
class IntelOptionsModule {}
