import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { OwnerInsightsGetRpc, TenantInsightsGetRpc } from '@parley/contracts';
import { z } from 'zod';
import { Auth } from '../auth/auth.decorators';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { insightsQuerySchema, insightsResponseSchema, ownerInsightsQuerySchema, ownerInsightsResponseSchema } from './insights.schemas';

/**
 * L4 portfolio and L5 alerts for the platform owner only (owner JWT): cross-tenant numbers
 * computed by client-insights through its read-only analytics role; and the drill-down into
 * one tenant's L3 insights, exactly as that tenant reads them at GET /api/v1/insights.
 */
@ApiTags('admin')
@Controller('api/v1/admin')
@Auth('owner')
export class OwnerInsightsController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get('insights')
  @ApiOperation({
    summary:
      "Portfolio of every active tenant for a UTC day or week: health (red/amber/green with reasons), benchmarks by tenant kind, churn risk against each tenant's trend, emerging topics across tenants, configuration vs outcome, value vs cost; plus the L5 alerts.",
  })
  @ApiResponse({ status: 200, standardSchema: ownerInsightsResponseSchema })
  @ApiResponse({ status: 400, description: 'Bad period or date, or a period that has not started (problem+json).' })
  @ApiResponse({ status: 403, description: 'Not the owner (problem+json).' })
  async get(@Query({ schema: ownerInsightsQuerySchema }) query: z.output<typeof ownerInsightsQuerySchema>) {
    const result = await this.rpc.call(OwnerInsightsGetRpc, { version: 1, period: query.period, date: query.date });
    return { portfolio: result.portfolio, alerts: result.alerts };
  }

  @Get('tenants/:id/insights')
  @ApiOperation({ summary: "One tenant's L3 insights for the owner: the same query and answer as the tenant's GET /api/v1/insights." })
  @ApiResponse({ status: 200, standardSchema: insightsResponseSchema })
  @ApiResponse({ status: 400, description: 'Bad tenant id, period or dates, from after to, or a range too long (problem+json).' })
  @ApiResponse({ status: 403, description: 'Not the owner (problem+json).' })
  @ApiResponse({ status: 404, description: 'No such tenant (problem+json).' })
  async tenant(
    @Param('id', { schema: z.uuid() }) tenantId: string,
    @Query({ schema: insightsQuerySchema }) query: z.output<typeof insightsQuerySchema>,
  ) {
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
