import { AckPolicy, DiscardPolicy, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { CONSUMERS, EVENTS_STREAM, type ConsumerDefinition } from '@parley/contracts';
import {
  assertValidConsumer,
  backoffDelayMs,
  compareVersions,
  consumerConfigDiff,
  coveringFilter,
  featuresOf,
  streamConfigDiff,
  subjectMatches,
  toConsumerConfig,
  toStreamConfig,
} from '../messaging.api';

describe('subjectMatches', () => {
  it.each([
    ['evt.chat.turn_completed.*', 'evt.chat.turn_completed.t1', true],
    ['evt.chat.turn_completed.*', 'evt.chat.turn_completed.t1.x', false],
    ['evt.chat.turn_completed.*', 'evt.chat.turn_completed', false],
    ['evt.>', 'evt.chat.turn_completed.t1', true],
    ['evt.>', 'evt', false],
    ['evt.*.*.t1', 'evt.intel.message_extracted.t1', true],
    ['ns.evt.chat.>', 'ns.evt.chat.session_closed.t', true],
    ['ns.evt.chat.>', 'evt.chat.session_closed.t', false],
    ['a.b', 'a.b', true],
    ['a.b', 'a.c', false],
  ])('%s ~ %s = %s', (pattern, subject, expected) => {
    expect(subjectMatches(pattern, subject)).toBe(expected);
  });
});

describe('coveringFilter', () => {
  it.each([
    [['evt.chat.turn_completed.*'], 'evt.chat.turn_completed.*'],
    [['evt.chat.turn_completed.*', 'evt.chat.session_closed.*'], 'evt.chat.>'],
    [['evt.chat.turn_completed.*', 'evt.intel.message_extracted.*'], 'evt.>'],
    [['ns.evt.notify.requested.*', 'ns.evt.insights.alert.*', 'ns.evt.action.requested.*'], 'ns.evt.>'],
    [['evt.chat.a.*', 'evt.chat.a.*'], 'evt.chat.a.>'],
  ])('%j -> %s', (filters, expected) => {
    expect(coveringFilter(filters)).toBe(expected);
    for (const f of filters) expect(subjectMatches(expected, f.replace('*', 'x'))).toBe(true);
  });

  it.each([[[]], [['a.*', 'b.*']], [['*.a', '*.b']]])('rejects %j', (filters) => {
    expect(() => coveringFilter(filters)).toThrow();
  });
});

describe('backoffDelayMs', () => {
  it.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [4, 400],
    [0, 100],
  ])('delivery %i -> %i ms', (delivery, expected) => {
    expect(backoffDelayMs([100, 200, 400], delivery)).toBe(expected);
  });
});

describe('consumer config', () => {
  const def: ConsumerDefinition = { ...CONSUMERS.notifier, backoffMs: [100, 200], maxDeliver: 3 };

  it.each<[string, Partial<ConsumerDefinition>, RegExp]>([
    ['max_deliver not above backoff length', { maxDeliver: 2 }, /maxDeliver \(2\) must be an integer > backoffMs.length \(2\)/],
    ['no backoff', { backoffMs: [] }, /at least one delay/],
    ['a zero delay', { backoffMs: [0] }, />= 1 ms/],
    ['no filter', { filterSubjects: [] }, /filter subject/],
    ['a dotted durable', { durable: 'a.b' }, /single name token/],
  ])('rejects %s', (_label, patch, message) => {
    expect(() => assertValidConsumer({ ...def, ...patch })).toThrow(message);
  });

  it('declares explicit ack, ack_wait = backoff[0], bounded delivery and multiple filters on 2.10+', () => {
    expect(toConsumerConfig(def, { multipleFilters: true })).toEqual({
      durable_name: 'notifier',
      description: def.description,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: 'all',
      replay_policy: 'instant',
      ack_wait: 100_000_000,
      backoff: [100_000_000, 200_000_000],
      max_deliver: 3,
      max_ack_pending: def.maxAckPending,
      filter_subjects: def.filterSubjects,
    });
  });

  it('collapses filters into one covering filter on servers before 2.10', () => {
    const cfg = toConsumerConfig(def, { multipleFilters: false });
    expect(cfg.filter_subject).toBe('evt.>');
    expect(cfg.filter_subjects).toBeUndefined();
  });

  it('reports no difference against the config the server echoes back', () => {
    const desired = toConsumerConfig(def, { multipleFilters: false });
    const echoed = { ...desired, name: 'notifier', max_waiting: 512, num_replicas: 0 } as never;
    expect(consumerConfigDiff(desired, echoed)).toEqual([]);
  });

  it('lists mutable differences and refuses immutable ones', () => {
    const desired = toConsumerConfig(def, { multipleFilters: false });
    expect(consumerConfigDiff(desired, { ...desired, max_deliver: 9, backoff: [1] } as never)).toEqual(['backoff', 'max_deliver']);
    expect(() => consumerConfigDiff(desired, { ...desired, ack_policy: AckPolicy.None } as never)).toThrow(/ack_policy/);
  });
});

describe('stream config', () => {
  it('maps the EVENTS definition', () => {
    expect(toStreamConfig(EVENTS_STREAM)).toEqual({
      name: 'EVENTS',
      description: EVENTS_STREAM.description,
      subjects: ['evt.>'],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      max_age: EVENTS_STREAM.maxAgeMs * 1e6,
      duplicate_window: 120_000 * 1e6,
      max_msg_size: EVENTS_STREAM.maxMsgSizeBytes,
      discard: DiscardPolicy.Old,
    });
  });

  it('diffs mutable fields (subject order ignored) and refuses a storage change', () => {
    const desired = toStreamConfig({ ...EVENTS_STREAM, subjects: ['a.>', 'b.>'] });
    expect(streamConfigDiff(desired, { ...desired, subjects: ['b.>', 'a.>'] } as never)).toEqual([]);
    expect(streamConfigDiff(desired, { ...desired, duplicate_window: 1 } as never)).toEqual(['duplicate_window']);
    expect(() => streamConfigDiff(desired, { ...desired, storage: StorageType.Memory } as never)).toThrow(/storage/);
  });
});

describe('server features', () => {
  it.each([
    ['2.9.10', '2.10.0', -1],
    ['2.10.0', '2.10.0', 0],
    ['2.11.1', '2.10.0', 1],
    ['2.10.0-beta.1', '2.10.0', 0],
  ])('compareVersions(%s, %s) = %i', (a, b, expected) => expect(compareVersions(a, b)).toBe(expected));

  it('enables multiple filters from 2.10 only', () => {
    expect(featuresOf('2.9.10').multipleFilters).toBe(false);
    expect(featuresOf('2.10.3').multipleFilters).toBe(true);
    expect(featuresOf(undefined).multipleFilters).toBe(false);
  });
});
