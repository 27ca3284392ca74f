import { Module, type DynamicModule } from '@nestjs/common';
import { CONSUMERS } from '@parley/contracts';
import { MESSAGING_OPTIONS, NatsClient, type MessagingModuleOptions } from '@parley/messaging';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { DurableConsumerRunner } from '@parley/runtime';
import { AlertRepository } from './alerts/alert.repository';
import { AuditRpcHandlers } from './audit/audit.handler';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { AlertService } from './alerts/alert.service';
import { INSIGHTS_OPTIONS, type InsightsOptions } from './common/client-insights.options';
import { insightEventRoutes } from './ingest/insight-events.handler';
import { InsightEventsService } from './ingest/insight-events.service';
import { InsightIngestRepository } from './ingest/insight-ingest.repository';
import { InsightsJobMetrics } from './metrics/insights-job.metrics';
import { RetentionJobMetrics } from './metrics/retention-job.metrics';
import { OwnerInsightsScheduler } from './portfolio/owner-insights.scheduler';
import { PortfolioRpcHandlers } from './portfolio/portfolio.handler';
import { PortfolioRepository } from './portfolio/portfolio.repository';
import { PortfolioService } from './portfolio/portfolio.service';
import { ContactEraser, RpcContactEraser } from './retention/contact-eraser.client';
import { RetentionLockRepository } from './retention/retention-lock.repository';
import { RetentionRepository } from './retention/retention.repository';
import { RetentionScheduler } from './retention/retention.scheduler';
import { RetentionService } from './retention/retention.service';
import { RollupRpcHandlers } from './rollup/rollup.handler';
import { RollupRepository } from './rollup/rollup.repository';
import { RollupScheduler } from './rollup/rollup.scheduler';
import { RollupService } from './rollup/rollup.service';
import { ActiveTenantsRepository } from './shared/active-tenants.repository';
import { UsageRpcHandlers } from './usage/usage.handler';
import { UsagePeriodRpcHandlers } from './usage/usage-period.handler';
import { UsagePeriodService } from './usage/usage-period.service';
import { UsageRepository } from './usage/usage.repository';
import { UsageService } from './usage/usage.service';

/**
 * Client insights' capabilities: ingest (durable consumer -> hourly buckets), L3 rollups
 * (scheduled and on demand over RPC), L5 alerts and the L4 owner portfolio (cross-tenant
 * through OwnerDb only; scheduled and over RPC), retention (usage folded into usage_daily,
 * old messages and tool executions deleted; scheduled) and usage reads, each a folder of handler / service /
 * repository. Needs the service runtime (persistence with the analytics role, messaging,
 * observability) imported by the caller.
 */
@Module({})
export class ClientInsightsModule {
  static forRoot(options: InsightsOptions, shutdownTimeoutMs: number): DynamicModule {
    return {
      module: ClientInsightsModule,
      imports: [
        {
          module: InsightsOptionsModule,
          global: true,
          providers: [{ provide: INSIGHTS_OPTIONS, useValue: options }],
          exports: [INSIGHTS_OPTIONS],
        },
      ],
      providers: [
        InsightsJobMetrics,
        ActiveTenantsRepository,
        InsightIngestRepository,
        InsightEventsService,
        {
          provide: DurableConsumerRunner,
          inject: [NatsClient, InsightEventsService, SERVICE_LOGGER, MESSAGING_OPTIONS],
          useFactory: (client: NatsClient, events: InsightEventsService, logger: Logger, messaging: MessagingModuleOptions) =>
            new DurableConsumerRunner(client, logger.child({ component: 'consumer' }), messaging.metrics, {
              consumer: CONSUMERS.clientInsights,
              routes: insightEventRoutes(events),
              concurrency: options.consumerConcurrency,
              stopTimeoutMs: shutdownTimeoutMs,
            }),
        },
        RollupRepository,
        RollupService,
        RollupScheduler,
        RollupRpcHandlers,
        AlertRepository,
        AlertService,
        PortfolioRepository,
        PortfolioService,
        OwnerInsightsScheduler,
        PortfolioRpcHandlers,
        RetentionJobMetrics,
        RetentionLockRepository,
        RetentionRepository,
        { provide: ContactEraser, useClass: RpcContactEraser },
        RetentionService,
        RetentionScheduler,
        UsageRepository,
        UsageService,
        UsageRpcHandlers,
        UsagePeriodService,
        UsagePeriodRpcHandlers,
        AuditRepository,
        AuditService,
        AuditRpcHandlers,
      ],
    };
  }
}

@Module({})
class InsightsOptionsModule {}
