import { afterListPosition, decodeListCursor, encodeListCursor, toListPage, type ListPosition } from '@parley/persistence';
import { ProvisioningError } from './provisioning.error';

// Provisioning's names for the shared list cursors of @parley/persistence (paging/list-cursor):
// (created_at DESC, id DESC) positions as opaque base64url cursors.
export type { ListPosition };
export const encodeCursor = encodeListCursor;
export const afterPosition = afterListPosition;
export const toPage = toListPage;

/** Decodes a cursor from encodeCursor; VALIDATION for anything else. */
export function decodeCursor(cursor: string): ListPosition {
  const position = decodeListCursor(cursor);
  if (!position)
    throw new ProvisioningError('VALIDATION', 'invalid cursor', {
      issues: [{ path: 'cursor', code: 'invalid', message: 'not a cursor from a previous page' }],
    });
  return position;
}
