import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { UsageTenantGetRpc } from '@parley/contracts';
import { Auth, CurrentPrincipal, RateLimited } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { tenantPrincipal } from '../tenant-principal.util';
import { tenantUsageResponseSchema, usageQuerySchema, type UsageQuery } from './dto/usage.schemas';

/**
 * The caller's own tenant's usage (usage_daily, the billing record kept by client-insights'
 * retention job): tenant staff (JWT) or the tenant's backend (API key). The tenant always comes
 * from the credential.
 */
@ApiTags('usage')
@Controller('api/v1')
@Auth('api_key', 'staff')
@RateLimited()
export class UsageController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get('usage')
  @ApiOperation({
    summary:
      "Messages, sessions started, tokens and cost per day (in the tenant's time zone) (and per model), with totals. Days before the retention cutoff are final (their messages may be deleted, their usage is kept).",
  })
  @ApiResponse({ status: 200, standardSchema: tenantUsageResponseSchema })
  @ApiResponse({ status: 400, description: 'Bad dates, from after to, or a range over 366 days (problem+json listing the fields).' })
  async get(@CurrentPrincipal() principal: Principal, @Query({ schema: usageQuerySchema }) query: UsageQuery) {
    const tenantId = tenantPrincipal(principal).tenantId;
    const {
      version: _v,
      tenantId: id,
      ...usage
    } = await this.rpc.call(UsageTenantGetRpc, { version: 1, tenantId, from: query.from, to: query.to });
    return { tenant_id: id, ...usage };
  }
}
