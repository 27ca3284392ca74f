import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  IdentityProviderCreateRpc,
  IdentityProviderDeleteRpc,
  IdentityProviderGetRpc,
  IdentityProviderListRpc,
  IdentityProviderUpdateRpc,
} from '@parley/contracts';
import { Auth, CurrentPrincipal, RateLimited, StaffRoles } from '../auth/auth.decorators';
import { IdentityProviderResolver } from '../auth/idp/identity-provider.resolver';
import type { StaffPrincipal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { withHttpPaths } from '../http/problem-paths.util';
import { actorOf } from '../tenant-principal.util';
import {
  IDENTITY_PROVIDER_HTTP_NAMES,
  identityProviderAnswerSchema,
  identityProviderBodySchema,
  identityProviderDeletedSchema,
  identityProviderIdParamSchema,
  identityProviderListSchema,
  identityProviderPatchSchema,
  toIdentityProviderDoc,
  toProviderInput,
  toProviderPatch,
  type IdentityProviderBody,
  type IdentityProviderPatch,
} from './dto/identity-provider.schemas';
import { RequiresPlanFeature } from '../quota/plan-feature.decorators';

const ProviderId = () => Param('id', { schema: identityProviderIdParamSchema });

/**
 * The tenant's external OpenID Connect identity providers (Keycloak, Auth0, ...): whose tokens
 * the gateway accepts for this tenant, and how their claims map to users and roles (ADR 0024).
 * Tenant admins only. A change is applied by this gateway at once and by the others on
 * evt.tenant.updated.
 */
@ApiTags('identity-providers')
@Controller('api/v1/identity-providers')
@RequiresPlanFeature('identity_providers')
@Auth('staff')
@StaffRoles('tenant_admin')
@RateLimited()
export class IdentityProvidersController {
  constructor(
    @Inject(GatewayRpc) private readonly rpc: GatewayRpc,
    @Inject(IdentityProviderResolver) private readonly resolver: IdentityProviderResolver,
  ) {}

  @Get()
  @ApiOperation({ summary: "The tenant's identity providers." })
  @ApiResponse({ status: 200, standardSchema: identityProviderListSchema })
  async list(@CurrentPrincipal() admin: StaffPrincipal) {
    const { items } = await this.rpc.call(IdentityProviderListRpc, { version: 1, tenantId: admin.tenantId });
    return { items: items.map(toIdentityProviderDoc) };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register an identity provider (issuer, audience, JWKS URL, claim and role mapping).' })
  @ApiResponse({ status: 201, standardSchema: identityProviderAnswerSchema })
  @ApiResponse({ status: 409, description: 'The issuer is already registered (problem+json).' })
  async create(@CurrentPrincipal() admin: StaffPrincipal, @Body({ schema: identityProviderBodySchema }) body: IdentityProviderBody) {
    const { provider } = await withHttpPaths(IDENTITY_PROVIDER_HTTP_NAMES, 'provider', () =>
      this.rpc.call(IdentityProviderCreateRpc, {
        version: 1,
        actor: actorOf(admin),
        tenantId: admin.tenantId,
        provider: toProviderInput(body),
      }),
    );
    this.resolver.invalidateTenant(admin.tenantId);
    return { identity_provider: toIdentityProviderDoc(provider) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One identity provider of the tenant.' })
  @ApiResponse({ status: 200, standardSchema: identityProviderAnswerSchema })
  @ApiResponse({ status: 404, description: 'No such identity provider for this tenant (problem+json).' })
  async get(@CurrentPrincipal() admin: StaffPrincipal, @ProviderId() id: string) {
    const { provider } = await this.rpc.call(IdentityProviderGetRpc, { version: 1, tenantId: admin.tenantId, providerId: id });
    return { identity_provider: toIdentityProviderDoc(provider) };
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an identity provider; absent fields keep their value, `claims` and `role_mapping` are replaced whole.' })
  @ApiResponse({ status: 200, standardSchema: identityProviderAnswerSchema })
  @ApiResponse({ status: 404, description: 'No such identity provider for this tenant (problem+json).' })
  async update(
    @CurrentPrincipal() admin: StaffPrincipal,
    @ProviderId() id: string,
    @Body({ schema: identityProviderPatchSchema }) body: IdentityProviderPatch,
  ) {
    const { provider } = await withHttpPaths(IDENTITY_PROVIDER_HTTP_NAMES, 'patch', () =>
      this.rpc.call(IdentityProviderUpdateRpc, {
        version: 1,
        actor: actorOf(admin),
        tenantId: admin.tenantId,
        providerId: id,
        patch: toProviderPatch(body),
      }),
    );
    this.resolver.invalidateTenant(admin.tenantId);
    return { identity_provider: toIdentityProviderDoc(provider) };
  }

  @Delete(':id')
  @ApiOperation({ summary: "Remove an identity provider: its users' tokens are refused from then on." })
  @ApiResponse({ status: 200, standardSchema: identityProviderDeletedSchema })
  @ApiResponse({ status: 404, description: 'No such identity provider for this tenant (problem+json).' })
  async remove(@CurrentPrincipal() admin: StaffPrincipal, @ProviderId() id: string) {
    const { providerId } = await this.rpc.call(IdentityProviderDeleteRpc, {
      version: 1,
      actor: actorOf(admin),
      tenantId: admin.tenantId,
      providerId: id,
    });
    this.resolver.invalidateTenant(admin.tenantId);
    return { identity_provider_id: providerId };
  }
}
