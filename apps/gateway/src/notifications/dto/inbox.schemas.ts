import { z } from 'zod';
import { NotifierInboxMarkReadRpc, alertSeveritySchema, notificationKindSchema } from '@parley/contracts';

// HTTP shapes of the in-app inbox (GET /api/v1/notifications, POST .../read, the SSE stream),
// snake_case like the rest of the API; mappers in inbox.mapper.ts.

const booleanParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const inboxQuerySchema = z
  .object({
    unread_only: booleanParam.default(false).meta({ description: 'Only entries not read yet (`true`), or all of them (default).' }),
    cursor: z.string().min(1).max(200).optional().meta({ description: '`next_cursor` of the previous page.' }),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type InboxQuery = z.output<typeof inboxQuerySchema>;

const idsSchema = NotifierInboxMarkReadRpc.request.schema.shape.ids;

export const markReadBodySchema = z
  .object({
    ids: idsSchema.min(1).optional().meta({ description: 'Inbox entry ids (`id` of the items) to mark read.' }),
    all: z.literal(true).optional().meta({ description: '`true`: mark every entry of your inbox read.' }),
  })
  .strict()
  .refine((body) => (body.ids !== undefined) !== (body.all !== undefined), { message: 'send either ids or all: true', path: ['ids'] })
  .meta({ id: 'MarkNotificationsReadRequest', description: '`{"ids": [...]}` or `{"all": true}`.' });
export type MarkReadBody = z.output<typeof markReadBodySchema>;

export const inboxItemHttpSchema = z
  .object({
    id: z.uuid().meta({ description: 'The inbox entry (what mark-read takes).' }),
    notification_id: z.uuid(),
    kind: notificationKindSchema,
    severity: alertSeveritySchema,
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    created_at: z.iso.datetime({ offset: true }),
    read_at: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'InboxNotification' });
export type InboxItemHttp = z.output<typeof inboxItemHttpSchema>;

export const inboxPageSchema = z
  .object({ items: z.array(inboxItemHttpSchema), next_cursor: z.string().nullable(), unread_count: z.int().nonnegative() })
  .meta({ id: 'InboxPage' });

export const markReadResultSchema = z
  .object({ marked: z.int().nonnegative(), unread_count: z.int().nonnegative() })
  .meta({ id: 'MarkNotificationsReadResult' });

/** The `data:` frames of GET /api/v1/notifications/stream. */
export type InboxStreamFrame = { type: 'unread'; count: number } | { type: 'notification'; notification: InboxItemHttp };
