import { Injectable } from '@nestjs/common';
import { ChatConversationGetRpc, ChatConversationListRpc, RPC_QUEUE_GROUPS } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { ConversationsService } from './conversations.service';

/** chat.conversation.list and chat.conversation.get (the staff console). */
@Injectable()
export class ConversationsRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly conversations: ConversationsService,
  ) {
    super(server, RPC_QUEUE_GROUPS.chat);
  }

  protected register(serve: Serve): void {
    serve(ChatConversationListRpc, (req) => this.conversations.list(req));
    serve(ChatConversationGetRpc, (req) => this.conversations.get(req));
  }
}
