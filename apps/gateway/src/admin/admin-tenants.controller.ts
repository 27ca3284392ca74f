import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  StaffUserCreateRpc,
  StaffUserListRpc,
  TenantCreateRpc,
  TenantDeactivateRpc,
  TenantGetRpc,
  TenantKeyListRpc,
  TenantListRpc,
  TenantReactivateRpc,
  TenantRotateKeyRpc,
  TenantUpdateRpc,
  type Actor,
  type RpcResponseOf,
} from '@parley/contracts';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { OwnerPrincipal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { TenantSettingsCache } from '../http/tenant-settings.cache';
import {
  createStaffUserBodySchema,
  createTenantBodySchema,
  deactivateTenantBodySchema,
  listTenantsQuerySchema,
  rotateKeyBodySchema,
  staffUserListSchema,
  tenantAnswerSchema,
  tenantIdParamSchema,
  updateTenantBodySchema,
  type CreateStaffUserBody,
  type CreateTenantBody,
  type DeactivateTenantBody,
  type ListTenantsQuery,
  type RotateKeyBody,
  type UpdateTenantBody,
} from './admin.schemas';

const ownerActor = (owner: OwnerPrincipal): Actor => ({ type: 'owner', id: owner.userId });
const TenantId = () => Param('id', { schema: tenantIdParamSchema });

/** The platform owner's tenant administration; every change is audited by provisioning with the owner as actor. */
@ApiTags('admin')
@Auth('owner')
@ApiNotFoundResponse({ description: 'No such tenant (problem+json).' })
@Controller('api/v1/admin/tenants')
export class AdminTenantsController {
  constructor(
    private readonly rpc: GatewayRpc,
    private readonly settings: TenantSettingsCache,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a tenant; its first API key is in the answer, and only there.' })
  @ApiCreatedResponse({ standardSchema: TenantCreateRpc.response.schema })
  async create(
    @CurrentPrincipal() owner: OwnerPrincipal,
    @Body({ schema: createTenantBodySchema }) body: CreateTenantBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RpcResponseOf<typeof TenantCreateRpc>> {
    void reply.header('cache-control', 'no-store');
    return this.rpc.call(TenantCreateRpc, { version: 1, actor: ownerActor(owner), ...body });
  }

  @Get()
  @ApiOperation({ summary: 'List tenants, newest first, with cursor pagination.' })
  @ApiResponse({ status: 200, standardSchema: TenantListRpc.response.schema })
  list(@Query({ schema: listTenantsQuerySchema }) query: ListTenantsQuery): Promise<RpcResponseOf<typeof TenantListRpc>> {
    return this.rpc.call(TenantListRpc, {
      version: 1,
      limit: query.limit,
      cursor: query.cursor ?? null,
      status: query.status,
      search: query.search,
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One tenant with its configuration.' })
  @ApiResponse({ status: 200, standardSchema: tenantAnswerSchema })
  get(@TenantId() tenantId: string): Promise<RpcResponseOf<typeof TenantGetRpc>> {
    return this.rpc.call(TenantGetRpc, { version: 1, tenantId });
  }

  // Changes drop this replica's cached tenant settings at once; the others drop theirs on the
  // evt.tenant.* event the change emits (TenantEventsListener).

  @Patch(':id')
  @ApiOperation({ summary: "Change a tenant's name, time zone or configuration (every field, owner-managed ones included)." })
  @ApiResponse({ status: 200, standardSchema: TenantUpdateRpc.response.schema })
  async update(
    @CurrentPrincipal() owner: OwnerPrincipal,
    @TenantId() tenantId: string,
    @Body({ schema: updateTenantBodySchema }) patch: UpdateTenantBody,
  ): Promise<RpcResponseOf<typeof TenantUpdateRpc>> {
    const updated = await this.rpc.call(TenantUpdateRpc, { version: 1, actor: ownerActor(owner), tenantId, patch });
    this.settings.invalidate(tenantId);
    return updated;
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Pause a tenant (idempotent): its API keys, site keys, sessions and staff logins answer 403 TENANT_DEACTIVATED until it is reactivated.',
  })
  @ApiResponse({ status: 200, standardSchema: tenantAnswerSchema })
  async deactivate(
    @CurrentPrincipal() owner: OwnerPrincipal,
    @TenantId() tenantId: string,
    @Body({ schema: deactivateTenantBodySchema }) body: DeactivateTenantBody,
  ): Promise<RpcResponseOf<typeof TenantDeactivateRpc>> {
    const paused = await this.rpc.call(TenantDeactivateRpc, { version: 1, actor: ownerActor(owner), tenantId, reason: body.reason });
    this.settings.invalidate(tenantId);
    return paused;
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Resume a deactivated tenant: its API keys, site keys and sessions work again. Audited; emits evt.tenant.updated.',
  })
  @ApiResponse({ status: 200, standardSchema: tenantAnswerSchema })
  @ApiResponse({ status: 409, description: 'The tenant is already active (problem+json).' })
  async reactivate(
    @CurrentPrincipal() owner: OwnerPrincipal,
    @TenantId() tenantId: string,
  ): Promise<RpcResponseOf<typeof TenantReactivateRpc>> {
    const resumed = await this.rpc.call(TenantReactivateRpc, { version: 1, actor: ownerActor(owner), tenantId });
    this.settings.invalidate(tenantId);
    return resumed;
  }

  @Post(':id/keys/rotate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue a new API key (shown once); the old keys stop now or after graceSeconds.' })
  @ApiResponse({ status: 200, standardSchema: TenantRotateKeyRpc.response.schema })
  async rotateKey(
    @CurrentPrincipal() owner: OwnerPrincipal,
    @TenantId() tenantId: string,
    @Body({ schema: rotateKeyBodySchema }) body: RotateKeyBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RpcResponseOf<typeof TenantRotateKeyRpc>> {
    void reply.header('cache-control', 'no-store');
    return this.rpc.call(TenantRotateKeyRpc, {
      version: 1,
      actor: ownerActor(owner),
      tenantId,
      graceSeconds: body.graceSeconds,
      revokeKeyIds: body.revokeKeyIds,
    });
  }

  @Get(':id/keys')
  @ApiOperation({ summary: "A tenant's API keys (prefix, status, last use; never the key)." })
  @ApiResponse({ status: 200, standardSchema: TenantKeyListRpc.response.schema })
  keys(@TenantId() tenantId: string): Promise<RpcResponseOf<typeof TenantKeyListRpc>> {
    return this.rpc.call(TenantKeyListRpc, { version: 1, tenantId });
  }

  @Post(':id/users')
  @ApiOperation({ summary: 'Add a staff user (tenant_admin or tenant_agent) to a tenant.' })
  @ApiCreatedResponse({ standardSchema: StaffUserCreateRpc.response.schema })
  createUser(
    @CurrentPrincipal() owner: OwnerPrincipal,
    @TenantId() tenantId: string,
    @Body({ schema: createStaffUserBodySchema }) body: CreateStaffUserBody,
  ): Promise<RpcResponseOf<typeof StaffUserCreateRpc>> {
    return this.rpc.call(StaffUserCreateRpc, { version: 1, actor: ownerActor(owner), tenantId, ...body });
  }

  @Get(':id/users')
  @ApiOperation({ summary: "A tenant's staff, oldest first: email, name, role, status, last login (never a password hash)." })
  @ApiResponse({ status: 200, standardSchema: staffUserListSchema })
  async users(@TenantId() tenantId: string) {
    await this.rpc.call(TenantGetRpc, { version: 1, tenantId }); // an unknown tenant is a 404, not an empty list
    const { items } = await this.rpc.call(StaffUserListRpc, { version: 1, tenantId });
    return { items };
  }
}
