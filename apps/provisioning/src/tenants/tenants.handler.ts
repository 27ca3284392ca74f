import { Injectable } from '@nestjs/common';
import {
  TenantConfigGetRpc,
  TenantCreateRpc,
  TenantDeactivateRpc,
  TenantGetRpc,
  TenantListRpc,
  TenantReactivateRpc,
  TenantUpdateRpc,
  RPC_QUEUE_GROUPS,
} from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { TenantsService } from './tenants.service';

@Injectable()
export class TenantsRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly tenants: TenantsService,
  ) {
    super(server, RPC_QUEUE_GROUPS.provisioning);
  }

  protected register(serve: Serve): void {
    serve(TenantCreateRpc, (req) => this.tenants.create(req));
    serve(TenantListRpc, (req) => this.tenants.list(req));
    serve(TenantGetRpc, async (req) => ({ version: 1 as const, tenant: await this.tenants.get(req.tenantId) }));
    serve(TenantUpdateRpc, (req) => this.tenants.update(req));
    serve(TenantDeactivateRpc, (req) => this.tenants.deactivate(req));
    serve(TenantReactivateRpc, (req) => this.tenants.reactivate(req));
    serve(TenantConfigGetRpc, (req) => this.tenants.configGet(req));
  }
}
