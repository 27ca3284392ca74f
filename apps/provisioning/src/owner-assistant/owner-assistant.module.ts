import { Module } from '@nestjs/common';
import { OwnerAssistantRpcHandlers } from './owner-assistant.handler';
import { OwnerAssistantConversationsService } from './owner-assistant.service';

/** The owner assistant's conversation store (ADR 0026): provisioning.owner_assistant.load / save. */
@Module({ providers: [OwnerAssistantConversationsService, OwnerAssistantRpcHandlers] })
export class OwnerAssistantModule {}
