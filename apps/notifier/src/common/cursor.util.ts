import { decodeListCursor, type ListPosition } from '@parley/persistence';
import { NotifierError } from './notifier.error';

/** A page cursor from a previous answer, or VALIDATION naming `cursor`. */
export function pagePosition(cursor: string | null): ListPosition | null {
  if (cursor === null) return null;
  const position = decodeListCursor(cursor);
  if (!position) throw NotifierError.invalid('cursor', 'not a cursor from a previous page');
  return position;
}
