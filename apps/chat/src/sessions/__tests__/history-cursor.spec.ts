import { decodeHistoryCursor, encodeHistoryCursor } from '../history-cursor.util';

describe('history cursor', () => {
  it('round-trips a position', () => {
    const position = { createdAt: new Date('2026-01-01T10:00:00.123Z'), id: '0b7c6f1e-8a4b-4c1d-9e2f-3a4b5c6d7e8f' };
    expect(decodeHistoryCursor(encodeHistoryCursor(position))).toEqual(position);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['a JSON object', Buffer.from('{"a":1}').toString('base64url')],
    ['a bad date', Buffer.from('["yesterday","0b7c6f1e-8a4b-4c1d-9e2f-3a4b5c6d7e8f"]').toString('base64url')],
    ['a non-uuid id', Buffer.from('["2026-01-01T10:00:00.000Z","1 OR 1=1"]').toString('base64url')],
  ])('rejects %s with a VALIDATION error', (_name, cursor) => {
    expect(() => decodeHistoryCursor(cursor)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
