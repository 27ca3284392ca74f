import { Injectable } from '@nestjs/common';
import { ApiKeyLookupRpc, TenantKeyListRpc, TenantRotateKeyRpc } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '../common/rpc-handlers.base';
import { ApiKeysService } from './api-keys.service';

@Injectable()
export class ApiKeysRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly keys: ApiKeysService,
  ) {
    super(server);
  }

  protected register(serve: Serve): void {
    serve(TenantRotateKeyRpc, (req) => this.keys.rotate(req));
    serve(TenantKeyListRpc, (req) => this.keys.list(req));
    serve(ApiKeyLookupRpc, (req) => this.keys.lookup(req));
  }
}
