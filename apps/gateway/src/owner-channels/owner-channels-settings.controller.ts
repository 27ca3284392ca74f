import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OwnerChannelsGetRpc, OwnerChannelsSetRpc } from '@parley/contracts';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { OwnerPrincipal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { toChannelsInput, toChannelsResponse } from './owner-channels.mapper';
import { ownerChannelsRequestSchema, ownerChannelsResponseSchema, type OwnerChannelsRequestBody } from './owner-channels.schemas';

/** The owner's Slack app and Discord application that reach the owner assistant (docs/adr/0027-owner-chat-channels.md). */
@ApiTags('admin')
@Controller('api/v1/admin/chat-channels')
@Auth('owner')
export class OwnerChannelsSettingsController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get()
  @ApiOperation({ summary: "The owner's Slack and Discord settings for the assistant (the signing secret is never returned)." })
  @ApiOkResponse({ standardSchema: ownerChannelsResponseSchema })
  async get(@CurrentPrincipal() owner: OwnerPrincipal) {
    const { channels } = await this.rpc.call(OwnerChannelsGetRpc, { version: 1, ownerId: owner.userId });
    return toChannelsResponse(channels);
  }

  @Put()
  @ApiOperation({
    summary: "Sets the owner's Slack and Discord settings for the assistant (null turns a platform off).",
    description:
      'The Slack signing secret is sealed at rest and required the first time Slack is set; omitted later, the stored one is kept.',
  })
  @ApiOkResponse({ standardSchema: ownerChannelsResponseSchema })
  async put(@CurrentPrincipal() owner: OwnerPrincipal, @Body({ schema: ownerChannelsRequestSchema }) body: OwnerChannelsRequestBody) {
    const { channels } = await this.rpc.call(OwnerChannelsSetRpc, { version: 1, ownerId: owner.userId, channels: toChannelsInput(body) });
    return toChannelsResponse(channels);
  }
}
