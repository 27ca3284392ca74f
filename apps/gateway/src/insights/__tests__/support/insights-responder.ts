import {
  OwnerInsightsGetRpc,
  RPC_QUEUE_GROUPS,
  TenantInsightsGetRpc,
  type InsightRollupView,
  type OwnerPortfolio,
  type RpcRequestOf,
} from '@parley/contracts';
import { NatsClient, RpcError, RpcServer } from '@parley/messaging';

// A test-owned stand-in for client-insights' insights.tenant.get: one canned rollup per
// tenant (and one canned owner portfolio for insights.owner.get), every request recorded, so
// tests see exactly what the gateway sent.

export class InsightsResponder {
  readonly requests: RpcRequestOf<typeof TenantInsightsGetRpc>[] = [];
  readonly rollups = new Map<string, InsightRollupView>();
  readonly ownerRequests: RpcRequestOf<typeof OwnerInsightsGetRpc>[] = [];
  portfolio?: OwnerPortfolio;
  private server?: RpcServer;

  private constructor(readonly nats: NatsClient) {}

  static async start(url: string, namespace: string): Promise<InsightsResponder> {
    const nats = await NatsClient.connect({ url, name: 'test-insights', namespace });
    const responder = new InsightsResponder(nats);
    responder.serve();
    await nats.nc.flush();
    return responder;
  }

  async close(): Promise<void> {
    await this.server?.stop();
    await this.nats.drain();
  }

  private serve(): void {
    const server = new RpcServer(this.nats);
    this.server = server;
    server.handle(
      TenantInsightsGetRpc,
      async (request) => {
        this.requests.push(request);
        if (request.from && request.to && request.from > request.to)
          throw new RpcError('VALIDATION', `from (${request.from}) is after to (${request.to})`);
        // Like client-insights: a tenant it does not know is NOT_FOUND.
        if (!this.rollups.has(request.tenantId)) throw new RpcError('NOT_FOUND', `tenant ${request.tenantId} not found`);
        const rollup = this.rollups.get(request.tenantId);
        return {
          version: 1 as const,
          tenantId: request.tenantId,
          timezone: 'Europe/London',
          period: request.period,
          rollups: rollup ? [rollup] : [],
        };
      },
      { queue: RPC_QUEUE_GROUPS.clientInsights },
    );
    server.handle(
      OwnerInsightsGetRpc,
      async (request) => {
        this.ownerRequests.push(request);
        if (request.date && request.date > '2026-12-31')
          throw new RpcError('VALIDATION', `the ${request.period} of ${request.date} has not started yet`);
        if (!this.portfolio) throw new RpcError('INTERNAL', 'no portfolio set');
        return { version: 1 as const, portfolio: this.portfolio, alerts: [] };
      },
      { queue: RPC_QUEUE_GROUPS.clientInsights },
    );
  }
}
