import { randomUUID } from 'node:crypto';
import type { NewNotification } from '../intake/new-notification.types';
import type { FollowUpCandidate } from './follow-up-due.repository';

/** The source of a due reminder (never a candidate itself). */
export const FOLLOW_UP_DUE_SOURCE = 'follow_up.due';

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The `follow_up` notification that says a follow-up has fallen due. */
export function toReminder(candidate: FollowUpCandidate, scope: string, dueAt: Date): NewNotification {
  return {
    id: randomUUID(),
    scope,
    kind: 'follow_up',
    severity: 'warning',
    title: clip(`Follow-up due: ${candidate.action}`, 200),
    body: clip(`${candidate.action}\nDue: ${candidate.due}`, 4000),
    link: candidate.link,
    source: FOLLOW_UP_DUE_SOURCE,
    occurredAt: dueAt,
    data: { followUpKey: candidate.key, due: candidate.due, dueAt: dueAt.toISOString() },
  };
}
