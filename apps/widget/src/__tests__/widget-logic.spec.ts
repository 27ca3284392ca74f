import { textColorOn } from '../colors.util';
import { renamed, withMessage, withNotice, withoutEmpty, withTokens, type Item } from '../conversation.util';
import { NOTICE_TEXT, noticeForAction, noticeForMode, noticeForSignals } from '../notices.util';
import { createSseParser, parseFrame } from '../sse.parser';

describe('SSE parser', () => {
  it('yields each data event across arbitrary chunk boundaries, skips comments, joins multi-line data', () => {
    const events: string[] = [];
    const feed = createSseParser((data) => events.push(data));
    const stream =
      ': connected\n\ndata: {"type":"token","content":"Hel"}\n\ndata: {"type":"token",\ndata: "content":"lo"}\r\n\r\n: ping\n\ndata:{"type":"done"}\n\n';
    for (let i = 0; i < stream.length; i += 7) feed(stream.slice(i, i + 7));
    expect(events).toEqual(['{"type":"token","content":"Hel"}', '{"type":"token",\n"content":"lo"}', '{"type":"done"}']);
    expect(events.map(parseFrame)).toEqual([{ type: 'token', content: 'Hel' }, { type: 'token', content: 'lo' }, { type: 'done' }]);
  });

  it.each([['[1,2]'], ['not json'], ['null'], ['"text"']])('parseFrame ignores %s', (data) => {
    expect(parseFrame(data)).toBeUndefined();
  });
});

describe('notices', () => {
  it.each([
    [[{ kind: 'safety', label: 'gas', score: 1 }], 'safety', NOTICE_TEXT.safety],
    [
      [
        { kind: 'urgency', label: 'high', score: 0.9 },
        { kind: 'safety', label: 'gas', score: 1 },
      ],
      'safety',
      NOTICE_TEXT.safety,
    ],
    [[{ kind: 'urgency', label: 'high', score: 0.9 }], 'urgent', NOTICE_TEXT.urgent],
  ])('signals %j give a %s notice', (signals, tone, text) => {
    expect(noticeForSignals(signals)).toMatchObject({ tone, text });
  });

  it('shows nothing for other signals, and speaks for hand-over and actions', () => {
    expect(noticeForSignals([{ kind: 'sentiment', label: 'negative' }])).toBeUndefined();
    expect(noticeForSignals([{ kind: 'urgency', label: 'low' }])).toBeUndefined();
    expect(noticeForMode('human')?.text).toBe(NOTICE_TEXT.handoff);
    expect(noticeForMode('bot')?.text).toBe(NOTICE_TEXT.botBack);
    expect(noticeForAction('requested')?.text).toBe('Passed on to the team.');
    expect(noticeForAction('done')?.text).toBe('Passed on to the team.');
    expect(noticeForAction('failed')?.text).toBe(NOTICE_TEXT.actionFailed);
    expect(noticeForAction('weird')).toBeUndefined();
  });
});

describe('conversation items', () => {
  const base: Item[] = [{ kind: 'message', id: 'a1', role: 'assistant', content: '' }];

  it('streams tokens into a message, renames it to its stored id, drops it if it stayed empty', () => {
    const streamed = withTokens(withTokens(base, 'a1', 'Hel'), 'a1', 'lo');
    expect(renamed(streamed, 'a1', 'm-9')).toEqual([{ kind: 'message', id: 'm-9', role: 'assistant', content: 'Hello' }]);
    expect(withoutEmpty(base, 'a1')).toEqual([]);
    expect(withoutEmpty(streamed, 'a1')).toHaveLength(1);
  });

  it('puts a signal notice above the answer it came before, and never the same notice twice in a row', () => {
    const urgent = { id: 'n1', tone: 'urgent' as const, text: 'urgent' };
    const withUrgent = withNotice([{ kind: 'message', id: 'u1', role: 'user', content: 'Help' }, ...base], urgent, 'a1');
    expect(withUrgent.map((i) => i.id)).toEqual(['u1', 'n1', 'a1']);
    const passed = { id: 'n2', tone: 'info' as const, text: 'Passed on to the team.' };
    expect(withNotice(withNotice(withUrgent, passed), { ...passed, id: 'n3' }).map((i) => i.id)).toEqual(['u1', 'n1', 'a1', 'n2']);
  });

  it('does not add a live staff message twice', () => {
    const staff = { kind: 'message' as const, id: 's1', role: 'staff' as const, content: 'Hi, Sam here' };
    expect(withMessage(withMessage([], staff), staff)).toEqual([staff]);
  });
});

describe('textColorOn', () => {
  it.each([
    ['#2563eb', '#ffffff'],
    ['#0f766e', '#ffffff'],
    ['#fde047', '#000000'],
    ['#ffffff', '#000000'],
    ['bad', '#ffffff'],
  ])('%s -> %s', (background, expected) => {
    expect(textColorOn(background)).toBe(expected);
  });
});
