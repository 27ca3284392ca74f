import { Injectable } from '@nestjs/common';
import { ChatDegradeStatusRpc, RPC_QUEUE_GROUPS } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { DegradeState } from './degrade.state';

/** chat.degrade.status: the answering replica's automatic degrade mode (the owner's GET /admin/degrade shows it). */
@Injectable()
export class DegradeRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly degrade: DegradeState,
  ) {
    super(server, RPC_QUEUE_GROUPS.chat);
  }

  protected register(serve: Serve): void {
    serve(ChatDegradeStatusRpc, () => Promise.resolve(this.degrade.status()));
  }
}
