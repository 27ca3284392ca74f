import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SiteKeyCreateRpc, SiteKeyListRpc, SiteKeyRevokeRpc, WidgetThemeSetRpc } from '@parley/contracts';
import { Auth, CurrentPrincipal, RateLimited, StaffRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { actorOf, tenantPrincipal } from '../tenant-principal.util';
import { WidgetAssets } from './widget-assets.loader';
import {
  createdSiteKeySchema,
  createSiteKeySchema,
  siteKeyIdParamSchema,
  siteKeyListSchema,
  siteKeyViewSchema,
  widgetThemeBodySchema,
  widgetThemeViewSchema,
  type CreateSiteKeyRequest,
  type WidgetThemeBody,
} from './dto/widget.schemas';

/**
 * A tenant's publishable site keys and widget theme, for its admins (staff JWT, tenant_admin)
 * and its backend (API key). Site keys are public, so they are listed in full.
 */
@ApiTags('site-keys')
@Auth('api_key', 'staff')
@StaffRoles('tenant_admin')
@RateLimited()
@Controller('api/v1/site-keys')
export class SiteKeysController {
  constructor(
    private readonly rpc: GatewayRpc,
    private readonly assets: WidgetAssets,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "The tenant's site keys (newest first), its allowed origins, its widget theme and the widget's versioned file with its SRI hash (for the embed snippet).",
  })
  @ApiResponse({ status: 200, standardSchema: siteKeyListSchema })
  async list(@CurrentPrincipal() principal: Principal) {
    const { version: _v, ...list } = await this.rpc.call(SiteKeyListRpc, { version: 1, tenantId: tenantPrincipal(principal).tenantId });
    return { ...list, widget: this.assets.release() };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Issue a site key; `revokeOthers: true` rotates (every other active key stops now).' })
  @ApiResponse({ status: 201, standardSchema: createdSiteKeySchema })
  async create(@CurrentPrincipal() principal: Principal, @Body({ schema: createSiteKeySchema }) body: CreateSiteKeyRequest) {
    const caller = tenantPrincipal(principal);
    const { siteKey, revokedKeyIds } = await this.rpc.call(SiteKeyCreateRpc, {
      version: 1,
      actor: actorOf(caller),
      tenantId: caller.tenantId,
      revokeOthers: body.revokeOthers,
    });
    return { siteKey, revokedKeyIds };
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a site key (idempotent); widgets using it stop opening sessions.' })
  @ApiResponse({ status: 200, standardSchema: siteKeyViewSchema })
  @ApiResponse({ status: 404, description: 'No such site key for this tenant (problem+json).' })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', { schema: siteKeyIdParamSchema }) id: string) {
    const caller = tenantPrincipal(principal);
    const { siteKey } = await this.rpc.call(SiteKeyRevokeRpc, {
      version: 1,
      actor: actorOf(caller),
      tenantId: caller.tenantId,
      siteKeyId: id,
    });
    return { siteKey };
  }

  @Put('theme')
  @ApiOperation({ summary: "Change the widget's colour, name, greeting or position (fields given replace, the others stay)." })
  @ApiResponse({ status: 200, standardSchema: widgetThemeViewSchema })
  async theme(@CurrentPrincipal() principal: Principal, @Body({ schema: widgetThemeBodySchema }) body: WidgetThemeBody) {
    const caller = tenantPrincipal(principal);
    const { theme } = await this.rpc.call(WidgetThemeSetRpc, {
      version: 1,
      actor: actorOf(caller),
      tenantId: caller.tenantId,
      theme: body,
    });
    return { theme };
  }
}
