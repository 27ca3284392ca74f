import { randomUUID } from 'node:crypto';
import type { OutboundNotification } from '../channel.types';

/** A notification as the dispatcher hands it to a channel; override what a test is about. */
export function aNotification(overrides: Partial<OutboundNotification> = {}): OutboundNotification {
  return {
    deliveryId: randomUUID(),
    notificationId: randomUUID(),
    tenantId: randomUUID(),
    scopeName: 'Flow Plumbing',
    kind: 'urgent_callback',
    severity: 'critical',
    title: 'Callback requested: burst pipe',
    body: 'Visitor reports water pouring through the ceiling.\nPlease call 07700 900123.',
    url: 'https://parley.example.com/console/sessions/3f1c',
    link: '/sessions/3f1c',
    occurredAt: '2026-03-01T09:30:00.000Z',
    ...overrides,
  };
}
