import { Injectable } from '@nestjs/common';
import { OwnerInsightsGetRpc, RPC_QUEUE_GROUPS } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { PortfolioService } from './portfolio.service';

/** Serves the owner's portfolio (L4) and alerts (L5) over NATS (the gateway's GET /api/v1/admin/insights, owner only). */
@Injectable()
export class PortfolioRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly portfolio: PortfolioService,
  ) {
    super(server, RPC_QUEUE_GROUPS.clientInsights);
  }

  protected register(serve: Serve): void {
    serve(OwnerInsightsGetRpc, async (req) => {
      const portfolio = await this.portfolio.compute(req.period, req.date);
      // The alerts of exactly the period computed (not recomputed from the clock, which may have moved on).
      const alerts = await this.portfolio.alerts({ start: new Date(portfolio.periodStart), end: new Date(portfolio.periodEnd) });
      return { version: 1 as const, portfolio, alerts };
    });
  }
}
