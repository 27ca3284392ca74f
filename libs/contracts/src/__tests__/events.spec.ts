import { randomUUID } from 'node:crypto';
import {
  ActionRequestedEvent,
  ChatSessionClosedEvent,
  ChatTurnCompletedEvent,
  InsightsAlertEvent,
  IntelMessageExtractedEvent,
  IntelSessionSummarizedEvent,
  NotifyRequestedEvent,
  TenantCreatedEvent,
  TenantDeactivatedEvent,
  TenantKeyRotatedEvent,
  TenantUpdatedEvent,
  deadLetterSchema,
  parseContract,
  type EventContract,
} from '../index';
import { validEvents } from './fixtures';

type Payload = Record<string, unknown>;

const cases: Array<[string, EventContract, () => Payload]> = [
  ['chat.turn_completed', ChatTurnCompletedEvent, () => validEvents.chatTurnCompleted()],
  ['chat.session_closed', ChatSessionClosedEvent, () => validEvents.chatSessionClosed()],
  ['intel.message_extracted', IntelMessageExtractedEvent, () => validEvents.intelMessageExtracted()],
  ['intel.session_summarized', IntelSessionSummarizedEvent, () => validEvents.intelSessionSummarized()],
  ['tenant.created', TenantCreatedEvent, () => validEvents.tenantCreated()],
  ['tenant.updated', TenantUpdatedEvent, () => validEvents.tenantUpdated()],
  ['tenant.key_rotated', TenantKeyRotatedEvent, () => validEvents.tenantKeyRotated()],
  ['tenant.deactivated', TenantDeactivatedEvent, () => validEvents.tenantDeactivated()],
  ['insights.alert', InsightsAlertEvent, () => validEvents.insightsAlert()],
  ['notify.requested', NotifyRequestedEvent, () => validEvents.notifyRequested()],
  ['action.requested', ActionRequestedEvent, () => validEvents.actionRequested()],
];

describe.each(cases)('%s', (name, contract, valid) => {
  it('declares its name, version 1 and pattern', () => {
    expect(contract).toMatchObject({ kind: 'event', name, version: 1, pattern: `evt.${name}.*`, id: `evt.${name}` });
  });

  it('accepts a valid payload', () => {
    const payload = valid();
    expect(parseContract(contract, payload)).toEqual({ ok: true, value: payload });
  });

  it.each<[string, (p: Payload) => void, string]>([
    ['a missing version', (p) => delete p.version, 'version'],
    ['version 2 (not yet defined)', (p) => (p.version = 2), 'version'],
    ['a non-uuid tenantId', (p) => (p.tenantId = 'acme'), 'tenantId'],
    ['a non-ISO occurredAt', (p) => (p.occurredAt = 'yesterday'), 'occurredAt'],
    ['a missing occurredAt', (p) => delete p.occurredAt, 'occurredAt'],
  ])('rejects %s and names the field', (_label, mutate, path) => {
    const payload = valid();
    mutate(payload);
    const result = parseContract(contract, payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.contract).toBe(`evt.${name}`);
    expect(result.error.issues.map((i) => i.path)).toContain(path);
  });
});

describe('event-specific rules', () => {
  it.each<[string, EventContract, Payload, string]>([
    [
      'turn without usage.model',
      ChatTurnCompletedEvent,
      { ...validEvents.chatTurnCompleted(), usage: { inputTokens: 1, outputTokens: 1, provider: 'openai', latencyMs: 1 } },
      'usage.model',
    ],
    [
      'turn with negative tokens',
      ChatTurnCompletedEvent,
      { ...validEvents.chatTurnCompleted(), usage: { inputTokens: -1, outputTokens: 1, model: 'm', provider: 'p', latencyMs: 1 } },
      'usage.inputTokens',
    ],
    ['turn with an empty user text', ChatTurnCompletedEvent, { ...validEvents.chatTurnCompleted(), userText: '' }, 'userText'],
    [
      'turn with a bad message id',
      ChatTurnCompletedEvent,
      { ...validEvents.chatTurnCompleted(), assistantMessageId: '42' },
      'assistantMessageId',
    ],
    [
      'turn with an unknown urgency',
      ChatTurnCompletedEvent,
      { ...validEvents.chatTurnCompleted(), signals: { ...validEvents.chatTurnCompleted().signals, urgency: 'meh' } },
      'signals.urgency',
    ],
    ['session closed for an unknown reason', ChatSessionClosedEvent, { ...validEvents.chatSessionClosed(), reason: 'bored' }, 'reason'],
    [
      'extraction with an out-of-range sentiment',
      IntelMessageExtractedEvent,
      { ...validEvents.intelMessageExtracted(), sentimentScore: 3 },
      'sentimentScore',
    ],
    [
      'extraction with an empty entity value',
      IntelMessageExtractedEvent,
      { ...validEvents.intelMessageExtracted(), entities: [{ type: 'email', value: '' }] },
      'entities.0.value',
    ],
    ['summary with an unknown method', IntelSessionSummarizedEvent, { ...validEvents.intelSessionSummarized(), method: 'guess' }, 'method'],
    ['tenant with an uppercase slug', TenantCreatedEvent, { ...validEvents.tenantCreated(), slug: 'Acme' }, 'slug'],
    ['update with no changed field', TenantUpdatedEvent, { ...validEvents.tenantUpdated(), changedFields: [] }, 'changedFields'],
    [
      'rotation revoking a non-uuid',
      TenantKeyRotatedEvent,
      { ...validEvents.tenantKeyRotated(), revokedKeyIds: ['k1'] },
      'revokedKeyIds.0',
    ],
    ['alert with an unknown severity', InsightsAlertEvent, { ...validEvents.insightsAlert(), severity: 'panic' }, 'severity'],
    ['notification on an unknown channel', NotifyRequestedEvent, { ...validEvents.notifyRequested(), channels: ['sms'] }, 'channels.0'],
    ['action without params', ActionRequestedEvent, { ...validEvents.actionRequested(), params: undefined }, 'params'],
  ])('rejects a %s', (_label, contract, payload, path) => {
    const result = parseContract(contract, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues.map((i) => i.path)).toContain(path);
  });

  it('accepts the platform (nil uuid) tenant on owner alerts', () => {
    const payload = { ...validEvents.insightsAlert('00000000-0000-0000-0000-000000000000'), audience: 'owner' };
    expect(parseContract(InsightsAlertEvent, payload).ok).toBe(true);
  });
});

describe('dead letter', () => {
  const deadLetter = () => ({
    version: 1,
    consumer: 'notifier',
    stream: 'EVENTS',
    streamSequence: 12,
    originalSubject: `evt.notify.requested.${randomUUID()}`,
    tenantId: randomUUID(),
    msgId: randomUUID(),
    deliveryCount: 5,
    headers: { 'Nats-Msg-Id': ['x'] },
    payload: '{"version":1}',
    payloadEncoding: 'utf8',
    reason: { kind: 'max_deliver', message: 'smtp timeout', errorCode: 'UPSTREAM_ERROR' },
    deadLetteredAt: new Date().toISOString(),
  });

  it('accepts a dead letter', () => {
    expect(deadLetterSchema.safeParse(deadLetter()).success).toBe(true);
  });

  it.each([
    ['an unknown reason kind', { reason: { kind: 'gave_up', message: 'x', errorCode: null } }],
    ['a negative sequence', { streamSequence: -1 }],
    ['a binary payload with an unknown encoding', { payloadEncoding: 'hex' }],
  ])('rejects %s', (_label, patch) => {
    expect(deadLetterSchema.safeParse({ ...deadLetter(), ...patch }).success).toBe(false);
  });
});
