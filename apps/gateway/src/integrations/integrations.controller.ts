import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  IntegrationCreateRpc,
  IntegrationDeleteRpc,
  IntegrationGetRpc,
  IntegrationListRpc,
  IntegrationTestRpc,
  IntegrationUpdateRpc,
} from '@parley/contracts';
import type { z } from 'zod';
import { Auth, CurrentPrincipal, RateLimited, StaffRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { actorOf, tenantPrincipal } from '../tenant-principal.util';
import { withHttpPaths } from '../http/problem-paths.util';
import { INTEGRATION_HTTP_NAMES, toCamelKeys, toSnakeKeys } from './dto/integration-keys.util';
import {
  connectionTestOpenApi,
  createIntegrationOpenApi,
  integrationBodySchema,
  integrationIdParamSchema,
  integrationListOpenApi,
  integrationOpenApi,
  integrationPatchBodySchema,
} from './dto/integrations.schemas';
import { RequiresPlanFeature } from '../quota/plan-feature.decorators';

const IntegrationId = () => Param('id', { schema: integrationIdParamSchema });

/**
 * The tenant's connected systems (Shopify, WooCommerce, REST APIs, read-only SQL sources) that
 * its tools read live. Tenant admins (staff JWT) and the tenant's backend (API key). Secrets are
 * write-only: no answer ever contains one.
 */
@ApiTags('integrations')
@Controller('api/v1/integrations')
@RequiresPlanFeature('integrations')
@Auth('api_key', 'staff')
@StaffRoles('tenant_admin')
@RateLimited()
export class IntegrationsController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get()
  @ApiOperation({ summary: "The tenant's integrations (without their secrets)." })
  @ApiResponse({ status: 200, schema: integrationListOpenApi })
  async list(@CurrentPrincipal() principal: Principal) {
    const result = await this.rpc.call(IntegrationListRpc, { version: 1, tenantId: tenantPrincipal(principal).tenantId });
    return toSnakeKeys({ items: result.items });
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Connect a system.',
    description:
      'Shopify (Admin API access token), WooCommerce (consumer key and secret), a REST API (endpoints with path templates, query/body mapping and response mapping) or a PostgreSQL/MySQL database (parameterised SELECTs, run read-only). Private and loopback addresses are refused.',
  })
  @ApiBody({ schema: createIntegrationOpenApi })
  @ApiResponse({ status: 201, schema: integrationOpenApi })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: integrationBodySchema }) body: z.output<typeof integrationBodySchema>,
  ) {
    const caller = tenantPrincipal(principal);
    const result = await withHttpPaths(INTEGRATION_HTTP_NAMES, 'integration', () =>
      this.rpc.call(IntegrationCreateRpc, {
        version: 1,
        actor: actorOf(caller),
        tenantId: caller.tenantId,
        integration: toCamelKeys(body) as never,
      }),
    );
    return toSnakeKeys({ integration: result.integration });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One integration (without its secrets).' })
  @ApiResponse({ status: 200, schema: integrationOpenApi })
  @ApiResponse({ status: 404, description: 'No such integration for this tenant (problem+json).' })
  async get(@CurrentPrincipal() principal: Principal, @IntegrationId() id: string) {
    const result = await this.rpc.call(IntegrationGetRpc, { version: 1, tenantId: tenantPrincipal(principal).tenantId, integrationId: id });
    return toSnakeKeys({ integration: result.integration });
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change an integration.',
    description: 'Absent fields keep their value; `auth`, when given, replaces the whole auth (secrets included). The kind never changes.',
  })
  @ApiResponse({ status: 200, schema: integrationOpenApi })
  async update(
    @CurrentPrincipal() principal: Principal,
    @IntegrationId() id: string,
    @Body({ schema: integrationPatchBodySchema }) body: z.output<typeof integrationPatchBodySchema>,
  ) {
    const caller = tenantPrincipal(principal);
    const result = await withHttpPaths(INTEGRATION_HTTP_NAMES, 'patch', () =>
      this.rpc.call(IntegrationUpdateRpc, {
        version: 1,
        actor: actorOf(caller),
        tenantId: caller.tenantId,
        integrationId: id,
        patch: toCamelKeys(body) as never,
      }),
    );
    return toSnakeKeys({ integration: result.integration });
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Remove an integration; the tools it served need another one.' })
  async remove(@CurrentPrincipal() principal: Principal, @IntegrationId() id: string) {
    const caller = tenantPrincipal(principal);
    const result = await this.rpc.call(IntegrationDeleteRpc, {
      version: 1,
      actor: actorOf(caller),
      tenantId: caller.tenantId,
      integrationId: id,
    });
    return { integration_id: result.integrationId };
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Call the system once with the stored credentials and say what happened.' })
  @ApiResponse({ status: 200, schema: connectionTestOpenApi })
  async test(@CurrentPrincipal() principal: Principal, @IntegrationId() id: string) {
    const caller = tenantPrincipal(principal);
    const result = await this.rpc.call(IntegrationTestRpc, {
      version: 1,
      actor: actorOf(caller),
      tenantId: caller.tenantId,
      integrationId: id,
    });
    return toSnakeKeys({ result: result.result });
  }
}
