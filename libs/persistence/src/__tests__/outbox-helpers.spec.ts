import { toJsonPayload } from '../outbox/enqueue-outbox';
import { toOutboxRecords, type OutboxRow } from '../outbox/outbox-row.mapper';

const row = (seq: number | bigint | string, id: string, headers: unknown = {}): OutboxRow => ({
  id,
  seq,
  subject: `evt.test.${id}`,
  payload: { id },
  headers,
  created_at: new Date('2026-01-01T00:00:00Z'),
  attempts: 1,
});

describe('toOutboxRecords', () => {
  it('orders rows by their insertion sequence, numerically (bigint, number or string)', () => {
    const records = toOutboxRecords([row(10n, 'c'), row('9', 'b'), row(2, 'a'), row(100n, 'd')]);
    expect(records.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps only string headers and tolerates malformed header values', () => {
    const [a, b, c] = toOutboxRecords([row(1, 'a', { traceparent: 't', n: 1 }), row(2, 'b', null), row(3, 'c', ['x'])]);
    expect(a.headers).toEqual({ traceparent: 't' });
    expect(b.headers).toEqual({});
    expect(c.headers).toEqual({});
    expect(a).toMatchObject({ subject: 'evt.test.a', payload: { id: 'a' }, attempts: 1 });
  });
});

describe('toJsonPayload', () => {
  it('stores the JSON form of the payload', () => {
    expect(toJsonPayload({ at: new Date('2026-01-02T03:04:05Z'), skip: undefined, n: 1 })).toEqual({
      at: '2026-01-02T03:04:05.000Z',
      n: 1,
    });
    expect(toJsonPayload([1, 'two'])).toEqual([1, 'two']);
  });

  it.each([undefined, null])('rejects %p', (payload) => {
    expect(() => toJsonPayload(payload)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
