import type { OnApplicationBootstrap } from '@nestjs/common';
import { OwnerInsightsGetRpc, RPC_QUEUE_GROUPS } from '@parley/contracts';
import type { RpcServer } from '@parley/messaging';
import type { PortfolioService } from './portfolio.service';

/** Serves the owner's portfolio (L4) and alerts (L5) over NATS (the gateway's GET /api/v1/admin/insights, owner only). */
export class OwnerInsightsRpcEndpoints implements OnApplicationBootstrap {
  constructor(
    private readonly server: RpcServer,
    private readonly portfolio: PortfolioService,
  ) {}

  onApplicationBootstrap(): void {
    this.server.handle(
      OwnerInsightsGetRpc,
      async (req) => {
        const portfolio = await this.portfolio.compute(req.period, req.date);
        // The alerts of exactly the period computed (not recomputed from the clock, which may have moved on).
        const alerts = await this.portfolio.alerts({ start: new Date(portfolio.periodStart), end: new Date(portfolio.periodEnd) });
        return { version: 1 as const, portfolio, alerts };
      },
      { queue: RPC_QUEUE_GROUPS.clientInsights },
    );
  }
}
