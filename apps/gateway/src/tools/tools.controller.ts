import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { TenantToolListRpc, TenantToolPutRpc } from '@parley/contracts';
import { Auth, CurrentPrincipal, RateLimited, StaffRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { withHttpPaths } from '../http/problem-paths.util';
import { actorOf, tenantPrincipal } from '../tenant-principal.util';
import {
  putTenantToolBodySchema,
  tenantToolListSchema,
  tenantToolResultSchema,
  toolKeyParamSchema,
  toTenantToolHttp,
  type PutTenantToolBody,
} from './dto/tools.schemas';
import { RequiresPlanFeature } from '../quota/plan-feature.decorators';

const TOOL_HTTP_NAMES = { integrationId: 'integration_id', closedDates: 'closed_dates', toolKey: 'key' };

/** The tools the tenant's bot may use, each with the integration that serves it. Tenant admins and the tenant's backend. */
@ApiTags('tools')
@Controller('api/v1/tools')
@RequiresPlanFeature('tools')
@Auth('api_key', 'staff')
@StaffRoles('tenant_admin')
@RateLimited()
export class ToolsController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get()
  @ApiOperation({ summary: 'Every tool of the catalogue with the tenant’s choice for it and whether the bot can use it.' })
  @ApiResponse({ status: 200, standardSchema: tenantToolListSchema })
  async list(@CurrentPrincipal() principal: Principal) {
    const result = await this.rpc.call(TenantToolListRpc, { version: 1, tenantId: tenantPrincipal(principal).tenantId });
    return { items: result.items.map(toTenantToolHttp) };
  }

  @Put(':key')
  @ApiOperation({
    summary: 'Enable, disable or configure one tool.',
    description:
      'The integration must be the tenant’s and of a kind that can serve the tool; REST/SQL integrations need the endpoint. store_hours may be served by its own opening hours instead.',
  })
  @ApiResponse({ status: 200, standardSchema: tenantToolResultSchema })
  @ApiResponse({ status: 404, description: 'No such tool in the catalogue (problem+json).' })
  async put(
    @CurrentPrincipal() principal: Principal,
    @Param('key', { schema: toolKeyParamSchema }) key: string,
    @Body({ schema: putTenantToolBodySchema }) body: PutTenantToolBody,
  ) {
    const caller = tenantPrincipal(principal);
    const { closed_dates, ...settings } = body.settings;
    const result = await withHttpPaths(TOOL_HTTP_NAMES, null, () =>
      this.rpc.call(TenantToolPutRpc, {
        version: 1,
        actor: actorOf(caller),
        tenantId: caller.tenantId,
        toolKey: key,
        enabled: body.enabled,
        integrationId: body.integration_id,
        settings: { ...settings, ...(closed_dates ? { closedDates: closed_dates } : {}) },
      }),
    );
    return { tool: toTenantToolHttp(result.tool) };
  }
}
