import { ChatSessionClosedEvent, ChatTurnCompletedEvent, IntelMessageExtractedEvent, IntelSessionSummarizedEvent } from '@parley/contracts';
import { on } from '@parley/messaging';
import type { InsightEventsService } from './insight-events.service';

/** client-insights' durable consumer (JetStream) routes: fold turn, close, extraction and summary events into hourly buckets. */
export function insightEventRoutes(events: InsightEventsService) {
  return [
    on(ChatTurnCompletedEvent, (turn, meta) => events.handleTurn(turn, meta).then(() => undefined)),
    on(ChatSessionClosedEvent, (closed, meta) => events.handleClosed(closed, meta).then(() => undefined)),
    on(IntelMessageExtractedEvent, (extracted, meta) => events.handleExtracted(extracted, meta).then(() => undefined)),
    on(IntelSessionSummarizedEvent, (summary, meta) => events.handleSummarized(summary, meta).then(() => undefined)),
  ];
}
