import { Injectable } from '@nestjs/common';
import { RPC_QUEUE_GROUPS, UsagePeriodTotalsRpc } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { UsagePeriodService } from './usage-period.service';

/** Serves a tenant's billed usage of a range of days (the gateway's quota counters and invoice previews). */
@Injectable()
export class UsagePeriodRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly periods: UsagePeriodService,
  ) {
    super(server, RPC_QUEUE_GROUPS.clientInsights);
  }

  protected register(serve: Serve): void {
    serve(UsagePeriodTotalsRpc, async (req) => ({
      version: 1 as const,
      tenantId: req.tenantId,
      from: req.from,
      to: req.to,
      usage: await this.periods.totals(req.tenantId, req.from, req.to),
    }));
  }
}
