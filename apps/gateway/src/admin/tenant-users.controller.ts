import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { StaffUserCreateRpc, StaffUserListRpc, type RpcResponseOf } from '@parley/contracts';
import { RpcClient } from '@parley/messaging';
import { Auth, CurrentPrincipal, StaffRoles } from '../auth/auth.decorators';
import type { StaffPrincipal } from '../auth/principal';
import { rpcCall } from '../http/rpc-call';
import { createStaffUserBodySchema, staffUserListSchema, type CreateStaffUserBody } from './admin.schemas';

/** A tenant_admin lists and adds staff of their own tenant (the tenant comes from the token, never the request). */
@ApiTags('users')
@Controller('api/v1/users')
export class TenantUsersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Auth('staff')
  @StaffRoles('tenant_admin')
  @ApiOperation({
    summary: "The caller's tenant's staff, oldest first: email, name, role, status, last login (never a password hash). tenant_admin only.",
  })
  @ApiResponse({ status: 200, standardSchema: staffUserListSchema })
  async list(@CurrentPrincipal() admin: StaffPrincipal) {
    const { items } = await rpcCall(this.rpc, StaffUserListRpc, { version: 1, tenantId: admin.tenantId });
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
    return rpcCall(this.rpc, StaffUserCreateRpc, {
      version: 1,
      actor: { type: 'tenant_user', id: admin.userId },
      tenantId: admin.tenantId,
      ...body,
    });
  }
}
