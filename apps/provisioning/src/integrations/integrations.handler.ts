import { Injectable } from '@nestjs/common';
import {
  IntegrationCreateRpc,
  IntegrationDeleteRpc,
  IntegrationGetRpc,
  IntegrationListRpc,
  IntegrationTestRpc,
  IntegrationUpdateRpc,
  RPC_QUEUE_GROUPS,
} from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { IntegrationsService } from './integrations.service';

@Injectable()
export class IntegrationsRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly integrations: IntegrationsService,
  ) {
    super(server, RPC_QUEUE_GROUPS.provisioning);
  }

  protected register(serve: Serve): void {
    serve(IntegrationListRpc, (req) => this.integrations.list(req));
    serve(IntegrationGetRpc, (req) => this.integrations.get(req));
    serve(IntegrationCreateRpc, (req) => this.integrations.create(req));
    serve(IntegrationUpdateRpc, (req) => this.integrations.update(req));
    serve(IntegrationDeleteRpc, (req) => this.integrations.delete(req));
    serve(IntegrationTestRpc, (req) => this.integrations.test(req));
  }
}
