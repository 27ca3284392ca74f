import { Injectable } from '@nestjs/common';
import { RPC_QUEUE_GROUPS, TenantInsightsGetRpc } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { RollupService } from './rollup.service';

/** Serves L3 rollups over NATS request-reply (the gateway's GET /api/v1/insights). */
@Injectable()
export class RollupRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly rollups: RollupService,
  ) {
    super(server, RPC_QUEUE_GROUPS.clientInsights);
  }

  protected register(serve: Serve): void {
    serve(TenantInsightsGetRpc, async (req) => {
      const list = await this.rollups.list({ tenantId: req.tenantId, period: req.period, from: req.from, to: req.to });
      return { version: 1 as const, tenantId: req.tenantId, timezone: list.timezone, period: req.period, rollups: list.rollups };
    });
  }
}
