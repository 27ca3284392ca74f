import { CONSUMERS, EVENTS_STREAM } from '@parley/contracts';
import { MessagingError, SubjectNamer } from '../messaging.api';

describe('SubjectNamer', () => {
  it('is the identity without a namespace', () => {
    const namer = new SubjectNamer();
    expect(namer.namespace).toBeNull();
    expect(namer.subject('evt.x')).toBe('evt.x');
    expect(namer.stream('EVENTS')).toBe('EVENTS');
    expect(namer.strip('evt.x')).toBe('evt.x');
    expect(namer.streamDefinition(EVENTS_STREAM)).toEqual(EVENTS_STREAM);
  });

  it.each(['', null, undefined])('treats %j as no namespace', (ns) => {
    expect(new SubjectNamer(ns).subject('a.b')).toBe('a.b');
  });

  it('prefixes subjects with "<ns>." and streams with "<ns>_"', () => {
    const namer = new SubjectNamer('t1a2');
    expect(namer.subject('evt.x')).toBe('t1a2.evt.x');
    expect(namer.stream('EVENTS')).toBe('t1a2_EVENTS');
    expect(namer.strip('t1a2.evt.x')).toBe('evt.x');
  });

  it('namespaces a stream definition', () => {
    expect(new SubjectNamer('run_1').streamDefinition(EVENTS_STREAM)).toMatchObject({ name: 'run_1_EVENTS', subjects: ['run_1.evt.>'] });
  });

  it('namespaces stream, filters and dead-letter subject of a consumer, not its durable name', () => {
    const def = new SubjectNamer('ns').consumerDefinition(CONSUMERS.tenantIntelligence);
    expect(def).toMatchObject({
      durable: 'tenant-intelligence',
      stream: 'ns_EVENTS',
      filterSubjects: ['ns.evt.chat.turn_completed.*', 'ns.evt.chat.session_closed.*'],
      deadLetterSubject: 'ns.dlq.tenant-intelligence',
    });
  });

  it('refuses to strip a subject of another namespace', () => {
    expect(() => new SubjectNamer('a').strip('b.evt.x')).toThrow(MessagingError);
    expect(() => new SubjectNamer('a').strip('evt.x')).toThrow(/outside namespace a/);
  });

  it.each(['a.b', 'a b', '*', '>', 'x'.repeat(33), 'ns$'])('rejects namespace %j', (ns) => {
    expect(() => new SubjectNamer(ns)).toThrow(expect.objectContaining({ code: 'INVALID_NAME' }));
  });
});
