import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ToolExecutionListRpc } from '@parley/contracts';
import type { z } from 'zod';
import { Auth, CurrentPrincipal, RateLimited, StaffRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { tenantPrincipal } from '../tenant-principal.util';
import { toolExecutionPageSchema, toolExecutionsQuerySchema, toToolExecutionHttp } from './dto/tools.schemas';
import { RequiresPlanFeature } from '../quota/plan-feature.decorators';

/** The log of the bot's tool calls (kept 90 days): tenant admins and the tenant's backend. */
@ApiTags('tools')
@Controller('api/v1/tool-executions')
@RequiresPlanFeature('tools')
@Auth('api_key', 'staff')
@StaffRoles('tenant_admin')
@RateLimited()
export class ToolExecutionsController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get()
  @ApiOperation({ summary: 'Tool calls newest first, by pages (`next_cursor`); filter by session or tool.' })
  @ApiResponse({ status: 200, standardSchema: toolExecutionPageSchema })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query({ schema: toolExecutionsQuerySchema }) query: z.output<typeof toolExecutionsQuerySchema>,
  ) {
    const page = await this.rpc.call(ToolExecutionListRpc, {
      version: 1,
      tenantId: tenantPrincipal(principal).tenantId,
      limit: query.limit,
      cursor: query.cursor ?? null,
      ...(query.session_id ? { sessionId: query.session_id } : {}),
      ...(query.tool ? { toolKey: query.tool } : {}),
    });
    return { items: page.items.map(toToolExecutionHttp), next_cursor: page.nextCursor };
  }
}
