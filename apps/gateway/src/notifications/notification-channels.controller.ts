import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  NotifierChannelCreateRpc,
  NotifierChannelDeleteRpc,
  NotifierChannelListRpc,
  NotifierChannelRotateSecretRpc,
  NotifierChannelTestRpc,
  NotifierChannelUpdateRpc,
} from '@parley/contracts';
import type { FastifyReply } from 'fastify';
import { Auth, CurrentPrincipal, RateLimited, StaffRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { notifierCall } from './notifier-call.util';
import { toChannelHttp, toChannelSettings } from './dto/channel.mapper';
import {
  channelIdParamSchema,
  channelListSchema,
  channelResultSchema,
  channelWithSecretSchema,
  createChannelBodySchema,
  deletedChannelSchema,
  rotatedSecretSchema,
  rotateSecretBodySchema,
  updateChannelBodySchema,
  type CreateChannelBody,
  type RotateSecretBody,
  type UpdateChannelBody,
} from './dto/channels.schemas';
import { toDeliveryHttp } from './dto/delivery.mapper';
import { deliveryResultSchema } from './dto/deliveries.schemas';
import { notifierActor, notifierScope } from './notifier-scope.util';
import { RequiresPlanFeature } from '../quota/plan-feature.decorators';

const ChannelId = () => Param('id', { schema: channelIdParamSchema });

/** A test send waits for the channel itself (webhooks time out after 10 s, SMTP may be slower). */
const CHANNEL_TEST_TIMEOUT_MS = 30_000;

/**
 * Where notifications go outside Parley: webhook (Standard Webhooks, signed), Slack, Discord,
 * email. Tenant admins (staff JWT) or the tenant's backend (API key) for their tenant; the
 * owner for the platform's own channels. Another scope's channel answers 404.
 */
@ApiTags('notifications')
@Controller('api/v1/notification-channels')
@RequiresPlanFeature('notification_channels')
@Auth('api_key', 'staff', 'owner')
@StaffRoles('tenant_admin')
@RateLimited()
@ApiResponse({ status: 400, description: 'Invalid body or id (problem+json listing the fields).' })
export class NotificationChannelsController {
  constructor(
    @Inject(GatewayRpc) private readonly rpc: GatewayRpc,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your notification channels (Slack and Discord URLs masked).' })
  @ApiResponse({ status: 200, standardSchema: channelListSchema })
  async list(@CurrentPrincipal() principal: Principal) {
    const result = await notifierCall(this.rpc, NotifierChannelListRpc, { version: 1, tenantId: notifierScope(principal) });
    return { items: result.items.map(toChannelHttp) };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: "Add a channel. A webhook's signing secret is in the answer, and only there." })
  @ApiResponse({ status: 201, standardSchema: channelWithSecretSchema })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: createChannelBodySchema }) body: CreateChannelBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    void reply.header('cache-control', 'no-store');
    const { name, enabled, settings } = body;
    const result = await notifierCall(this.rpc, NotifierChannelCreateRpc, {
      version: 1,
      tenantId: notifierScope(principal),
      actor: notifierActor(principal),
      name,
      enabled,
      settings: toChannelSettings(settings),
    });
    return { channel: toChannelHttp(result.channel), signing_secret: result.signingSecret };
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, enable or disable a channel, or change its settings (not its kind).' })
  @ApiResponse({ status: 200, standardSchema: channelResultSchema })
  @ApiResponse({ status: 404, description: 'No such channel (problem+json).' })
  async update(
    @CurrentPrincipal() principal: Principal,
    @ChannelId() channelId: string,
    @Body({ schema: updateChannelBodySchema }) body: UpdateChannelBody,
  ) {
    const settings = body.settings && toChannelSettings(body.settings);
    const result = await notifierCall(this.rpc, NotifierChannelUpdateRpc, {
      version: 1,
      tenantId: notifierScope(principal),
      actor: notifierActor(principal),
      channelId,
      name: body.name,
      enabled: body.enabled,
      settings,
    });
    return { channel: toChannelHttp(result.channel) };
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a channel; rules stop sending to it.' })
  @ApiResponse({ status: 200, standardSchema: deletedChannelSchema })
  @ApiResponse({ status: 404, description: 'No such channel (problem+json).' })
  async remove(@CurrentPrincipal() principal: Principal, @ChannelId() channelId: string) {
    const result = await notifierCall(this.rpc, NotifierChannelDeleteRpc, {
      version: 1,
      tenantId: notifierScope(principal),
      actor: notifierActor(principal),
      channelId,
    });
    return { channel_id: result.channelId };
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: "Issue a webhook channel's new signing secret (shown once); the old one keeps signing for grace_seconds." })
  @ApiResponse({ status: 200, standardSchema: rotatedSecretSchema })
  @ApiResponse({ status: 404, description: 'No such channel (problem+json).' })
  async rotateSecret(
    @CurrentPrincipal() principal: Principal,
    @ChannelId() channelId: string,
    @Body({ schema: rotateSecretBodySchema }) body: RotateSecretBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    void reply.header('cache-control', 'no-store');
    const result = await notifierCall(this.rpc, NotifierChannelRotateSecretRpc, {
      version: 1,
      tenantId: notifierScope(principal),
      actor: notifierActor(principal),
      channelId,
      graceSeconds: body.grace_seconds,
    });
    return { channel: toChannelHttp(result.channel), signing_secret: result.signingSecret };
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a test notification through this channel now, and see how the delivery went.' })
  @ApiResponse({ status: 200, standardSchema: deliveryResultSchema })
  @ApiResponse({ status: 404, description: 'No such channel (problem+json).' })
  async test(@CurrentPrincipal() principal: Principal, @ChannelId() channelId: string) {
    const timeoutMs = Math.max(this.config.rpc.timeoutMs, CHANNEL_TEST_TIMEOUT_MS);
    const result = await notifierCall(
      this.rpc,
      NotifierChannelTestRpc,
      { version: 1, tenantId: notifierScope(principal), actor: notifierActor(principal), channelId },
      { timeoutMs },
    );
    return { delivery: toDeliveryHttp(result.delivery) };
  }
}
