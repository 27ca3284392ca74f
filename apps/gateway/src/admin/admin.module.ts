import { Module } from '@nestjs/common';
import { AdminTenantsController } from './admin-tenants.controller';
import { TenantUsersController } from './tenant-users.controller';

/** Owner administration (/api/v1/admin/tenants) and tenant_admin staff management (/api/v1/users). */
@Module({ controllers: [AdminTenantsController, TenantUsersController] })
export class AdminModule {}
