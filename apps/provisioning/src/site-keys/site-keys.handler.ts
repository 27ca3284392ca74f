import { Injectable } from '@nestjs/common';
import {
  SiteKeyCreateRpc,
  SiteKeyListRpc,
  SiteKeyLookupRpc,
  SiteKeyRevokeRpc,
  WidgetDemoPageRpc,
  WidgetThemeSetRpc,
  RPC_QUEUE_GROUPS,
} from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { SiteKeysService } from './site-keys.service';

@Injectable()
export class SiteKeysRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly keys: SiteKeysService,
  ) {
    super(server, RPC_QUEUE_GROUPS.provisioning);
  }

  protected register(serve: Serve): void {
    serve(SiteKeyListRpc, (req) => this.keys.list(req));
    serve(SiteKeyCreateRpc, (req) => this.keys.create(req));
    serve(SiteKeyRevokeRpc, (req) => this.keys.revoke(req));
    serve(SiteKeyLookupRpc, (req) => this.keys.lookup(req));
    serve(WidgetThemeSetRpc, (req) => this.keys.setTheme(req));
    serve(WidgetDemoPageRpc, (req) => this.keys.demoPage(req));
  }
}
