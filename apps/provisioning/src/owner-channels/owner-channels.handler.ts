import { Injectable } from '@nestjs/common';
import { OwnerChannelsGetRpc, OwnerChannelsSetRpc, OwnerChannelsVerifyRpc, RPC_QUEUE_GROUPS } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { OwnerChannelsService } from './owner-channels.service';

@Injectable()
export class OwnerChannelsRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly channels: OwnerChannelsService,
  ) {
    super(server, RPC_QUEUE_GROUPS.provisioning);
  }

  protected register(serve: Serve): void {
    serve(OwnerChannelsGetRpc, (req) => this.channels.get(req));
    serve(OwnerChannelsSetRpc, (req) => this.channels.set(req));
    serve(OwnerChannelsVerifyRpc, (req) => this.channels.verify(req));
  }
}
