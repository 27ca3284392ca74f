import { Module } from '@nestjs/common';
import { OwnerChannelsRpcHandlers } from './owner-channels.handler';
import { OwnerChannelsService } from './owner-channels.service';

/** The owner's Slack and Discord settings and request verification (ADR 0027): provisioning.owner_channels.get / set / verify. */
@Module({ providers: [OwnerChannelsService, OwnerChannelsRpcHandlers] })
export class OwnerChannelsModule {}
