import { RPC_QUEUE_GROUPS, TenantSignalsGetRpc, TenantSignalsSetRpc, type RpcRequestOf, type SignalSettingsReply } from '@parley/contracts';
import { NatsClient, RpcError, RpcServer } from '@parley/messaging';
import { DEFAULT_CLASSIFIER_THRESHOLDS, InvalidSignalRulesError, parseTenantSignalSettings } from '@parley/signals';

// A test-owned stand-in for provisioning's signal settings RPCs: settings kept per tenant in
// memory and validated with libs/signals as provisioning does, every request recorded.

export class SignalSettingsResponder {
  readonly settings = new Map<string, Record<string, unknown>>();
  readonly gets: RpcRequestOf<typeof TenantSignalsGetRpc>[] = [];
  readonly sets: RpcRequestOf<typeof TenantSignalsSetRpc>[] = [];
  private server?: RpcServer;

  private constructor(readonly nats: NatsClient) {}

  static async start(url: string, namespace: string): Promise<SignalSettingsResponder> {
    const nats = await NatsClient.connect({ url, name: 'test-signal-settings', namespace });
    const responder = new SignalSettingsResponder(nats);
    responder.serve();
    await nats.nc.flush();
    return responder;
  }

  async close(): Promise<void> {
    await this.server?.stop();
    await this.nats.drain();
  }

  private reply(tenantId: string): SignalSettingsReply {
    return {
      version: 1,
      tenantId,
      settings: parseTenantSignalSettings(this.settings.get(tenantId) ?? {}),
      valid: true,
      defaults: { thresholds: { ...DEFAULT_CLASSIFIER_THRESHOLDS } },
    };
  }

  private serve(): void {
    const server = new RpcServer(this.nats);
    this.server = server;
    const queue = RPC_QUEUE_GROUPS.provisioning;
    server.handle(
      TenantSignalsGetRpc,
      async (request) => {
        this.gets.push(request);
        return this.reply(request.tenantId);
      },
      { queue },
    );
    server.handle(
      TenantSignalsSetRpc,
      async (request) => {
        this.sets.push(request);
        try {
          this.settings.set(request.tenantId, parseTenantSignalSettings(request.settings));
        } catch (error) {
          if (!(error instanceof InvalidSignalRulesError)) throw error;
          const issues = error.issues.map((i) => ({ path: i.path, code: 'invalid', message: i.message }));
          throw new RpcError('VALIDATION', 'invalid signal settings', { issues });
        }
        return this.reply(request.tenantId);
      },
      { queue },
    );
  }
}
