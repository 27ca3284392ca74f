import { outboxInsertFromJson, outboxRowsJson } from '../outbox-rows.sql';

describe('outboxRowsJson', () => {
  it("is the JSON array of the rows, in order, with each payload's JSON form and empty headers by default", () => {
    const json = outboxRowsJson([
      { subject: 'evt.a', payload: { at: new Date('2026-01-02T03:04:05Z'), skip: undefined, n: 1 } },
      { subject: 'evt.b', payload: [1, 'two'], headers: { traceparent: 't' } },
    ]);
    expect(JSON.parse(json)).toEqual([
      { subject: 'evt.a', payload: { at: '2026-01-02T03:04:05.000Z', n: 1 }, headers: {} },
      { subject: 'evt.b', payload: [1, 'two'], headers: { traceparent: 't' } },
    ]);
    expect(outboxRowsJson([])).toBe('[]');
  });

  it.each([undefined, null])('rejects a %p payload (as enqueueOutbox does)', (payload) => {
    expect(() => outboxRowsJson([{ subject: 'evt.a', payload }])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('outboxInsertFromJson', () => {
  it('reads the rows from the given parameter, in array order, joined with the given relation', () => {
    const sql = outboxInsertFromJson(21, 's');
    expect(sql).toContain('FROM s, jsonb_array_elements($21::jsonb) WITH ORDINALITY');
    expect(sql).toContain('ORDER BY e.ord');
    expect(outboxInsertFromJson(1)).toContain('FROM jsonb_array_elements($1::jsonb)');
  });

  it.each([
    [0, undefined],
    [1.5, undefined],
    [1, 's; DROP TABLE outbox'],
    [1, 'S'],
  ])('refuses parameter %p with relation %p (the text must stay fixed SQL)', (param, from) => {
    expect(() => outboxInsertFromJson(param, from)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
