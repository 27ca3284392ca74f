import { Injectable } from '@nestjs/common';
import { RPC_QUEUE_GROUPS, UsageOwnerGetRpc, UsageTenantGetRpc } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { UsageService } from './usage.service';

/** Serves usage_daily over NATS: a tenant's days (GET /api/v1/usage and the owner's drill-down) and every tenant's (owner only). */
@Injectable()
export class UsageRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly usage: UsageService,
  ) {
    super(server, RPC_QUEUE_GROUPS.clientInsights);
  }

  protected register(serve: Serve): void {
    serve(UsageTenantGetRpc, async (req) => ({ version: 1 as const, ...(await this.usage.tenant(req.tenantId, req.from, req.to)) }));
    serve(UsageOwnerGetRpc, async (req) => ({ version: 1 as const, ...(await this.usage.platform(req.from, req.to)) }));
  }
}
