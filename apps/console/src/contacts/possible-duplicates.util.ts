import type { components } from '../api/schema.gen';
import { contactName, type Contact } from './contacts.util';

// The "Possible duplicate" notices of a contact's page: what staff read before they merge.

export type PossibleDuplicate = Contact['possibleDuplicates'][number];
export type MergedContact = components['schemas']['MergedContact'];

export interface DuplicateNotice {
  contactId: string;
  /** How the other contact is named: name, else email, else phone. */
  title: string;
  /** Its known details, e.g. ["alice@example.com", "+447700900555"] (the name is the title). */
  details: string[];
  reason: string;
  /** The other contact's page, relative to this one's (`../<id>`). */
  href: string;
}

/** One notice per possible duplicate, in the order the API gives them. */
export function duplicateNotices(contact: Pick<Contact, 'possibleDuplicates'>): DuplicateNotice[] {
  return contact.possibleDuplicates.map((d) => {
    const title = contactName(d);
    const details = [d.name, d.email, d.phone].filter((v): v is string => !!v && v !== title);
    return { contactId: d.contactId, title, details, reason: d.reason, href: `../${d.contactId}` };
  });
}

/** What the confirmation says will happen. */
export function mergeConfirmation(kept: Pick<Contact, 'name' | 'email' | 'phone'>, duplicate: DuplicateNotice): string {
  return (
    `${duplicate.title}'s conversations, interactions and summaries move to ${contactName(kept)}, and their details are kept ` +
    `in this contact's history; details this contact lacks are taken over. ${duplicate.title} is then removed. This cannot be undone.`
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The status line after a merge: "Merged Alice Smith into this contact: 2 conversations, 2 interactions and 1 summary moved." */
export function mergedMessage(duplicateTitle: string, result: Pick<MergedContact, 'moved'>): string {
  const { sessions, interactions, summaries } = result.moved;
  return (
    `Merged ${duplicateTitle} into this contact: ${count(sessions, 'conversation', 'conversations')}, ` +
    `${count(interactions, 'interaction', 'interactions')} and ${count(summaries, 'summary', 'summaries')} moved.`
  );
}
