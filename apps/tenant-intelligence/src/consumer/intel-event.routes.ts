import { ChatSessionClosedEvent, ChatTurnCompletedEvent } from '@parley/contracts';
import { on } from '@parley/messaging';
import type { TurnExtractionService } from '../extraction/turn-extraction.service';
import type { SessionSummaryService } from '../summary/session-summary.service';

/** What tenant-intelligence's durable consumer does: L1b on every turn, L2 on every closed session. */
export function intelEventRoutes(extraction: TurnExtractionService, summaries: SessionSummaryService) {
  return [
    on(ChatTurnCompletedEvent, async (turn, meta) => {
      await extraction.handle(turn, meta);
    }),
    on(ChatSessionClosedEvent, async (closed, meta) => {
      await summaries.handle(closed, meta);
    }),
  ];
}
