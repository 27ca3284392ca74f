import { Injectable } from '@nestjs/common';
import { NotifierRuleDeleteRpc, NotifierRuleListRpc, NotifierRulePutRpc, RPC_QUEUE_GROUPS } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { RulesService } from './rules.service';

@Injectable()
export class RulesRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly rules: RulesService,
  ) {
    super(server, RPC_QUEUE_GROUPS.notifier);
  }

  protected register(serve: Serve): void {
    serve(NotifierRuleListRpc, (req) => this.rules.list(req));
    serve(NotifierRulePutRpc, (req) => this.rules.put(req));
    serve(NotifierRuleDeleteRpc, (req) => this.rules.remove(req));
  }
}
