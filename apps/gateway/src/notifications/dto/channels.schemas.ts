import { z } from 'zod';
import {
  NotifierChannelCreateRpc,
  NotifierChannelRotateSecretRpc,
  channelSettingsSchema,
  externalChannelKindSchema,
} from '@parley/contracts';

// HTTP shapes of /api/v1/notification-channels: the notifier's channel contracts in snake_case.
// `settings` is the contract's per-kind union (the kind travels inside it, so a PATCH that
// changes settings says which kind they are for; the notifier refuses a change of kind).

const [webhook, slack, discord, email] = channelSettingsSchema.options;

export const channelSettingsBodySchema = z
  .discriminatedUnion('kind', [
    webhook.strict().meta({ description: 'A Standard Webhooks endpoint; its signing secret is generated and shown once.' }),
    slack.strict().meta({ description: 'A Slack incoming webhook URL (stored encrypted).' }),
    discord.strict().meta({ description: 'A Discord webhook URL (stored encrypted).' }),
    z
      .object({
        kind: email.shape.kind,
        to: email.shape.to,
        sender_name: email.shape.senderName.meta({ description: "The sender's display name; the tenant's name when absent." }),
      })
      .strict(),
  ])
  .meta({ id: 'NotificationChannelSettings' });
export type ChannelSettingsBody = z.output<typeof channelSettingsBodySchema>;

const name = NotifierChannelCreateRpc.request.schema.shape.name;

export const createChannelBodySchema = z
  .object({ name, enabled: z.boolean().default(true), settings: channelSettingsBodySchema })
  .strict()
  .meta({ id: 'CreateNotificationChannelRequest' });
export type CreateChannelBody = z.output<typeof createChannelBodySchema>;

export const updateChannelBodySchema = z
  .object({ name: name.optional(), enabled: z.boolean().optional(), settings: channelSettingsBodySchema.optional() })
  .strict()
  .refine((body) => body.name !== undefined || body.enabled !== undefined || body.settings !== undefined, {
    message: 'change at least one of name, enabled, settings',
  })
  .meta({ id: 'UpdateNotificationChannelRequest' });
export type UpdateChannelBody = z.output<typeof updateChannelBodySchema>;

const graceSeconds = NotifierChannelRotateSecretRpc.request.schema.shape.graceSeconds;
export const DEFAULT_SECRET_GRACE_SECONDS = 86_400;

/** The body is optional: no body rotates with a day of grace. */
export const rotateSecretBodySchema = z
  .object({
    grace_seconds: graceSeconds
      .default(DEFAULT_SECRET_GRACE_SECONDS)
      .meta({ description: 'How long the old secret keeps signing (a second signature), up to 7 days; default a day.' }),
  })
  .strict()
  .default({ grace_seconds: DEFAULT_SECRET_GRACE_SECONDS })
  .meta({ id: 'RotateNotificationChannelSecretRequest' });
export type RotateSecretBody = z.output<typeof rotateSecretBodySchema>;

export const channelIdParamSchema = z.uuid();

export const channelHttpSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: externalChannelKindSchema,
    enabled: z.boolean(),
    target: z.string().meta({ description: 'Webhook: the URL; Slack/Discord: the host and a masked path; email: the recipients.' }),
    sender_name: z.string().nullable(),
    previous_secret_expires_at: z.iso
      .datetime({ offset: true })
      .nullable()
      .meta({ description: 'Webhook: until when the rotated-out secret still signs.' }),
    created_at: z.iso.datetime({ offset: true }),
    updated_at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'NotificationChannel' });
export type ChannelHttp = z.output<typeof channelHttpSchema>;

export const channelListSchema = z.object({ items: z.array(channelHttpSchema) }).meta({ id: 'NotificationChannelList' });
export const channelResultSchema = z.object({ channel: channelHttpSchema }).meta({ id: 'NotificationChannelResult' });
export const channelWithSecretSchema = z
  .object({
    channel: channelHttpSchema,
    signing_secret: z
      .string()
      .nullable()
      .meta({ description: 'Webhooks: the signing secret (`whsec_...`), shown here only; null for other kinds.' }),
  })
  .meta({ id: 'NotificationChannelWithSecret' });
export const rotatedSecretSchema = z
  .object({ channel: channelHttpSchema, signing_secret: z.string().meta({ description: 'The new signing secret, shown here only.' }) })
  .meta({ id: 'RotatedNotificationChannelSecret' });
export const deletedChannelSchema = z.object({ channel_id: z.uuid() }).meta({ id: 'DeletedNotificationChannel' });
