import type { InboxItem } from './inbox-frames.util';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SESSION = new RegExp(`^/sessions/(${UUID})(?:/summary)?$`, 'i');
const CONTACT = new RegExp(`^/contacts/(${UUID})$`, 'i');

/**
 * The console page a notification's `link` points at (links are API-style paths such as
 * `/sessions/<id>` or `/contacts/<id>`): a handoff opens the session in the handoff queue,
 * another session link its conversation, a contact link the contact. Null when the link names
 * nothing the console shows, or a page the user may not open (`canOpen`).
 */
export function consolePathFor(item: Pick<InboxItem, 'kind' | 'link'>, canOpen: (path: string) => boolean): string | null {
  if (!item.link) return null;
  const session = SESSION.exec(item.link);
  const contact = CONTACT.exec(item.link);
  const candidates = session
    ? item.kind === 'handoff'
      ? [`/handoff/${session[1]}`, `/conversations/${session[1]}`]
      : [`/conversations/${session[1]}`]
    : contact
      ? [`/contacts/${contact[1]}`]
      : [];
  return candidates.find(canOpen) ?? null;
}
