import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { TenantInsightsGetRpc } from '@parley/contracts';
import type { z } from 'zod';
import { Auth, CurrentPrincipal, RateLimited } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { tenantPrincipal } from '../tenant-principal.util';
import { insightsQuerySchema, insightsResponseSchema } from './insights.schemas';

/**
 * L3 insights of the caller's own tenant (computed by client-insights): tenant staff (JWT) or
 * the tenant's backend (API key). The tenant always comes from the credential.
 */
@ApiTags('insights')
@Controller('api/v1')
@Auth('api_key', 'staff')
@RateLimited()
export class InsightsController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get('insights')
  @ApiOperation({
    summary:
      "Day or week rollups in the tenant's time zone: volume and change, topics, sentiment, conversion, peak hours, unmet needs, repeat visitors, escalation, resolution, feedback, tokens and cost.",
  })
  @ApiResponse({ status: 200, standardSchema: insightsResponseSchema })
  @ApiResponse({ status: 400, description: 'Bad period or dates, from after to, or a range too long (problem+json).' })
  async get(@CurrentPrincipal() principal: Principal, @Query({ schema: insightsQuerySchema }) query: z.output<typeof insightsQuerySchema>) {
    const tenantId = tenantPrincipal(principal).tenantId;
    const result = await this.rpc.call(TenantInsightsGetRpc, {
      version: 1,
      tenantId,
      period: query.period,
      from: query.from,
      to: query.to,
    });
    return { tenant_id: result.tenantId, timezone: result.timezone, period: result.period, rollups: result.rollups };
  }
}
