import { Injectable } from '@nestjs/common';
import { RPC_QUEUE_GROUPS, TenantSignalsGetRpc, TenantSignalsSetRpc } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { SignalSettingsService } from './signal-settings.service';

@Injectable()
export class SignalSettingsRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly signals: SignalSettingsService,
  ) {
    super(server, RPC_QUEUE_GROUPS.provisioning);
  }

  protected register(serve: Serve): void {
    serve(TenantSignalsGetRpc, (req) => this.signals.get(req));
    serve(TenantSignalsSetRpc, (req) => this.signals.set(req));
  }
}
