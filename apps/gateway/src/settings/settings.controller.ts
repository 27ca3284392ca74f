import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { TenantGetRpc, TenantUpdateRpc, type TenantWithConfig } from '@parley/contracts';
import { Auth, CurrentPrincipal, RateLimited, StaffRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { TenantSettingsCache } from '../http/tenant-settings.cache';
import { actorOf, tenantPrincipal } from '../tenant-principal.util';
import { OWNER_MANAGED_FIELDS, tenantSettingsSchema, updateSettingsBodySchema, type UpdateSettingsBody } from './settings.schemas';

const answer = (tenant: TenantWithConfig) => ({ tenant, ownerManaged: [...OWNER_MANAGED_FIELDS] });

/**
 * The caller's own tenant and its bot configuration: every staff role and the tenant's API key
 * read it; tenant admins and the API key change it (provisioning audits the change and emits
 * evt.tenant.updated, which drops every gateway's cached settings).
 */
@ApiTags('settings')
@Controller('api/v1/settings')
@Auth('api_key', 'staff')
@RateLimited()
export class SettingsController {
  constructor(
    private readonly rpc: GatewayRpc,
    private readonly settings: TenantSettingsCache,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "The tenant's name, time zone, status and bot configuration (persona, tone, topics, emergency text, handoff, allowed origins, and the owner-managed model, retention and rate limit).",
  })
  @ApiResponse({ status: 200, standardSchema: tenantSettingsSchema })
  async get(@CurrentPrincipal() principal: Principal) {
    const { tenant } = await this.rpc.call(TenantGetRpc, { version: 1, tenantId: tenantPrincipal(principal).tenantId });
    return answer(tenant);
  }

  @Patch()
  @StaffRoles('tenant_admin')
  @ApiOperation({
    summary: 'Change the bot settings a tenant sets itself (tenant_admin or API key); audited. Owner-managed fields are refused.',
  })
  @ApiResponse({ status: 200, standardSchema: tenantSettingsSchema })
  @ApiResponse({ status: 400, description: 'Invalid or owner-managed fields, listed (problem+json); nothing is stored.' })
  async update(@CurrentPrincipal() principal: Principal, @Body({ schema: updateSettingsBodySchema }) patch: UpdateSettingsBody) {
    const caller = tenantPrincipal(principal);
    const { tenant } = await this.rpc.call(TenantUpdateRpc, { version: 1, actor: actorOf(caller), tenantId: caller.tenantId, patch });
    this.settings.invalidate(caller.tenantId);
    return answer(tenant);
  }
}
