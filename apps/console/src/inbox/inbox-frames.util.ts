import type { components } from '../api/schema.gen';

export type InboxItem = components['schemas']['InboxNotification'];

/** A frame of GET /api/v1/notifications/stream, or null when it is neither kind (ignored). */
export type InboxFrame = { type: 'unread'; count: number } | { type: 'notification'; notification: InboxItem };

export function toInboxFrame(frame: Record<string, unknown>): InboxFrame | null {
  if (frame.type === 'unread' && typeof frame.count === 'number' && Number.isInteger(frame.count) && frame.count >= 0)
    return { type: 'unread', count: frame.count };
  if (frame.type === 'notification' && typeof frame.notification === 'object' && frame.notification !== null) {
    const n = frame.notification as Record<string, unknown>;
    if (typeof n.id === 'string' && typeof n.title === 'string' && typeof n.created_at === 'string')
      return { type: 'notification', notification: n as unknown as InboxItem };
  }
  return null;
}

/** The unread count after a frame: the stream's own count, or one more for a new unread entry. */
export function unreadAfter(current: number | undefined, frame: InboxFrame): number | undefined {
  if (frame.type === 'unread') return frame.count;
  if (current === undefined) return undefined;
  return frame.notification.read_at === null ? current + 1 : current;
}

/** Items with a live entry merged in: newest first, an id never twice. */
export function withLiveItem(items: readonly InboxItem[], item: InboxItem): InboxItem[] {
  const rest = items.filter((existing) => existing.id !== item.id);
  return [item, ...rest].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
}

/** Items after marking `ids` (or all, with null) read at `at`. */
export function markedRead(items: readonly InboxItem[], ids: readonly string[] | null, at: string): InboxItem[] {
  return items.map((item) => (item.read_at === null && (ids === null || ids.includes(item.id)) ? { ...item, read_at: at } : item));
}

/** The inbox as the infinite query holds it: pages, newest first (other fields are kept as they are). */
type Paged = { pages: Array<{ items: InboxItem[] }> };

/** A live entry put at the top of the first page, and taken out of any later page that held it. */
export function withLiveItemInPages<D extends Paged>(data: D, item: InboxItem): D {
  if (data.pages.length === 0) return data;
  const [first, ...rest] = data.pages;
  const pages = [
    { ...first, items: withLiveItem(first.items, item) },
    ...rest.map((page) => ({ ...page, items: page.items.filter((existing) => existing.id !== item.id) })),
  ];
  return { ...data, pages } as D;
}

/** Every page after marking `ids` (or all, with null) read at `at`. */
export function markedReadInPages<D extends Paged>(data: D, ids: readonly string[] | null, at: string): D {
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: markedRead(page.items, ids, at) })) } as D;
}
