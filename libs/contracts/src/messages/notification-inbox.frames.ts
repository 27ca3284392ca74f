import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineMessage } from '../contract.types';
import { alertSeveritySchema } from '../events/insights.events';
import { notificationInboxSubject } from '../subjects';

export const inboxNotificationSchema = z.object({
  version: version1,
  tenantId: tenantIdSchema,
  notificationId: uuidSchema,
  category: z.enum(['lead', 'escalation', 'alert', 'action', 'system']),
  severity: alertSeveritySchema,
  title: z.string().min(1).max(200),
  body: z.string().max(4000),
  link: z.string().max(500).nullable(),
  createdAt: isoDateTimeSchema,
});
export type InboxNotification = z.infer<typeof inboxNotificationSchema>;

/** The notifier publishes each stored in-app notification; the gateway relays it over SSE. */
export const InboxNotificationMessage = defineMessage('notify.inbox', notificationInboxSubject, inboxNotificationSchema);
