import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineMessage } from '../contract.types';
import { alertSeveritySchema } from '../events/insights.events';
import { notificationKindSchema } from '../events/notify.events';
import { notificationInboxSubject } from '../subjects';

/**
 * One inbox entry, as the notifier publishes it on `notify.inbox.<scope>` (NATS core) once it
 * is stored; the gateway relays it to that user's open `GET /api/v1/notifications/stream`.
 * `tenantId` is the scope (PLATFORM_TENANT_ID for the owner's inbox).
 */
export const inboxNotificationSchema = z.object({
  version: version1,
  tenantId: tenantIdSchema,
  recipientUserId: uuidSchema,
  /** The inbox entry id (what mark-read takes). */
  id: uuidSchema,
  notificationId: uuidSchema,
  kind: notificationKindSchema,
  severity: alertSeveritySchema,
  title: z.string().min(1).max(200),
  body: z.string().max(4000),
  link: z.string().max(500).nullable(),
  createdAt: isoDateTimeSchema,
});
export type InboxNotification = z.infer<typeof inboxNotificationSchema>;

export const InboxNotificationMessage = defineMessage('notify.inbox', notificationInboxSubject, inboxNotificationSchema);
