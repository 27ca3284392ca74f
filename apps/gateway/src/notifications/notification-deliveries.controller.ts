import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { NotifierDeliveryListRpc, NotifierDeliveryRedriveRpc } from '@parley/contracts';
import { Auth, CurrentPrincipal, RateLimited, StaffRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { notifierCall } from './notifier-call.util';
import { toDeliveryHttp } from './dto/delivery.mapper';
import {
  deliveryPageSchema,
  deliveryQuerySchema,
  redriveBodySchema,
  redriveResultSchema,
  type DeliveryQuery,
  type RedriveBody,
} from './dto/deliveries.schemas';
import { notifierActor, notifierScope } from './notifier-scope.util';
import { RequiresPlanFeature } from '../quota/plan-feature.decorators';

/**
 * The delivery log: every send to a channel or inbox with its status, attempts, last error and
 * latency; dead deliveries (retries exhausted) can be sent again. Same callers as the channels.
 */
@ApiTags('notifications')
@Controller('api/v1/notification-deliveries')
@RequiresPlanFeature('notification_channels')
@Auth('api_key', 'staff', 'owner')
@StaffRoles('tenant_admin')
@RateLimited()
export class NotificationDeliveriesController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get()
  @ApiOperation({ summary: 'Deliveries, newest first, by pages (`next_cursor`), filtered by status or channel.' })
  @ApiResponse({ status: 200, standardSchema: deliveryPageSchema })
  @ApiResponse({ status: 400, description: 'Bad query parameters (problem+json listing them).' })
  async list(@CurrentPrincipal() principal: Principal, @Query({ schema: deliveryQuerySchema }) query: DeliveryQuery) {
    const page = await notifierCall(this.rpc, NotifierDeliveryListRpc, {
      version: 1,
      tenantId: notifierScope(principal),
      status: query.status,
      channelId: query.channel_id,
      limit: query.limit,
      cursor: query.cursor ?? null,
    });
    return { items: page.items.map(toDeliveryHttp), next_cursor: page.nextCursor };
  }

  @Post('redrive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send dead deliveries again (attempts reset): the listed ones, or every dead one of a channel.' })
  @ApiResponse({ status: 200, standardSchema: redriveResultSchema })
  @ApiResponse({
    status: 400,
    description: 'Neither or both of delivery_ids and channel_id, or a bad id (problem+json listing the fields).',
  })
  @ApiResponse({ status: 404, description: 'No such channel (problem+json).' })
  async redrive(@CurrentPrincipal() principal: Principal, @Body({ schema: redriveBodySchema }) body: RedriveBody) {
    const result = await notifierCall(this.rpc, NotifierDeliveryRedriveRpc, {
      version: 1,
      tenantId: notifierScope(principal),
      actor: notifierActor(principal),
      deliveryIds: body.delivery_ids ?? [],
      channelId: body.channel_id ?? null,
    });
    return { redriven: result.redriven };
  }
}
