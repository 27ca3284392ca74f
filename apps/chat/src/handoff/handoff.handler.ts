import { Injectable } from '@nestjs/common';
import { ChatHandBackRpc, ChatHandoffListRpc, ChatStaffReplyRpc, RPC_QUEUE_GROUPS } from '@parley/contracts';
import { RpcServer } from '@parley/messaging';
import { RpcHandlers, type Serve } from '@parley/runtime';
import { SessionEventsPublisher } from '../sessions/session-events.publisher';
import { StaffHandoffService } from './staff-handoff.service';

/** chat.handoff.list / .reply / .release: staff's side of a human handoff, pushed live on chat.live.<sessionId>. */
@Injectable()
export class HandoffRpcHandlers extends RpcHandlers {
  constructor(
    server: RpcServer,
    private readonly handoff: StaffHandoffService,
    private readonly events: SessionEventsPublisher,
  ) {
    super(server, RPC_QUEUE_GROUPS.chat);
  }

  protected register(serve: Serve): void {
    serve(ChatHandoffListRpc, async (req) => ({
      version: 1 as const,
      items: await this.handoff.listSessionsNeedingHuman(req.tenantId, req.limit),
    }));
    serve(ChatStaffReplyRpc, async (req) => {
      const { tenantId, sessionId } = req;
      const message = await this.handoff.replyAsStaff({ tenantId, sessionId, content: req.content, authorId: req.staffUserId });
      this.events.publish(sessionId, { version: 1, tenantId, type: 'staff_message', message });
      return { version: 1 as const, message };
    });
    serve(ChatHandBackRpc, async (req) => {
      const session = await this.handoff.handBackToBot({ tenantId: req.tenantId, sessionId: req.sessionId, staffUserId: req.staffUserId });
      this.events.publish(req.sessionId, { version: 1, tenantId: req.tenantId, type: 'mode', mode: 'bot' });
      return { version: 1 as const, session };
    });
  }
}
