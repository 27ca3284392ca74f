import { Injectable } from '@nestjs/common';
import {
  ChatFeedbackRpc,
  ChatHistoryRpc,
  ChatSessionCloseRpc,
  ChatSessionCreateRpc,
  ChatSessionGetRpc,
  RPC_QUEUE_GROUPS,
} from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { FeedbackService } from './feedback.service';
import { HistoryService } from './history.service';
import { SessionService } from './session.service';

/** chat.session.create / .get / .close, chat.history and chat.feedback. */
@Injectable()
export class SessionsRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly sessions: SessionService,
    private readonly history: HistoryService,
    private readonly feedback: FeedbackService,
  ) {
    super(server, RPC_QUEUE_GROUPS.chat);
  }

  protected register(serve: Serve): void {
    serve(ChatSessionCreateRpc, async (req) => ({ version: 1 as const, session: await this.sessions.create(req) }));
    serve(ChatSessionGetRpc, async (req) => ({ version: 1 as const, session: await this.sessions.get(req) }));
    serve(ChatSessionCloseRpc, async (req) => ({ version: 1 as const, session: await this.sessions.close(req) }));
    serve(ChatHistoryRpc, (req) => this.history.get(req));
    serve(ChatFeedbackRpc, (req) => this.feedback.give(req));
  }
}
