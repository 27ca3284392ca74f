import { NotifyRequestedEvent, type ChatTurnCompleted } from '@parley/contracts';
import { toOutboxMessage } from '@parley/messaging';
import type { OutboxMessageInput } from '@parley/persistence';
import { randomUUID } from 'node:crypto';
import type { NewSignalRow } from '../chat-tables/chat-tables.repository';
import { L1B_SOURCE } from './extraction.constants';
import type { SecondOpinion } from './second-opinion.rules';

/** message_signals.label of a flag the model raised after the answer (the inline pass missed it). */
export const LATE_FLAG = 'late_flag';
/** message_signals.label of an inline flag the model did not share (kept for retraining). */
export const MODEL_DISAGREES = 'model_disagrees';

const EXCERPT_CHARS = 300;

/**
 * What a second opinion writes: a message_signals row (source l1b, kind urgency|safety) for each
 * disagreement, and for each late flag a notification to the tenant's staff, routed like the
 * inline ones (kind urgent_callback or safety) by the tenant's notification rules.
 */
export function lateFlagWrites(turn: ChatTurnCompleted, opinions: readonly SecondOpinion[]) {
  const rows: NewSignalRow[] = [];
  const notifications: OutboxMessageInput[] = [];
  const base = { tenantId: turn.tenantId, messageId: turn.userMessageId, sessionId: turn.sessionId, source: L1B_SOURCE };
  for (const { signal, outcome } of opinions) {
    if (outcome !== 'model_only' && outcome !== 'inline_only') continue;
    rows.push({
      ...base,
      kind: signal,
      label: outcome === 'model_only' ? LATE_FLAG : MODEL_DISAGREES,
      score: null,
      data: { by: 'model', inlineUrgency: turn.signals.urgency, inlineFlags: turn.signals.flags },
    });
    if (outcome === 'model_only') notifications.push(lateNotification(turn, signal));
  }
  return { rows, notifications };
}

function lateNotification(turn: ChatTurnCompleted, signal: SecondOpinion['signal']): OutboxMessageInput {
  const excerpt = turn.userText.length > EXCERPT_CHARS ? `${turn.userText.slice(0, EXCERPT_CHARS)}…` : turn.userText;
  const safety = signal === 'safety';
  return toOutboxMessage(
    NotifyRequestedEvent,
    {
      version: 1,
      tenantId: turn.tenantId,
      notificationId: randomUUID(),
      audience: 'tenant',
      category: safety ? 'alert' : 'escalation',
      kind: safety ? 'safety' : 'urgent_callback',
      severity: safety ? 'critical' : 'warning',
      title: safety ? 'Flagged late: a visitor may be in danger' : 'Flagged late: a visitor may need help urgently',
      body:
        `The bot answered without flagging this message; a second reading by your model finds it ${safety ? 'a safety concern' : 'urgent'}. ` +
        `The visitor wrote: "${excerpt}". Please review the conversation.`,
      link: `/sessions/${turn.sessionId}`,
      channels: [],
      occurredAt: new Date().toISOString(),
    },
    turn.tenantId,
  );
}
