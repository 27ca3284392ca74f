/** Position after the last item of a page, ordered by (created_at DESC, id DESC). */
export interface ListPosition {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque base64url cursor of (created_at, id). */
export function encodeListCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor from encodeListCursor, or null for anything else (the caller answers VALIDATION). */
export function decodeListCursor(cursor: string): ListPosition | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string' ||
    !UUID.test(parsed[1])
  )
    return null;
  const createdAt = new Date(parsed[0]);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: parsed[1] };
}

/** Prisma `where` fragment selecting the rows after `position` in (created_at DESC, id DESC) order. */
export function afterListPosition(position: ListPosition | null) {
  if (!position) return {};
  return { OR: [{ createdAt: { lt: position.createdAt } }, { createdAt: position.createdAt, id: { lt: position.id } }] };
}

/** Splits `limit + 1` fetched rows into a page and the cursor of the next one. */
export function toListPage<T extends { createdAt: Date; id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeListCursor(last) : null };
}
