import { tokenCostUsd, type ModelPriceTable } from '../shared/model-prices.util';

/** chat_messages of one UTC day grouped by provider and model ("" for messages without one: the visitor's, staff replies). */
export interface MessageAggregate {
  day: string;
  provider: string;
  model: string;
  messages: number;
  tokensIn: number;
  tokensOut: number;
}

/** chat_sessions started on one UTC day. */
export interface SessionAggregate {
  day: string;
  sessions: number;
}

/** One usage_daily row as the fold writes it. */
export interface UsageDailyRow {
  day: string;
  provider: string;
  model: string;
  messages: number;
  sessions: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
}

/**
 * The usage_daily rows of a set of UTC days, recomputed in full from the day's messages and
 * sessions: one row per (day, provider, model) with its messages, tokens and cost; the sessions
 * started that day go on the day's ("", "") row (created when the day had sessions but no
 * message without a model), so summing any column over rows never counts a session twice.
 * Days in `skip` (already sealed) produce nothing. Sorted by day, provider, model.
 */
export function foldUsage(
  messages: MessageAggregate[],
  sessions: SessionAggregate[],
  prices: ModelPriceTable,
  skip: ReadonlySet<string> = new Set(),
): UsageDailyRow[] {
  const rows = new Map<string, UsageDailyRow>();
  const rowOf = (day: string, provider: string, model: string): UsageDailyRow => {
    const key = `${day}\u0000${provider}\u0000${model}`;
    let row = rows.get(key);
    if (!row) {
      row = { day, provider, model, messages: 0, sessions: 0, tokensIn: 0, tokensOut: 0, costUsd: 0 };
      rows.set(key, row);
    }
    return row;
  };
  for (const m of messages) {
    if (skip.has(m.day)) continue;
    const row = rowOf(m.day, m.provider, m.model);
    row.messages += m.messages;
    row.tokensIn += m.tokensIn;
    row.tokensOut += m.tokensOut;
  }
  for (const s of sessions) {
    if (skip.has(s.day) || s.sessions === 0) continue;
    rowOf(s.day, '', '').sessions += s.sessions;
  }
  for (const row of rows.values()) row.costUsd = tokenCostUsd(prices, row.provider, row.model, row.tokensIn, row.tokensOut);
  return [...rows.values()].sort((a, b) => compare(a.day, b.day) || compare(a.provider, b.provider) || compare(a.model, b.model));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The days whose rows differ between `current` and `next` (a row added, gone or changed), so an unchanged day is not rewritten. */
export function changedDays(current: UsageDailyRow[], next: UsageDailyRow[]): Set<string> {
  const key = (r: UsageDailyRow) => `${r.day}\u0000${r.provider}\u0000${r.model}`;
  const same = (a: UsageDailyRow, b: UsageDailyRow) =>
    a.messages === b.messages &&
    a.sessions === b.sessions &&
    a.tokensIn === b.tokensIn &&
    a.tokensOut === b.tokensOut &&
    a.costUsd === b.costUsd;
  const before = new Map(current.map((r) => [key(r), r]));
  const changed = new Set<string>();
  for (const r of next) {
    const old = before.get(key(r));
    if (!old || !same(old, r)) changed.add(r.day);
    before.delete(key(r));
  }
  for (const r of before.values()) changed.add(r.day);
  return changed;
}
