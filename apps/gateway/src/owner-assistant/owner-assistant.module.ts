import { Module } from '@nestjs/common';
import { SERVICE_LOGGER, ServiceMetrics, type Logger } from '@parley/observability';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { OwnerAssistantController } from './owner-assistant.controller';
import { OWNER_INTENT_MODEL, OwnerAssistantService } from './owner-assistant.service';
import { createOwnerIntentModel, type OwnerIntentModel } from './owner-intent.model';
import { OwnerOperationsExecutor } from './owner-operations.executor';

/** The owner's model when OWNER_ASSISTANT_LLM is set (its own router: no tenant chain, no offline fallback of answers). */
function ownerIntentModel(config: AppConfig, logger: Logger, metrics: ServiceMetrics): OwnerIntentModel | null {
  if (!config.ownerAssistant) return null;
  return createOwnerIntentModel(config.ownerAssistant, {
    logger: logger.child({ component: 'owner-assistant-llm' }),
    metrics: { registry: metrics.registry },
  });
}

/**
 * The owner assistant (ADR 0026): POST /api/v1/admin/assistant. OwnerAssistantService is
 * exported for the other interfaces that will route owner messages to it (Slack, Discord).
 * Needs the app's AuthModule, GatewayHttpModule and ServiceRuntimeModule.
 */
@Module({
  controllers: [OwnerAssistantController],
  providers: [
    OwnerAssistantService,
    OwnerOperationsExecutor,
    { provide: OWNER_INTENT_MODEL, inject: [GATEWAY_CONFIG, SERVICE_LOGGER, ServiceMetrics], useFactory: ownerIntentModel },
  ],
  exports: [OwnerAssistantService],
})
export class OwnerAssistantModule {}
