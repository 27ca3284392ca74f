import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffUserCreateRpc, type RpcResponseOf } from '@parley/contracts';
import { RpcClient } from '@parley/messaging';
import { Auth, CurrentPrincipal, StaffRoles } from '../auth/auth.decorators';
import type { StaffPrincipal } from '../auth/principal';
import { rpcCall } from '../http/rpc-call';
import { createStaffUserBodySchema, type CreateStaffUserBody } from './admin.schemas';

/** A tenant_admin adds staff to their own tenant (the tenant comes from the token, never the request). */
@ApiTags('users')
@Controller('api/v1/users')
export class TenantUsersController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Auth('staff')
  @StaffRoles('tenant_admin')
  @ApiOperation({ summary: "Add a staff user to the caller's own tenant (tenant_admin only)." })
  create(@CurrentPrincipal() admin: StaffPrincipal, @Body({ schema: createStaffUserBodySchema }) body: CreateStaffUserBody): Promise<RpcResponseOf<typeof StaffUserCreateRpc>> {
    return rpcCall(this.rpc, StaffUserCreateRpc, { version: 1, actor: { type: 'tenant_user', id: admin.userId }, tenantId: admin.tenantId, ...body });
  }
}
