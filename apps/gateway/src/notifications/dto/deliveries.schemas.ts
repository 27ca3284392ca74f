import { z } from 'zod';
import { NotifierDeliveryRedriveRpc, deliveryStatusSchema, deliveryViewSchema, notificationKindSchema } from '@parley/contracts';

// HTTP shapes of the delivery log (/api/v1/notification-deliveries) and of a channel test.

export const deliveryQuerySchema = z
  .object({
    status: deliveryStatusSchema.optional().meta({ description: 'Only deliveries in this state (`dead`: given up, redrivable).' }),
    channel_id: z.uuid().optional(),
    cursor: z.string().min(1).max(200).optional().meta({ description: '`next_cursor` of the previous page.' }),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type DeliveryQuery = z.output<typeof deliveryQuerySchema>;

const deliveryIds = NotifierDeliveryRedriveRpc.request.schema.shape.deliveryIds;

export const redriveBodySchema = z
  .object({
    delivery_ids: deliveryIds.min(1).optional().meta({ description: 'Dead deliveries to send again.' }),
    channel_id: z.uuid().optional().meta({ description: 'Send every dead delivery of this channel again.' }),
  })
  .strict()
  .refine((body) => (body.delivery_ids !== undefined) !== (body.channel_id !== undefined), {
    message: 'send either delivery_ids or channel_id',
    path: ['delivery_ids'],
  })
  .meta({ id: 'RedriveNotificationDeliveriesRequest', description: '`{"delivery_ids": [...]}` or `{"channel_id": "..."}`.' });
export type RedriveBody = z.output<typeof redriveBodySchema>;

const channelKindSchema = deliveryViewSchema.shape.channelKind;

export const deliveryHttpSchema = z
  .object({
    id: z.uuid(),
    notification_id: z.uuid(),
    kind: notificationKindSchema,
    title: z.string(),
    channel_id: z.uuid().nullable().meta({ description: 'Null for an in-app inbox delivery.' }),
    channel_kind: channelKindSchema,
    recipient_user_id: z.uuid().nullable(),
    status: deliveryStatusSchema,
    attempts: z.int().nonnegative(),
    last_error: z.string().nullable(),
    last_status_code: z.int().nullable(),
    latency_ms: z.int().nullable(),
    next_attempt_at: z.iso.datetime({ offset: true }).nullable(),
    delivered_at: z.iso.datetime({ offset: true }).nullable(),
    created_at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'NotificationDelivery' });
export type DeliveryHttp = z.output<typeof deliveryHttpSchema>;

export const deliveryPageSchema = z
  .object({ items: z.array(deliveryHttpSchema), next_cursor: z.string().nullable() })
  .meta({ id: 'NotificationDeliveryPage' });
export const deliveryResultSchema = z.object({ delivery: deliveryHttpSchema }).meta({ id: 'NotificationDeliveryResult' });
export const redriveResultSchema = z.object({ redriven: z.int().nonnegative() }).meta({ id: 'RedriveNotificationDeliveriesResult' });
