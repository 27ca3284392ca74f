import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { StaffUserCreateRpc, StaffUserListRpc, StaffUserUpdateRpc, type RpcResponseOf } from '@parley/contracts';
import { Auth, CurrentPrincipal, StaffRoles } from '../auth/auth.decorators';
import { UserTokenStateCache } from '../auth/user-token-state.cache';
import type { StaffPrincipal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { createStaffUserBodySchema, staffUserListSchema, type CreateStaffUserBody } from './admin.schemas';
import {
  staffUserIdParamSchema,
  updatedStaffUserSchema,
  updateStaffUserBodySchema,
  type UpdateStaffUserBody,
} from './staff-user-update.schemas';
import { withHttpPaths } from '../http/problem-paths.util';

/** A tenant_admin lists and adds staff of their own tenant (the tenant comes from the token, never the request). */
@ApiTags('users')
@Controller('api/v1/users')
export class TenantUsersController {
  constructor(
    private readonly rpc: GatewayRpc,
    private readonly userStates: UserTokenStateCache,
  ) {}

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

  @Patch(':id')
  @Auth('staff')
  @StaffRoles('tenant_admin')
  @ApiOperation({
    summary: "Change a staff user of the caller's own tenant: role, status, password, name (tenant_admin only).",
    description: "Disabling the user, a new password or another role ends the user's existing tokens at once (401 TOKEN_REVOKED).",
  })
  @ApiResponse({ status: 200, standardSchema: updatedStaffUserSchema })
  @ApiResponse({ status: 404, description: 'No such user in this tenant (problem+json).' })
  async update(
    @CurrentPrincipal() admin: StaffPrincipal,
    @Param('id', { schema: staffUserIdParamSchema }) id: string,
    @Body({ schema: updateStaffUserBodySchema }) body: UpdateStaffUserBody,
  ) {
    const { user } = await withHttpPaths({}, 'patch', () =>
      this.rpc.call(StaffUserUpdateRpc, {
        version: 1,
        actor: { type: 'tenant_user', id: admin.userId },
        tenantId: admin.tenantId,
        userId: id,
        patch: body,
      }),
    );
    // This gateway refuses the user's old tokens from the next request; the others on evt.tenant.updated.
    this.userStates.invalidateTenant(admin.tenantId);
    const { tokenVersion: _tokenVersion, ...view } = user;
    return { user: view };
  }
}
