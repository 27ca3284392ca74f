import { Body, Controller, Get, Inject, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ToolCatalogListRpc, ToolCatalogPutRpc } from '@parley/contracts';
import type { z } from 'zod';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { OwnerPrincipal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import {
  catalogListQuerySchema,
  catalogListSchema,
  catalogResultSchema,
  putCatalogToolBodySchema,
  toolKeyParamSchema,
  toToolHttp,
  type PutCatalogToolBody,
} from './dto/tools.schemas';

/** The platform owner's tools catalogue: the built-in tools and the owner's custom ones. */
@ApiTags('admin')
@Auth('owner')
@Controller('api/v1/admin/tools')
export class AdminToolsController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get()
  @ApiOperation({ summary: 'The catalogue (disabled tools included unless include_disabled=false).' })
  @ApiResponse({ status: 200, standardSchema: catalogListSchema })
  async list(@Query({ schema: catalogListQuerySchema }) query: z.output<typeof catalogListQuerySchema>) {
    const result = await this.rpc.call(ToolCatalogListRpc, { version: 1, includeDisabled: query.include_disabled });
    return { items: result.items.map(toToolHttp) };
  }

  @Put(':key')
  @ApiOperation({
    summary: 'Create or update a catalogue tool.',
    description:
      'A built-in tool keeps its parameters, category and integration kinds (only name, description and enabled change). A custom tool needs its parameters and is served by a REST or SQL endpoint the tenant names.',
  })
  @ApiResponse({ status: 200, standardSchema: catalogResultSchema })
  async put(
    @CurrentPrincipal() owner: OwnerPrincipal,
    @Param('key', { schema: toolKeyParamSchema }) key: string,
    @Body({ schema: putCatalogToolBodySchema }) body: PutCatalogToolBody,
  ) {
    const result = await this.rpc.call(ToolCatalogPutRpc, {
      version: 1,
      actor: { type: 'owner', id: owner.userId },
      key,
      name: body.name,
      description: body.description,
      category: body.category,
      integrationKinds: body.integration_kinds,
      parameters: body.parameters,
      enabled: body.enabled,
    });
    return { tool: toToolHttp(result.tool), created: result.created };
  }
}
