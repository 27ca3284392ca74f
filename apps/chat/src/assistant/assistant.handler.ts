import { Injectable } from '@nestjs/common';
import { ChatAssistantHistoryRpc, ChatAssistantSessionRpc, RPC_QUEUE_GROUPS } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { AssistantSessionService } from './assistant-session.service';

/** chat.assistant.session and chat.assistant.history: the staff assistant's sessions (ADR 0012). */
@Injectable()
export class AssistantRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly assistant: AssistantSessionService,
  ) {
    super(server, RPC_QUEUE_GROUPS.chat);
  }

  protected register(serve: Serve): void {
    serve(ChatAssistantSessionRpc, async (req) => ({
      version: 1 as const,
      ...(await this.assistant.current(req.tenantId, req.staffUserId)),
    }));
    serve(ChatAssistantHistoryRpc, (req) => this.assistant.history(req));
  }
}
