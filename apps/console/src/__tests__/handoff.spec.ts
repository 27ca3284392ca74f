import {
  checkReply,
  conversationSignals,
  isAlarming,
  MAX_REPLY_CHARS,
  modeText,
  orderedSignals,
  signalText,
  visitorName,
  type Conversation,
  type ConversationMessage,
  type Signal,
} from '../handoff/handoff.util';
import { elapsed } from '../shared/time.util';

const sig = (kind: Signal['kind'], label: string, score = 0.9): Signal => ({ kind, label, score });

function message(signals: Signal[]): ConversationMessage {
  return {
    id: 'm',
    sessionId: 's',
    turnId: null,
    role: 'user',
    content: 'x',
    interrupted: false,
    signals,
    createdAt: '2026-12-06T10:00:00Z',
  };
}

const session: Conversation['conversation'] = {
  id: 's',
  tenantId: 't',
  channel: 'widget',
  status: 'open',
  mode: 'human',
  needsHuman: true,
  contactId: null,
  contact: null,
  externalUserId: null,
  hasSummary: false,
  latestSignals: [],
  messageCount: 2,
  startedAt: '2026-12-06T10:00:00Z',
  lastActivityAt: '2026-12-06T10:01:00Z',
  closedAt: null,
  closeReason: null,
};

describe('signals in the handoff view', () => {
  it('reads as a short tag', () => {
    expect(signalText(sig('escalation', 'human_request'))).toBe('Escalation: human request');
  });

  it('puts safety, urgency and escalation first, once per kind and label', () => {
    const ordered = orderedSignals([
      sig('intent', 'booking'),
      sig('escalation', 'human_request', 0.7),
      sig('safety', 'gas'),
      sig('escalation', 'human_request', 0.9),
      sig('urgency', 'high'),
    ]);
    expect(ordered.map(signalText)).toEqual(['Safety: gas', 'Urgency: high', 'Escalation: human request', 'Intent: booking']);
    expect(ordered[2].score).toBe(0.9);
  });

  it('collects a conversation’s signals across messages', () => {
    expect(
      conversationSignals([
        message([sig('escalation', 'human_request')]),
        message([sig('escalation', 'human_request'), sig('sentiment', 'negative')]),
      ]).map(signalText),
    ).toEqual(['Escalation: human request', 'Sentiment: negative']);
  });

  it.each([
    [sig('safety', 'gas'), true],
    [sig('urgency', 'high'), true],
    [sig('urgency', 'critical'), true],
    [sig('urgency', 'low'), false],
    [sig('sentiment', 'negative'), true],
    [sig('sentiment', 'positive'), false],
    [sig('escalation', 'human_request'), false],
  ])('%j alarming: %s', (signal, expected) => {
    expect(isAlarming(signal)).toBe(expected);
  });
});

describe('the reply box', () => {
  it('sends the trimmed text, refuses an empty or too long one with the reason', () => {
    expect(checkReply('  On my way  ')).toEqual({ ok: true, content: 'On my way' });
    expect(checkReply('   ')).toEqual({ ok: false, reason: 'Write a reply first.' });
    const long = checkReply('x'.repeat(MAX_REPLY_CHARS + 1));
    expect(long.ok).toBe(false);
    expect(!long.ok && long.reason).toContain(`${MAX_REPLY_CHARS + 1}`);
  });
});

describe('the session header', () => {
  it('names the visitor by what the CRM knows, best first', () => {
    expect(visitorName({ ...session, id: '7e76eeea-0000-4000-8000-000000000000' })).toBe('Visitor 7e76eeea');
    expect(visitorName({ ...session, externalUserId: 'u-42' })).toBe('u-42');
    expect(visitorName({ ...session, contact: { id: 'c', name: null, email: 'sarah@example.com', phone: '+447700900123' } })).toBe(
      'sarah@example.com',
    );
    expect(visitorName({ ...session, contact: { id: 'c', name: 'Sarah Jones', email: 'sarah@example.com', phone: null } })).toBe(
      'Sarah Jones',
    );
  });

  it.each([
    [{ status: 'open', mode: 'human', needsHuman: true }, 'A person is answering'],
    [{ status: 'open', mode: 'bot', needsHuman: true }, 'Waiting for a person'],
    [{ status: 'open', mode: 'bot', needsHuman: false }, 'The bot is answering'],
    [{ status: 'closed', mode: 'human', needsHuman: true }, 'Closed'],
  ] as const)('%j reads "%s"', (state, text) => {
    expect(modeText(state)).toBe(text);
  });

  it('says how long ago something happened', () => {
    const now = Date.parse('2026-12-06T12:00:00Z');
    expect(elapsed('2026-12-06T11:59:30Z', now)).toBe('just now');
    expect(elapsed('2026-12-06T11:55:00Z', now)).toBe('5 min ago');
    expect(elapsed('2026-12-06T10:00:00Z', now)).toBe('2 h ago');
    expect(elapsed('2026-12-06T09:50:00Z', now)).toBe('2 h 10 min ago');
    expect(elapsed('2026-12-05T12:00:00Z', now)).toBe('1 day ago');
    expect(elapsed('2026-12-03T12:00:00Z', now)).toBe('3 days ago');
    expect(elapsed('2026-12-06T12:01:00Z', now)).toBe('just now');
    expect(elapsed('nonsense', now)).toBe('');
  });
});
