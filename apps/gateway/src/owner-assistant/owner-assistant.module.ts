import { Module } from '@nestjs/common';
import { OwnerAssistantController } from './owner-assistant.controller';
import { OwnerAssistantService } from './owner-assistant.service';
import { OwnerOperationsExecutor } from './owner-operations.executor';

/**
 * The owner assistant (ADR 0026): POST /api/v1/admin/assistant. OwnerAssistantService is
 * exported for the other interfaces that will route owner messages to it (Slack, Discord).
 * Needs the app's AuthModule and GatewayHttpModule.
 */
@Module({
  controllers: [OwnerAssistantController],
  providers: [OwnerAssistantService, OwnerOperationsExecutor],
  exports: [OwnerAssistantService],
})
export class OwnerAssistantModule {}
