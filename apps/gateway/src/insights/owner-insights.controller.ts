import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { OwnerInsightsGetRpc } from '@parley/contracts';
import { RpcClient } from '@parley/messaging';
import type { z } from 'zod';
import { Auth } from '../auth/auth.decorators';
import { rpcCall } from '../http/rpc-call';
import { ownerInsightsQuerySchema, ownerInsightsResponseSchema } from './insights.schemas';

/**
 * L4 portfolio and L5 alerts for the platform owner only (owner JWT): cross-tenant numbers
 * computed by client-insights through its read-only analytics role.
 */
@ApiTags('admin')
@Controller('api/v1/admin')
@Auth('owner')
export class OwnerInsightsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get('insights')
  @ApiOperation({
    summary:
      'Portfolio of every active tenant for a UTC day or week: health (red/amber/green with reasons), benchmarks by tenant kind, churn risk against each tenant\'s trend, emerging topics across tenants, configuration vs outcome, value vs cost; plus the L5 alerts.',
  })
  @ApiResponse({ status: 200, standardSchema: ownerInsightsResponseSchema })
  @ApiResponse({ status: 400, description: 'Bad period or date, or a period that has not started (problem+json).' })
  @ApiResponse({ status: 403, description: 'Not the owner (problem+json).' })
  async get(@Query({ schema: ownerInsightsQuerySchema }) query: z.output<typeof ownerInsightsQuerySchema>) {
    const result = await rpcCall(this.rpc, OwnerInsightsGetRpc, { version: 1, period: query.period, date: query.date });
    return { portfolio: result.portfolio, alerts: result.alerts };
  }
}
