import { randomUUID } from 'node:crypto';
import {
  CONSUMERS,
  DLQ_STREAM,
  EVENT_CONTRACTS,
  EVENT_NAMES,
  EVENTS_STREAM,
  InvalidSubjectTokenError,
  RPC_SUBJECTS,
  chatCancelSubject,
  chatStreamSubject,
  dlqSubject,
  eventContractForSubject,
  eventSubject,
  eventSubjectPattern,
  notificationInboxSubject,
  parseEventSubject,
} from '../index';

const tenantId = randomUUID();
const NOT_UUIDS = ['', 'abc', '*', '>', 'tenant.1', `${tenantId}.x`, `${tenantId} `, '12345678-1234-1234-1234-1234567890123'];

describe('event subjects', () => {
  it.each(Object.values(EVENT_NAMES))('builds evt.%s.<tenantId>', (name) => {
    expect(eventSubject(name, tenantId)).toBe(`evt.${name}.${tenantId}`);
    expect(eventSubjectPattern(name)).toBe(`evt.${name}.*`);
    expect(parseEventSubject(eventSubject(name, tenantId))).toEqual({ name, tenantId });
  });

  it.each(NOT_UUIDS)('rejects tenant id %j', (bad) => {
    expect(() => eventSubject(EVENT_NAMES.chatTurnCompleted, bad)).toThrow(InvalidSubjectTokenError);
    expect(() => EVENT_CONTRACTS['chat.turn_completed'].subjectFor(bad)).toThrow(/tenantId: expected a uuid/);
  });

  it('lowercases the tenant id so one tenant has one subject', () => {
    expect(eventSubject(EVENT_NAMES.tenantCreated, tenantId.toUpperCase())).toBe(`evt.tenant.created.${tenantId}`);
  });

  it.each([
    ['evt.chat.turn_completed', 'missing tenant'],
    [`evt.chat.unknown.${tenantId}`, 'unknown event'],
    [`evt.chat.turn_completed.not-a-uuid`, 'bad tenant'],
    [`dlq.chat.turn_completed.${tenantId}`, 'wrong prefix'],
    [`evt.chat.turn_completed.${tenantId}.extra`, 'extra token'],
  ])('parseEventSubject(%s) is null (%s)', (subject) => {
    expect(parseEventSubject(subject)).toBeNull();
    expect(eventContractForSubject(subject)).toBeNull();
  });

  it('every event name has a contract whose subject matches its name', () => {
    for (const name of Object.values(EVENT_NAMES)) {
      const contract = EVENT_CONTRACTS[name];
      expect(contract.name).toBe(name);
      expect(eventContractForSubject(contract.subjectFor(tenantId))).toBe(contract);
    }
  });
});

describe('core subjects', () => {
  const turnId = randomUUID();

  it('builds per-turn and per-tenant subjects', () => {
    expect(chatStreamSubject(turnId)).toBe(`chat.stream.${turnId}`);
    expect(chatCancelSubject(turnId)).toBe(`chat.cancel.${turnId}`);
    expect(notificationInboxSubject(tenantId)).toBe(`notify.inbox.${tenantId}`);
  });

  it.each(NOT_UUIDS)('rejects id %j', (bad) => {
    expect(() => chatStreamSubject(bad)).toThrow(InvalidSubjectTokenError);
    expect(() => chatCancelSubject(bad)).toThrow(InvalidSubjectTokenError);
    expect(() => notificationInboxSubject(bad)).toThrow(InvalidSubjectTokenError);
  });

  it.each(['tenant-intelligence', 'notifier', 'client_insights2'])('dlqSubject(%s)', (name) => {
    expect(dlqSubject(name)).toBe(`dlq.${name}`);
  });

  it.each(['', 'a.b', '*', '>', 'Notifier', 'has space', '-leading'])('dlqSubject rejects %j', (bad) => {
    expect(() => dlqSubject(bad)).toThrow(InvalidSubjectTokenError);
  });

  it('RPC subjects are unique and outside the event and dlq namespaces', () => {
    const subjects = Object.values(RPC_SUBJECTS);
    expect(new Set(subjects).size).toBe(subjects.length);
    for (const s of subjects) expect(s).toMatch(/^(chat|provisioning|intel|insights|notifier)\.[a-z_.]+$/);
  });
});

describe('stream and consumer definitions', () => {
  it('EVENTS and DLQ capture evt.> and dlq.> with a 2 minute duplicate window on file storage', () => {
    expect(EVENTS_STREAM).toMatchObject({ name: 'EVENTS', subjects: ['evt.>'], storage: 'file', duplicateWindowMs: 120_000 });
    expect(DLQ_STREAM).toMatchObject({ name: 'DLQ', subjects: ['dlq.>'], storage: 'file' });
  });

  it.each(Object.values(CONSUMERS))('$durable: bounded delivery that JetStream accepts', (consumer) => {
    expect(consumer.stream).toBe(EVENTS_STREAM.name);
    expect(consumer.maxDeliver).toBeGreaterThan(consumer.backoffMs.length);
    expect(consumer.deadLetterSubject).toBe(`dlq.${consumer.durable}`);
    for (const filter of consumer.filterSubjects) {
      expect(filter).toMatch(/^evt\.[a-z]+\.[a-z_]+\.\*$/);
      expect(EVENT_CONTRACTS[filter.slice(4, -2) as keyof typeof EVENT_CONTRACTS]).toBeDefined();
    }
  });

  it('consumers subscribe to what the architecture implies', () => {
    expect(CONSUMERS.tenantIntelligence.filterSubjects).toEqual(['evt.chat.turn_completed.*', 'evt.chat.session_closed.*']);
    expect(CONSUMERS.notifier.filterSubjects).toEqual(['evt.notify.requested.*', 'evt.insights.alert.*', 'evt.action.requested.*']);
    expect(CONSUMERS.clientInsights.filterSubjects).toHaveLength(4);
  });
});
