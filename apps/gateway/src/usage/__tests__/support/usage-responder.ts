import { RPC_QUEUE_GROUPS, UsageOwnerGetRpc, UsageTenantGetRpc, type RpcRequestOf } from '@parley/contracts';
import { NatsClient, RpcError, RpcServer } from '@parley/messaging';

// A test-owned stand-in for client-insights' usage RPCs: one canned number of messages per
// tenant, every request recorded, so tests see exactly what the gateway sent.

export class UsageResponder {
  readonly requests: RpcRequestOf<typeof UsageTenantGetRpc>[] = [];
  readonly ownerRequests: RpcRequestOf<typeof UsageOwnerGetRpc>[] = [];
  /** Messages per tenant id; a tenant not here is NOT_FOUND, like client-insights. */
  readonly messages = new Map<string, number>();
  private server?: RpcServer;

  private constructor(readonly nats: NatsClient) {}

  static async start(url: string, namespace: string): Promise<UsageResponder> {
    const nats = await NatsClient.connect({ url, name: 'test-usage', namespace });
    const responder = new UsageResponder(nats);
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
    const totals = (messages: number) => ({ messages, sessions: 1, tokensIn: 10 * messages, tokensOut: 5 * messages, costUsd: 0.001 });
    server.handle(
      UsageTenantGetRpc,
      async (request) => {
        this.requests.push(request);
        const messages = this.messages.get(request.tenantId);
        if (messages === undefined) throw new RpcError('NOT_FOUND', `tenant ${request.tenantId} not found`);
        const to = request.to ?? '2026-07-31';
        const from = request.from ?? '2026-07-02';
        if (from < '2025-01-01') throw new RpcError('VALIDATION', 'a usage range may span at most 366 days');
        const day = { day: to, final: false, ...totals(messages), byModel: [] };
        return { version: 1 as const, tenantId: request.tenantId, from, to, totals: totals(messages), days: [day] };
      },
      { queue: RPC_QUEUE_GROUPS.clientInsights },
    );
    server.handle(
      UsageOwnerGetRpc,
      async (request) => {
        this.ownerRequests.push(request);
        const all = [...this.messages.values()].reduce((n, m) => n + m, 0);
        const tenants = [...this.messages.entries()].map(([tenantId, m], i) => ({
          tenantId,
          slug: `t${i}`,
          displayName: `T${i}`,
          ...totals(m),
        }));
        return {
          version: 1 as const,
          from: request.from ?? '2026-07-02',
          to: request.to ?? '2026-07-31',
          totals: totals(all),
          tenants,
          days: [{ day: '2026-07-31', ...totals(all) }],
        };
      },
      { queue: RPC_QUEUE_GROUPS.clientInsights },
    );
  }
}
