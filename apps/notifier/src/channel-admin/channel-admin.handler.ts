import { Injectable } from '@nestjs/common';
import {
  NotifierChannelCreateRpc,
  NotifierChannelDeleteRpc,
  NotifierChannelListRpc,
  NotifierChannelRotateSecretRpc,
  NotifierChannelTestRpc,
  NotifierChannelUpdateRpc,
  RPC_QUEUE_GROUPS,
} from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { ChannelAdminService } from './channel-admin.service';

@Injectable()
export class ChannelAdminRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly channels: ChannelAdminService,
  ) {
    super(server, RPC_QUEUE_GROUPS.notifier);
  }

  protected register(serve: Serve): void {
    serve(NotifierChannelListRpc, (req) => this.channels.list(req));
    serve(NotifierChannelCreateRpc, (req) => this.channels.create(req));
    serve(NotifierChannelUpdateRpc, (req) => this.channels.update(req));
    serve(NotifierChannelDeleteRpc, (req) => this.channels.remove(req));
    serve(NotifierChannelRotateSecretRpc, (req) => this.channels.rotateSecret(req));
    serve(NotifierChannelTestRpc, (req) => this.channels.test(req));
  }
}
