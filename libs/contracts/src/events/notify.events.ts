import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineEvent } from '../contract.types';
import { EVENT_NAMES } from '../subjects';
import { alertSeveritySchema } from './insights.events';

export const notificationChannelSchema = z.enum(['inbox', 'webhook', 'slack', 'discord', 'email']);
export type NotificationChannelKind = z.infer<typeof notificationChannelSchema>;

/**
 * What a notification is about: the notifier's routing rules select on it. `urgent_callback`
 * (a visitor needs a call back now), `safety` (an L1a safety finding), `handoff` (a visitor
 * wants a person), `follow_up` (an L2 summary's follow-up is due), `insight_alert` (L5),
 * `action` (an action the bot took), `staff_message` (one staff user notifying another),
 * `lead`, `system` (tests, digests and platform notices).
 */
export const notificationKindSchema = z.enum([
  'urgent_callback',
  'safety',
  'handoff',
  'follow_up',
  'insight_alert',
  'action',
  'staff_message',
  'lead',
  'system',
]);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notifyRequestedSchema = z.object({
  version: version1,
  tenantId: tenantIdSchema,
  notificationId: uuidSchema,
  audience: z.enum(['tenant', 'owner']),
  category: z.enum(['lead', 'escalation', 'alert', 'action', 'follow_up', 'system']),
  /** Routing kind; absent in events of older producers, then derived from the category. */
  kind: notificationKindSchema.optional(),
  /** Only these tenant users (inbox), when the producer targets people (a staff message). */
  recipientUserIds: z.array(uuidSchema).max(50).optional(),
  severity: alertSeveritySchema,
  title: z.string().min(1).max(200),
  body: z.string().max(4000),
  /** Relative app link, e.g. `/contacts/<id>`. */
  link: z.string().max(500).nullable(),
  /** Empty: every channel the tenant configured for this category. */
  channels: z.array(notificationChannelSchema).max(5),
  occurredAt: isoDateTimeSchema,
});
export type NotifyRequested = z.infer<typeof notifyRequestedSchema>;

/** Any service asks the notifier to deliver a notification. */
export const NotifyRequestedEvent = defineEvent(EVENT_NAMES.notifyRequested, notifyRequestedSchema);
