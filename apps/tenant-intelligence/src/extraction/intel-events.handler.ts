import { ChatSessionClosedEvent, ChatTurnCompletedEvent } from '@parley/contracts';
import { on } from '@parley/messaging';
import type { TurnExtractionService } from './turn-extraction.service';
import type { SessionSummaryService } from '../summary/session-summary.service';

/**
 * tenant-intelligence's durable consumer (JetStream) routes: L1b on every visitor turn, L2 on every closed
 * visitor session. A staff assistant turn or session (`audience: 'staff'`, ADR 0012) is a
 * member of staff talking to the tenant's internal assistant, not a customer: it is acked and
 * never mined into the CRM (no contact, interaction, l1b signals or summary).
 */
export function intelEventRoutes(extraction: TurnExtractionService, summaries: SessionSummaryService) {
  return [
    on(ChatTurnCompletedEvent, async (turn, meta) => {
      if (turn.audience === 'staff') return;
      await extraction.handle(turn, meta);
    }),
    on(ChatSessionClosedEvent, async (closed, meta) => {
      if (closed.audience === 'staff') return;
      await summaries.handle(closed, meta);
    }),
  ];
}
