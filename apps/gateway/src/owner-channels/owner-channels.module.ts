import { Module } from '@nestjs/common';
import { OwnerAssistantModule } from '../owner-assistant/owner-assistant.module';
import { ChannelReplyClient } from './channel-reply.client';
import { DiscordInteractionsController } from './discord-interactions.controller';
import { OwnerChannelTurns } from './owner-channel-turns.service';
import { OwnerChannelsSettingsController } from './owner-channels-settings.controller';
import { ReplayStore } from './replay.store';
import { SignedRequestVerifier } from './signed-request.verifier';
import { SlackCommandController } from './slack-command.controller';

/**
 * The owner assistant from Slack and Discord (docs/adr/0027-owner-chat-channels.md): the owner's
 * settings (GET/PUT /api/v1/admin/chat-channels), the signed Slack slash command and Discord
 * interactions endpoints. Needs the app's AuthModule, GatewayHttpModule and ServiceRuntimeModule.
 */
@Module({
  imports: [OwnerAssistantModule],
  controllers: [OwnerChannelsSettingsController, SlackCommandController, DiscordInteractionsController],
  providers: [SignedRequestVerifier, ReplayStore, ChannelReplyClient, OwnerChannelTurns],
})
export class OwnerChannelsModule {}
