import { Module, type DynamicModule } from '@nestjs/common';
import { CONSUMERS } from '@parley/contracts';
import { MESSAGING_OPTIONS, NatsClient, RpcServer, type MessagingModuleOptions } from '@parley/messaging';
import { SERVICE_LOGGER, ServiceMetrics, type Logger } from '@parley/observability';
import { OwnerDb, PrismaService, TenantDb } from '@parley/persistence';
import { DurableConsumerRunner, ServiceRuntimeModule } from '@parley/runtime';
import { AlertService } from './alerts/alert.service';
import type { AppConfig } from './config/env.schema';
import { InsightsJobMetrics } from './metrics/insights-job-metrics';
import { insightEventRoutes } from './consumer/insight-event.routes';
import { InsightEventsService } from './ingest/insight-events.service';
import { OwnerInsightsRpcEndpoints } from './portfolio/owner-insights-rpc.endpoints';
import { OwnerInsightsScheduler } from './portfolio/owner-insights-scheduler';
import { PortfolioService } from './portfolio/portfolio.service';
import { InsightsRpcEndpoints } from './rollup/insights-rpc.endpoints';
import { RollupScheduler } from './rollup/rollup-scheduler';
import { RollupService } from './rollup/rollup.service';

/**
 * Client insights: L3 tenant rollups (hourly buckets from events, scheduled and on-demand),
 * L4 owner portfolio (cross-tenant through OwnerDb only) and L5 threshold alerts.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceRuntimeModule.forRoot(config, {
          analyticsDatabaseUrl: config.database.analyticsUrl,
          consumers: [CONSUMERS.clientInsights],
          outboxRelay: true,
        }),
      ],
      providers: [
        { provide: InsightEventsService, inject: [TenantDb], useFactory: (db: TenantDb) => new InsightEventsService(db) },
        {
          provide: DurableConsumerRunner,
          inject: [NatsClient, InsightEventsService, SERVICE_LOGGER, MESSAGING_OPTIONS],
          useFactory: (client: NatsClient, events: InsightEventsService, logger: Logger, messaging: MessagingModuleOptions) =>
            new DurableConsumerRunner(client, logger.child({ component: 'consumer' }), messaging.metrics, {
              consumer: CONSUMERS.clientInsights,
              routes: insightEventRoutes(events),
              concurrency: config.insights.consumerConcurrency,
              stopTimeoutMs: config.shutdown.timeoutMs,
            }),
        },
        { provide: RollupService, inject: [TenantDb], useFactory: (db: TenantDb) => new RollupService(db, config.insights.modelPrices) },
        { provide: InsightsJobMetrics, inject: [ServiceMetrics], useFactory: (metrics: ServiceMetrics) => new InsightsJobMetrics(metrics) },
        {
          provide: RollupScheduler,
          inject: [PrismaService, RollupService, SERVICE_LOGGER, InsightsJobMetrics],
          useFactory: (prisma: PrismaService, rollups: RollupService, logger: Logger, jobs: InsightsJobMetrics) =>
            new RollupScheduler(prisma, rollups, logger.child({ component: 'l3-schedule' }), config.insights.rollupIntervalMs, jobs),
        },
        {
          provide: InsightsRpcEndpoints,
          inject: [RpcServer, RollupService],
          useFactory: (server: RpcServer, rollups: RollupService) => new InsightsRpcEndpoints(server, rollups),
        },
        { provide: AlertService, inject: [TenantDb], useFactory: (db: TenantDb) => new AlertService(db, config.insights.alertRules) },
        {
          provide: PortfolioService,
          inject: [OwnerDb, PrismaService],
          useFactory: (ownerDb: OwnerDb, prisma: PrismaService) =>
            new PortfolioService(ownerDb, prisma, config.insights.modelPrices, config.insights.portfolioRules),
        },
        {
          provide: OwnerInsightsScheduler,
          inject: [PrismaService, AlertService, PortfolioService, SERVICE_LOGGER, InsightsJobMetrics],
          useFactory: (
            prisma: PrismaService,
            alerts: AlertService,
            portfolio: PortfolioService,
            logger: Logger,
            jobs: InsightsJobMetrics,
          ) =>
            new OwnerInsightsScheduler(
              prisma,
              alerts,
              portfolio,
              logger.child({ component: 'l4-l5-schedule' }),
              config.insights.ownerIntervalMs,
              jobs,
            ),
        },
        {
          provide: OwnerInsightsRpcEndpoints,
          inject: [RpcServer, PortfolioService],
          useFactory: (server: RpcServer, portfolio: PortfolioService) => new OwnerInsightsRpcEndpoints(server, portfolio),
        },
      ],
    };
  }
}
