import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { UsageOwnerGetRpc, UsageTenantGetRpc } from '@parley/contracts';
import { z } from 'zod';
import { Auth } from '../auth/auth.decorators';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { platformUsageResponseSchema, tenantUsageResponseSchema, usageQuerySchema, type UsageQuery } from './dto/usage.schemas';

/** Usage for the platform owner only (owner JWT): every tenant's and the total, or one tenant's exactly as it reads its own. */
@ApiTags('admin')
@Controller('api/v1/admin')
@Auth('owner')
export class OwnerUsageController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get('usage')
  @ApiOperation({
    summary: "Usage of every tenant over days (each tenant's local days): per tenant, per day (all tenants) and the platform total.",
  })
  @ApiResponse({ status: 200, standardSchema: platformUsageResponseSchema })
  @ApiResponse({ status: 400, description: 'Bad dates, from after to, or a range over 366 days (problem+json listing the fields).' })
  @ApiResponse({ status: 403, description: 'Not the owner (problem+json).' })
  async platform(@Query({ schema: usageQuerySchema }) query: UsageQuery) {
    const { version: _v, ...usage } = await this.rpc.call(UsageOwnerGetRpc, { version: 1, from: query.from, to: query.to });
    return usage;
  }

  @Get('tenants/:id/usage')
  @ApiOperation({ summary: "One tenant's usage for the owner: the same query and answer as the tenant's GET /api/v1/usage." })
  @ApiResponse({ status: 200, standardSchema: tenantUsageResponseSchema })
  @ApiResponse({ status: 400, description: 'Bad tenant id or dates, from after to, or a range over 366 days (problem+json).' })
  @ApiResponse({ status: 403, description: 'Not the owner (problem+json).' })
  @ApiResponse({ status: 404, description: 'No such tenant (problem+json).' })
  async tenant(@Param('id', { schema: z.uuid() }) tenantId: string, @Query({ schema: usageQuerySchema }) query: UsageQuery) {
    const {
      version: _v,
      tenantId: id,
      ...usage
    } = await this.rpc.call(UsageTenantGetRpc, { version: 1, tenantId, from: query.from, to: query.to });
    return { tenant_id: id, ...usage };
  }
}
