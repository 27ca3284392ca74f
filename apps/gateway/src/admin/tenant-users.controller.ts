import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { StaffUserCreateRpc, StaffUserListRpc, type RpcResponseOf } from '@parley/contracts';
import { Auth, CurrentPrincipal, StaffRoles } from '../auth/auth.decorators';
import type { StaffPrincipal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { createStaffUserBodySchema, staffUserListSchema, type CreateStaffUserBody } from './admin.schemas';

/** A tenant_admin lists and adds staff of their own tenant (the tenant comes from the token, never the request). */
@ApiTags('users')
@Controller('api/v1/users')
export class TenantUsersController {
  constructor(private readonly rpc: GatewayRpc) {}

  @Get()
  @Auth('staff')
  @StaffRoles('tenant_admin')
  @ApiOperation({
    summary: "The caller's tenant's staff, oldest first: email, name, role, status, last login (never a password hash). tenant_admin only.",
  })
  @ApiResponse({ status: 200, standardSchema: staffUserListSchema })
  async list(@CurrentPrincipal() admin: StaffPrincipal) {
    const { items } = await this.rpc.call(StaffUserListRpc, { version: 1, tenantId: admin.tenantId });
    return { items };
  }

  @Post()
  @Auth('staff')
  @StaffRoles('tenant_admin')
  @ApiOperation({ summary: "Add a staff user to the caller's own tenant (tenant_admin only)." })
  create(
    @CurrentPrincipal() admin: StaffPrincipal,
    @Body({ schema: createStaffUserBodySchema }) body: CreateStaffUserBody,
  ): Promise<RpcResponseOf<typeof StaffUserCreateRpc>> {
    return this.rpc.call(StaffUserCreateRpc, {
      version: 1,
      actor: { type: 'tenant_user', id: admin.userId },
      tenantId: admin.tenantId,
      ...body,
    });
  }
}
