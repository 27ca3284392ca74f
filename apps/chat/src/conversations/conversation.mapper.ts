import type { ConversationView, Signal } from '@parley/contracts';
import { toSessionView } from '../sessions/session.mapper';
import { toSignalViews } from '../common/signal-view.mapper';
import type { ConversationRow } from './conversation.repository';

const LATEST_SIGNALS = 5;

/** Newest first, one per kind and label. */
function latestDistinct(signals: readonly Signal[]): Signal[] {
  const seen = new Set<string>();
  const latest: Signal[] = [];
  for (const signal of signals) {
    const key = `${signal.kind}\u0000${signal.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    latest.push(signal);
    if (latest.length === LATEST_SIGNALS) break;
  }
  return latest;
}

export function toConversationView(row: ConversationRow): ConversationView {
  return {
    ...toSessionView(row),
    contact: row.contact ? { id: row.contact.id, name: row.contact.name, email: row.contact.email, phone: row.contact.phone } : null,
    latestSignals: latestDistinct(toSignalViews(row.signals)),
    hasSummary: row.hasSummary,
  };
}
