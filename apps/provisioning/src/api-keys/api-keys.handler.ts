import { Injectable } from '@nestjs/common';
import { ApiKeyLookupRpc, TenantKeyListRpc, TenantRotateKeyRpc, RPC_QUEUE_GROUPS } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { ApiKeysService } from './api-keys.service';

@Injectable()
export class ApiKeysRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly keys: ApiKeysService,
  ) {
    super(server, RPC_QUEUE_GROUPS.provisioning);
  }

  protected register(serve: Serve): void {
    serve(TenantRotateKeyRpc, (req) => this.keys.rotate(req));
    serve(TenantKeyListRpc, (req) => this.keys.list(req));
    serve(ApiKeyLookupRpc, (req) => this.keys.lookup(req));
  }
}
