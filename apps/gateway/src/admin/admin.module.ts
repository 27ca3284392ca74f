import { Module } from '@nestjs/common';
import { AdminDegradeController } from './admin-degrade.controller';
import { AdminTenantsController } from './admin-tenants.controller';
import { TenantUsersController } from './tenant-users.controller';

/** Owner administration (/api/v1/admin/tenants, /api/v1/admin/degrade) and tenant_admin staff management (/api/v1/users). */
@Module({ controllers: [AdminTenantsController, AdminDegradeController, TenantUsersController] })
export class AdminModule {}
