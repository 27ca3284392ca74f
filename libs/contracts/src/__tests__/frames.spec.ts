import { randomUUID } from 'node:crypto';
import {
  ChatCancelMessage,
  ChatStreamFrameMessage,
  InboxNotificationMessage,
  isTerminalFrame,
  parseContract,
  type ChatStreamFrame,
} from '../index';
import { usage } from './fixtures';

describe('chat stream frames', () => {
  const frames: ChatStreamFrame[] = [
    { version: 1, seq: 0, type: 'signal', signals: [{ kind: 'urgency', label: 'high', score: 0.9 }] },
    { version: 1, seq: 1, type: 'token', content: 'Hel' },
    { version: 1, seq: 2, type: 'action', action: { id: randomUUID(), type: 'human_handoff', status: 'requested' } },
    { version: 1, seq: 3, type: 'done', message_id: randomUUID(), usage: usage() },
    { version: 1, seq: 4, type: 'error', error: { code: 'UPSTREAM_ERROR', message: 'provider failed' } },
  ];

  it.each(frames)('accepts a $type frame', (frame) => {
    expect(parseContract(ChatStreamFrameMessage, frame)).toEqual({ ok: true, value: frame });
  });

  it.each([
    ['an unknown type', { version: 1, seq: 0, type: 'thinking', content: 'x' }, 'type'],
    ['a done frame without usage', { version: 1, seq: 0, type: 'done', message_id: randomUUID() }, 'usage'],
    ['a signal frame with no signal', { version: 1, seq: 0, type: 'signal', signals: [] }, 'signals'],
    ['a negative seq', { version: 1, seq: -1, type: 'token', content: 'x' }, 'seq'],
    [
      'an error frame with an HTTP status instead of a code',
      { version: 1, seq: 0, type: 'error', error: { status: 500, message: 'x' } },
      'error.code',
    ],
  ])('rejects %s', (_label, frame, path) => {
    const result = parseContract(ChatStreamFrameMessage, frame);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues.map((i) => i.path)).toContain(path);
  });

  it.each(frames.map((f) => [f.type, f, f.type === 'done' || f.type === 'error'] as const))('%s terminal: %s', (_t, frame, terminal) => {
    expect(isTerminalFrame(frame)).toBe(terminal);
  });

  it('builds the stream and cancel subjects from the turn id', () => {
    const turnId = randomUUID();
    expect(ChatStreamFrameMessage.subjectFor(turnId)).toBe(`chat.stream.${turnId}`);
    expect(ChatCancelMessage.subjectFor(turnId)).toBe(`chat.cancel.${turnId}`);
    expect(() => ChatStreamFrameMessage.subjectFor('*')).toThrow();
  });
});

describe('cancel and inbox messages', () => {
  it('validates a cancel', () => {
    expect(
      parseContract(ChatCancelMessage, { version: 1, tenantId: randomUUID(), turnId: randomUUID(), reason: 'client_disconnected' }).ok,
    ).toBe(true);
    expect(parseContract(ChatCancelMessage, { version: 1, tenantId: randomUUID(), turnId: randomUUID(), reason: 'bored' }).ok).toBe(false);
  });

  it('validates an inbox notification', () => {
    const n = {
      version: 1,
      tenantId: randomUUID(),
      recipientUserId: randomUUID(),
      id: randomUUID(),
      notificationId: randomUUID(),
      kind: 'handoff',
      severity: 'critical',
      title: 'Visitor asked for a human',
      body: '',
      link: null,
      createdAt: new Date().toISOString(),
    };
    expect(parseContract(InboxNotificationMessage, n).ok).toBe(true);
    expect(parseContract(InboxNotificationMessage, { ...n, title: '' }).ok).toBe(false);
    expect(parseContract(InboxNotificationMessage, { ...n, kind: 'gossip' }).ok).toBe(false);
    const { recipientUserId: _r, ...withoutRecipient } = n;
    expect(parseContract(InboxNotificationMessage, withoutRecipient).ok).toBe(false);
  });
});

describe('chat.live session events', () => {
  const {
    ChatSessionEventMessage,
    chatSessionEventsSubject,
    parseContract: parse,
  } = jest.requireActual('../index') as typeof import('../index');
  const message = {
    id: '7d3f5c2e-1b2a-4c3d-8e9f-0a1b2c3d4e5f',
    sessionId: '7d3f5c2e-1b2a-4c3d-8e9f-0a1b2c3d4e50',
    turnId: null,
    role: 'staff',
    content: 'Hello',
    interrupted: false,
    signals: [],
    createdAt: new Date().toISOString(),
  };
  const tenantId = '1d3f5c2e-1b2a-4c3d-8e9f-0a1b2c3d4e5f';

  it('accepts a staff message and a mode change, and rejects an unknown event', () => {
    expect(parse(ChatSessionEventMessage, { version: 1, tenantId, type: 'staff_message', message }).ok).toBe(true);
    expect(parse(ChatSessionEventMessage, { version: 1, tenantId, type: 'mode', mode: 'bot' }).ok).toBe(true);
    expect(parse(ChatSessionEventMessage, { version: 1, tenantId, type: 'typing' }).ok).toBe(false);
  });

  it('lives on chat.live.<sessionId>, a uuid token only', () => {
    expect(chatSessionEventsSubject(message.sessionId)).toBe(`chat.live.${message.sessionId}`);
    expect(() => chatSessionEventsSubject('*')).toThrow();
  });
});
