import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SiteKeyCreateRpc, SiteKeyListRpc, SiteKeyRevokeRpc } from '@parley/contracts';
import { tenantIdParamSchema } from '../admin/admin.schemas';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { OwnerPrincipal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import {
  createdSiteKeySchema,
  createSiteKeySchema,
  siteKeyIdParamSchema,
  siteKeyListSchema,
  siteKeyViewSchema,
  type CreateSiteKeyRequest,
} from './dto/widget.schemas';
import { WidgetAssets } from './widget-assets.loader';

/** The owner's view of a tenant's site keys: list, issue and rotate (audited with the owner as actor). */
@ApiTags('admin')
@Auth('owner')
@ApiNotFoundResponse({ description: 'No such tenant (problem+json).' })
@Controller('api/v1/admin/tenants/:id/site-keys')
export class AdminSiteKeysController {
  constructor(
    private readonly rpc: GatewayRpc,
    private readonly assets: WidgetAssets,
  ) {}

  @Get()
  @ApiOperation({ summary: "A tenant's site keys, allowed origins, widget theme and the widget's versioned file with its SRI hash." })
  @ApiResponse({ status: 200, standardSchema: siteKeyListSchema })
  async list(@Param('id', { schema: tenantIdParamSchema }) tenantId: string) {
    const { version: _v, ...list } = await this.rpc.call(SiteKeyListRpc, { version: 1, tenantId });
    return { ...list, widget: this.assets.release() };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Issue a site key for a tenant; `revokeOthers: true` rotates.' })
  @ApiResponse({ status: 201, standardSchema: createdSiteKeySchema })
  async create(
    @CurrentPrincipal() owner: OwnerPrincipal,
    @Param('id', { schema: tenantIdParamSchema }) tenantId: string,
    @Body({ schema: createSiteKeySchema }) body: CreateSiteKeyRequest,
  ) {
    const { siteKey, revokedKeyIds } = await this.rpc.call(SiteKeyCreateRpc, {
      version: 1,
      actor: { type: 'owner', id: owner.userId },
      tenantId,
      revokeOthers: body.revokeOthers,
    });
    return { siteKey, revokedKeyIds };
  }

  @Post(':keyId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: "Revoke one of a tenant's site keys (idempotent; audited with the owner as actor)." })
  @ApiResponse({ status: 200, standardSchema: siteKeyViewSchema })
  async revoke(
    @CurrentPrincipal() owner: OwnerPrincipal,
    @Param('id', { schema: tenantIdParamSchema }) tenantId: string,
    @Param('keyId', { schema: siteKeyIdParamSchema }) siteKeyId: string,
  ) {
    const { siteKey } = await this.rpc.call(SiteKeyRevokeRpc, {
      version: 1,
      actor: { type: 'owner', id: owner.userId },
      tenantId,
      siteKeyId,
    });
    return { siteKey };
  }
}
