import { decodeCursor, encodeCursor, toPage } from '../list-cursor.util';

const id = '3f1c2b1e-1d2c-4b5a-9c8d-7e6f5a4b3c2d';

describe('list cursors', () => {
  it('round-trips (created_at, id) through an opaque base64url string', () => {
    const position = { createdAt: new Date('2026-11-23T10:00:00.123Z'), id };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it.each([
    ['not base64 json', 'bm9wZQ'],
    ['wrong shape', Buffer.from(JSON.stringify({ a: 1 })).toString('base64url')],
    ['bad date', Buffer.from(JSON.stringify(['yesterday', id])).toString('base64url')],
    ['bad id', Buffer.from(JSON.stringify(['2026-11-23T10:00:00.000Z', 'x'])).toString('base64url')],
  ])('refuses %s with VALIDATION on the cursor field', (_label, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', details: { issues: [expect.objectContaining({ path: 'cursor' })] } }),
    );
  });

  it('returns a next cursor only when there is one more row than the limit', () => {
    const rows = [0, 1, 2].map((i) => ({ id: `${id.slice(0, -1)}${i}`, createdAt: new Date(2026, 0, 3 - i) }));
    expect(toPage(rows, 3)).toEqual({ items: rows, nextCursor: null });
    const page = toPage(rows, 2);
    expect(page.items).toEqual(rows.slice(0, 2));
    expect(decodeCursor(page.nextCursor as string)).toEqual({ createdAt: rows[1].createdAt, id: rows[1].id });
  });
});
