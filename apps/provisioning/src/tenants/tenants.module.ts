import { Module } from '@nestjs/common';
import { TenantsRpcHandlers } from './tenants.handler';
import { TenantsService } from './tenants.service';

@Module({ providers: [TenantsService, TenantsRpcHandlers], exports: [TenantsService] })
export class TenantsModule {}
