import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineEvent } from '../contract.types';
import { EVENT_NAMES } from '../subjects';
import { alertSeveritySchema } from './insights.events';

export const notificationChannelSchema = z.enum(['inbox', 'webhook', 'slack', 'discord', 'email']);
export type NotificationChannelKind = z.infer<typeof notificationChannelSchema>;

export const notifyRequestedSchema = z.object({
  version: version1,
  tenantId: tenantIdSchema,
  notificationId: uuidSchema,
  audience: z.enum(['tenant', 'owner']),
  category: z.enum(['lead', 'escalation', 'alert', 'action', 'follow_up', 'system']),
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
