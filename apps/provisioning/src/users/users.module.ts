import { Module } from '@nestjs/common';
import { OwnerBootstrapRunner } from './owner-bootstrap.runner';
import { StaffUserAdminRpcHandlers } from './staff-user-admin.handler';
import { StaffUserAdminService } from './staff-user-admin.service';
import { UsersRpcHandlers } from './users.handler';
import { UsersService } from './users.service';

@Module({
  providers: [UsersService, UsersRpcHandlers, StaffUserAdminService, StaffUserAdminRpcHandlers, OwnerBootstrapRunner],
  exports: [UsersService],
})
export class UsersModule {}
