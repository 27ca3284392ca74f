import {
  markedRead,
  markedReadInPages,
  toInboxFrame,
  unreadAfter,
  withLiveItem,
  withLiveItemInPages,
  type InboxItem,
} from '../inbox/inbox-frames.util';

function item(id: string, createdAt: string, readAt: string | null = null): InboxItem {
  return {
    id,
    notification_id: id,
    kind: 'handoff',
    severity: 'warning',
    title: `t${id}`,
    body: '',
    link: null,
    created_at: createdAt,
    read_at: readAt,
  };
}

describe('inbox frames', () => {
  it('accepts the two frame kinds and ignores anything else', () => {
    expect(toInboxFrame({ type: 'unread', count: 3 })).toEqual({ type: 'unread', count: 3 });
    expect(toInboxFrame({ type: 'notification', notification: item('1', '2026-12-06T10:00:00Z') })?.type).toBe('notification');
    expect(toInboxFrame({ type: 'unread', count: -1 })).toBeNull();
    expect(toInboxFrame({ type: 'unread', count: 1.5 })).toBeNull();
    expect(toInboxFrame({ type: 'notification', notification: { id: 1 } })).toBeNull();
    expect(toInboxFrame({ type: 'ping' })).toBeNull();
  });

  it('keeps the unread count: the stream count wins, a new unread entry adds one', () => {
    expect(unreadAfter(undefined, { type: 'unread', count: 4 })).toBe(4);
    expect(unreadAfter(4, { type: 'notification', notification: item('1', '2026-12-06T10:00:00Z') })).toBe(5);
    expect(unreadAfter(4, { type: 'notification', notification: item('1', '2026-12-06T10:00:00Z', '2026-12-06T10:01:00Z') })).toBe(4);
    expect(unreadAfter(undefined, { type: 'notification', notification: item('1', '2026-12-06T10:00:00Z') })).toBeUndefined();
  });

  it('merges a live entry newest first without duplicates', () => {
    const list = [item('b', '2026-12-06T10:00:00Z'), item('a', '2026-12-06T09:00:00Z')];
    expect(withLiveItem(list, item('c', '2026-12-06T11:00:00Z')).map((i) => i.id)).toEqual(['c', 'b', 'a']);
    expect(withLiveItem(list, item('b', '2026-12-06T10:00:00Z')).map((i) => i.id)).toEqual(['b', 'a']);
  });

  it('marks the listed entries, or all, read', () => {
    const list = [
      item('a', '2026-12-06T10:00:00Z'),
      item('b', '2026-12-06T09:00:00Z', '2026-12-06T09:30:00Z'),
      item('c', '2026-12-06T08:00:00Z'),
    ];
    expect(markedRead(list, ['a'], 'T').map((i) => i.read_at)).toEqual(['T', '2026-12-06T09:30:00Z', null]);
    expect(markedRead(list, null, 'T').map((i) => i.read_at)).toEqual(['T', '2026-12-06T09:30:00Z', 'T']);
  });
});

describe('inbox pages', () => {
  // Entries of a page, newest first: each an hour older than the one before, all before 10:00.
  const page = (ids: string[], cursor: string | null, firstHour = 9) => ({
    items: ids.map((id, i) => item(id, `2026-12-06T0${firstHour - i}:00:00Z`)),
    next_cursor: cursor,
    unread_count: 0,
  });

  it('puts a live entry on top of the first page and never shows it twice', () => {
    const data = { pages: [page(['b', 'c'], 'k1'), page(['d', 'x'], null, 7)], pageParams: [null, 'k1'] };
    const live = item('x', '2026-12-06T12:00:00Z');
    const next = withLiveItemInPages(data, live);
    expect(next.pages.map((p) => p.items.map((i) => i.id))).toEqual([['x', 'b', 'c'], ['d']]);
    expect(next.pageParams).toEqual([null, 'k1']);
    expect(next.pages[0].next_cursor).toBe('k1');
    expect(withLiveItemInPages({ pages: [], pageParams: [] }, live).pages).toEqual([]);
  });

  it('marks entries read on every page', () => {
    const data = { pages: [page(['a'], 'k1'), page(['b'], null, 8)], pageParams: [null, 'k1'] };
    expect(markedReadInPages(data, ['b'], 'T').pages.map((p) => p.items.map((i) => i.read_at))).toEqual([[null], ['T']]);
    expect(markedReadInPages(data, null, 'T').pages.map((p) => p.items.map((i) => i.read_at))).toEqual([['T'], ['T']]);
  });
});
