import { markedRead, toInboxFrame, unreadAfter, withLiveItem, type InboxItem } from '../inbox/inbox-frames.util';

function item(id: string, createdAt: string, readAt: string | null = null): InboxItem {
  return { id, notification_id: id, kind: 'handoff', severity: 'warning', title: `t${id}`, body: '', link: null, created_at: createdAt, read_at: readAt };
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
    const list = [item('a', '2026-12-06T10:00:00Z'), item('b', '2026-12-06T09:00:00Z', '2026-12-06T09:30:00Z'), item('c', '2026-12-06T08:00:00Z')];
    expect(markedRead(list, ['a'], 'T').map((i) => i.read_at)).toEqual(['T', '2026-12-06T09:30:00Z', null]);
    expect(markedRead(list, null, 'T').map((i) => i.read_at)).toEqual(['T', '2026-12-06T09:30:00Z', 'T']);
  });
});
