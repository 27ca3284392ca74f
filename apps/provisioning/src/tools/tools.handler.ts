import { Injectable } from '@nestjs/common';
import { RPC_QUEUE_GROUPS, TenantToolListRpc, TenantToolPutRpc, ToolCatalogListRpc, ToolCatalogPutRpc } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { ToolsService } from './tools.service';

@Injectable()
export class ToolsRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly tools: ToolsService,
  ) {
    super(server, RPC_QUEUE_GROUPS.provisioning);
  }

  protected register(serve: Serve): void {
    serve(ToolCatalogListRpc, (req) => this.tools.listCatalog(req));
    serve(ToolCatalogPutRpc, (req) => this.tools.putCatalog(req));
    serve(TenantToolListRpc, (req) => this.tools.listTenant(req));
    serve(TenantToolPutRpc, (req) => this.tools.putTenant(req));
  }
}
