import { Injectable } from '@nestjs/common';
import { OwnerAssistantLoadRpc, OwnerAssistantSaveRpc, RPC_QUEUE_GROUPS } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { OwnerAssistantConversationsService } from './owner-assistant.service';

@Injectable()
export class OwnerAssistantRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly conversations: OwnerAssistantConversationsService,
  ) {
    super(server, RPC_QUEUE_GROUPS.provisioning);
  }

  protected register(serve: Serve): void {
    serve(OwnerAssistantLoadRpc, (req) => this.conversations.load(req));
    serve(OwnerAssistantSaveRpc, (req) => this.conversations.save(req));
  }
}
