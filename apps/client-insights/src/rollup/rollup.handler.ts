import type { OnApplicationBootstrap } from '@nestjs/common';
import { RPC_QUEUE_GROUPS, TenantInsightsGetRpc } from '@parley/contracts';
import type { RpcServer } from '@parley/messaging';
import type { RollupService } from './rollup.service';

/** Serves L3 rollups over NATS request-reply (the gateway's GET /api/v1/insights). */
export class InsightsRpcEndpoints implements OnApplicationBootstrap {
  constructor(
    private readonly server: RpcServer,
    private readonly rollups: RollupService,
  ) {}

  onApplicationBootstrap(): void {
    this.server.handle(
      TenantInsightsGetRpc,
      async (req) => {
        const list = await this.rollups.list({ tenantId: req.tenantId, period: req.period, from: req.from, to: req.to });
        return { version: 1 as const, tenantId: req.tenantId, timezone: list.timezone, period: req.period, rollups: list.rollups };
      },
      { queue: RPC_QUEUE_GROUPS.clientInsights },
    );
  }
}
