import { Injectable } from '@nestjs/common';
import {
  IdentityProviderCreateRpc,
  IdentityProviderDeleteRpc,
  IdentityProviderGetRpc,
  IdentityProviderListRpc,
  IdentityProviderResolveRpc,
  IdentityProviderUpdateRpc,
  RPC_QUEUE_GROUPS,
} from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { IdentityProvidersService } from './identity-providers.service';

@Injectable()
export class IdentityProvidersRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly providers: IdentityProvidersService,
  ) {
    super(server, RPC_QUEUE_GROUPS.provisioning);
  }

  protected register(serve: Serve): void {
    serve(IdentityProviderListRpc, (req) => this.providers.list(req));
    serve(IdentityProviderGetRpc, (req) => this.providers.get(req));
    serve(IdentityProviderCreateRpc, (req) => this.providers.create(req));
    serve(IdentityProviderUpdateRpc, (req) => this.providers.update(req));
    serve(IdentityProviderDeleteRpc, (req) => this.providers.delete(req));
    serve(IdentityProviderResolveRpc, (req) => this.providers.resolve(req));
  }
}
