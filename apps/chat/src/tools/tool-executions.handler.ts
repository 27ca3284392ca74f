import { Injectable } from '@nestjs/common';
import { RPC_QUEUE_GROUPS, ToolExecutionListRpc } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { ToolExecutionsService } from './tool-executions.service';

/** chat.tool_execution.list (the tenant's log of tool calls). */
@Injectable()
export class ToolExecutionsRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly executions: ToolExecutionsService,
  ) {
    super(server, RPC_QUEUE_GROUPS.chat);
  }

  protected register(serve: Serve): void {
    serve(ToolExecutionListRpc, (req) => this.executions.list(req));
  }
}
