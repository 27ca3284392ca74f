import { CrmError } from './crm.error';

/** Opaque keyset cursor over (timestamp, id), newest first. */
export interface Keyset {
  at: Date;
  id: string;
}

export function encodeCursor(key: Keyset): string {
  return Buffer.from(JSON.stringify({ t: key.at.toISOString(), i: key.id }), 'utf8').toString('base64url');
}

/** Throws a VALIDATION error for anything that is not a cursor this service issued. */
export function decodeCursor(cursor: string | null): Keyset | null {
  if (cursor === null) return null;
  try {
    const raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { t?: unknown; i?: unknown };
    const at = typeof raw.t === 'string' ? new Date(raw.t) : null;
    if (!at || Number.isNaN(at.getTime()) || typeof raw.i !== 'string' || !/^[0-9a-f-]{36}$/i.test(raw.i)) throw new Error('bad cursor');
    return { at, id: raw.i };
  } catch {
    throw new CrmError('VALIDATION', 'cursor is not valid');
  }
}
