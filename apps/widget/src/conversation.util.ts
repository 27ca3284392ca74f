import type { HistoryMessage } from './widget-api.client';
import type { Notice } from './notices.util';

/** One line of the conversation panel: a message or a notice. */
export type Item = { kind: 'message'; id: string; role: HistoryMessage['role']; content: string } | ({ kind: 'notice' } & Notice);

export const fromHistory = (messages: readonly HistoryMessage[]): Item[] =>
  messages.map((m) => ({ kind: 'message', id: m.id, role: m.role, content: m.content }));

/** Appends a message unless one with its id is there already (a live frame for a message the history had). */
export function withMessage(items: readonly Item[], message: Extract<Item, { kind: 'message' }>): Item[] {
  return items.some((i) => i.kind === 'message' && i.id === message.id) ? [...items] : [...items, message];
}

/** Appends streamed text to the message with this id. */
export function withTokens(items: readonly Item[], id: string, text: string): Item[] {
  return items.map((i) => (i.kind === 'message' && i.id === id ? { ...i, content: i.content + text } : i));
}

export function withoutEmpty(items: readonly Item[], id: string): Item[] {
  return items.filter((i) => !(i.kind === 'message' && i.id === id && i.content === ''));
}

export function renamed(items: readonly Item[], from: string, to: string): Item[] {
  return items.map((i) => (i.kind === 'message' && i.id === from ? { ...i, id: to } : i));
}

/**
 * Adds a notice: before the message `beforeId` when given (a turn's signal notice goes above its
 * answer, as the frame came first), and not twice in a row with the same text (a `requested`
 * action followed by its `done` outcome says "passed on" once).
 */
export function withNotice(items: readonly Item[], notice: Notice, beforeId?: string): Item[] {
  const last = [...items].reverse().find((i) => i.kind === 'notice');
  if (last && last.kind === 'notice' && last.text === notice.text) return [...items];
  const at = beforeId === undefined ? -1 : items.findIndex((i) => i.kind === 'message' && i.id === beforeId);
  const entry: Item = { kind: 'notice', ...notice };
  return at < 0 ? [...items, entry] : [...items.slice(0, at), entry, ...items.slice(at)];
}
