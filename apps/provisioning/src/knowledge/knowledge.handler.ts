import { Injectable } from '@nestjs/common';
import { KnowledgeDeleteRpc, KnowledgeListRpc, KnowledgeSearchRpc, KnowledgeUploadRpc, RPC_QUEUE_GROUPS } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { KnowledgeService } from './knowledge.service';

@Injectable()
export class KnowledgeRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly knowledge: KnowledgeService,
  ) {
    super(server, RPC_QUEUE_GROUPS.provisioning);
  }

  protected register(serve: Serve): void {
    serve(KnowledgeUploadRpc, (req) => this.knowledge.upload(req));
    serve(KnowledgeListRpc, (req) => this.knowledge.list(req));
    serve(KnowledgeDeleteRpc, (req) => this.knowledge.delete(req));
    serve(KnowledgeSearchRpc, (req) => this.knowledge.search(req));
  }
}
