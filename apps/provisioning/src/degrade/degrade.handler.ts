import { Injectable } from '@nestjs/common';
import { DegradeGetRpc, DegradeSetRpc, RPC_QUEUE_GROUPS } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { DegradeService } from './degrade.service';

@Injectable()
export class DegradeRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly degrade: DegradeService,
  ) {
    super(server, RPC_QUEUE_GROUPS.provisioning);
  }

  protected register(serve: Serve): void {
    serve(DegradeGetRpc, (req) => this.degrade.get(req));
    serve(DegradeSetRpc, (req) => this.degrade.set(req));
  }
}
