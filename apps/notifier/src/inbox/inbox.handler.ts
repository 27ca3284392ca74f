import { Injectable } from '@nestjs/common';
import { NotifierInboxListRpc, NotifierInboxMarkReadRpc, RPC_QUEUE_GROUPS } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { InboxService } from './inbox.service';

@Injectable()
export class InboxRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly inbox: InboxService,
  ) {
    super(server, RPC_QUEUE_GROUPS.notifier);
  }

  protected register(serve: Serve): void {
    serve(NotifierInboxListRpc, (req) => this.inbox.list(req));
    serve(NotifierInboxMarkReadRpc, (req) => this.inbox.markRead(req));
  }
}
