import { Injectable } from '@nestjs/common';
import { NotifierDeliveryListRpc, NotifierDeliveryRedriveRpc, RPC_QUEUE_GROUPS } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { DeliveryLogService } from './delivery-log.service';

@Injectable()
export class DeliveryLogRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly log: DeliveryLogService,
  ) {
    super(server, RPC_QUEUE_GROUPS.notifier);
  }

  protected register(serve: Serve): void {
    serve(NotifierDeliveryListRpc, (req) => this.log.list(req));
    serve(NotifierDeliveryRedriveRpc, (req) => this.log.redrive(req));
  }
}
