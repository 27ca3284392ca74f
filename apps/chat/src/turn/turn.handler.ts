import {
  ChatAssistantHistoryRpc,
  ChatAssistantSessionRpc,
  ChatConversationGetRpc,
  ChatConversationListRpc,
  ChatHandBackRpc,
  ChatHandoffListRpc,
  ChatStaffReplyRpc,
  ChatFeedbackRpc,
  ChatHistoryRpc,
  ChatSessionCloseRpc,
  ChatSessionCreateRpc,
  ChatSessionGetRpc,
  ChatTurnRpc,
  RPC_QUEUE_GROUPS,
} from '@parley/contracts';
import type { MessagingConnection, RpcEndpoint, RpcServer } from '@parley/messaging';
import type { TenantDb } from '@parley/persistence';
import { currentAssistantSession, getAssistantHistory } from '../assistant/assistant-session.use-case';
import { getConversation, listConversations } from '../conversations/conversations.use-case';
import { giveFeedback } from '../sessions/feedback.use-case';
import { getHistory } from '../sessions/history.use-case';
import type { SessionService } from '../sessions/session.service';
import { publishSessionEvent } from '../sessions/session-events.publisher';
import { handBackToBot, listSessionsNeedingHuman, replyAsStaff } from '../sessions/staff-handoff.use-case';
import type { TurnService } from '../turn/turn.service';

export interface ChatRpcHandlers {
  client: MessagingConnection;
  db: TenantDb;
  sessions: SessionService;
  turns: TurnService;
}

/** Serves every chat RPC in the `chat` queue group, so replicas share the load. */
export function serveChatRpcs(server: RpcServer, h: ChatRpcHandlers): RpcEndpoint[] {
  const queue = { queue: RPC_QUEUE_GROUPS.chat };
  return [
    server.handle(ChatTurnRpc, (req) => h.turns.run(req), queue),
    server.handle(ChatSessionCreateRpc, async (req) => ({ version: 1 as const, session: await h.sessions.create(req) }), queue),
    server.handle(ChatSessionGetRpc, async (req) => ({ version: 1 as const, session: await h.sessions.get(req) }), queue),
    server.handle(ChatSessionCloseRpc, async (req) => ({ version: 1 as const, session: await h.sessions.close(req) }), queue),
    server.handle(ChatHistoryRpc, (req) => getHistory(h.db, req), queue),
    server.handle(ChatFeedbackRpc, (req) => giveFeedback(h.db, req), queue),
    server.handle(ChatConversationListRpc, (req) => listConversations(h.db, req), queue),
    server.handle(ChatConversationGetRpc, (req) => getConversation(h.db, req), queue),
    server.handle(
      ChatHandoffListRpc,
      async (req) => ({ version: 1 as const, items: await listSessionsNeedingHuman(h.db, req.tenantId, req.limit) }),
      queue,
    ),
    server.handle(
      ChatStaffReplyRpc,
      async (req) => {
        const message = await replyAsStaff(h.db, {
          tenantId: req.tenantId,
          sessionId: req.sessionId,
          content: req.content,
          authorId: req.staffUserId,
        });
        publishSessionEvent(h.client, req.sessionId, { version: 1, tenantId: req.tenantId, type: 'staff_message', message });
        return { version: 1 as const, message };
      },
      queue,
    ),
    server.handle(
      ChatHandBackRpc,
      async (req) => {
        const session = await handBackToBot(h.db, { tenantId: req.tenantId, sessionId: req.sessionId });
        publishSessionEvent(h.client, req.sessionId, { version: 1, tenantId: req.tenantId, type: 'mode', mode: 'bot' });
        return { version: 1 as const, session };
      },
      queue,
    ),
    server.handle(
      ChatAssistantSessionRpc,
      async (req) => ({ version: 1 as const, ...(await currentAssistantSession(h.db, req.tenantId, req.staffUserId)) }),
      queue,
    ),
    server.handle(ChatAssistantHistoryRpc, (req) => getAssistantHistory(h.db, req), queue),
  ];
}
