import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { alertSeveritySchema } from '../events/insights.events';
import { notificationKindSchema } from '../events/notify.events';
import { RPC_SUBJECTS } from '../subjects';
import { actorSchema } from './tenant.schema';

// The notifier as the gateway calls it. `tenantId` is the scope: a tenant's id for its staff
// and backend, PLATFORM_TENANT_ID for the owner's own inbox, channels and rules. The gateway
// takes it from the caller's credential, never from input.

/** A channel that sends somewhere outside Parley (the in-app inbox needs no channel row). */
export const externalChannelKindSchema = z.enum(['webhook', 'slack', 'discord', 'email']);
export type ExternalChannelKind = z.infer<typeof externalChannelKindSchema>;

const httpsUrl = z.url({ protocol: /^https?$/ }).max(2000);

/** Per-kind settings. Secrets (webhook signing secret) are generated, never sent in. */
export const channelSettingsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('webhook'), url: httpsUrl }),
  /** Slack incoming webhook URL (https://hooks.slack.com/services/...): a secret, stored encrypted. */
  z.object({ kind: z.literal('slack'), url: httpsUrl }),
  /** Discord webhook URL (https://discord.com/api/webhooks/...): a secret, stored encrypted. */
  z.object({ kind: z.literal('discord'), url: httpsUrl }),
  z.object({
    kind: z.literal('email'),
    to: z.array(z.email().max(320)).min(1).max(20),
    /** Shown as the sender's name; the tenant's display name when absent. */
    senderName: z.string().trim().min(1).max(100).optional(),
  }),
]);
export type ChannelSettings = z.infer<typeof channelSettingsSchema>;

/** A channel as shown to its tenant: URLs that are secrets are masked. */
export const channelViewSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  kind: externalChannelKindSchema,
  enabled: z.boolean(),
  /** Webhook: the URL; Slack/Discord: the host and a masked path; email: the recipients. */
  target: z.string(),
  senderName: z.string().nullable(),
  /** Webhook only: while a rotated-out secret still signs (both signatures are sent). */
  previousSecretExpiresAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type ChannelView = z.infer<typeof channelViewSchema>;

const channelName = z.string().trim().min(1).max(100);

export const NotifierChannelListRpc = defineRpc(
  RPC_SUBJECTS.notifyChannelList,
  z.object({ version: version1, tenantId: tenantIdSchema }),
  z.object({ version: version1, items: z.array(channelViewSchema) }),
);

export const NotifierChannelCreateRpc = defineRpc(
  RPC_SUBJECTS.notifyChannelCreate,
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    actor: actorSchema,
    name: channelName,
    enabled: z.boolean(),
    settings: channelSettingsSchema,
  }),
  /** `signingSecret` (webhooks: `whsec_...`) is returned once, here and on rotation. */
  z.object({ version: version1, channel: channelViewSchema, signingSecret: z.string().nullable() }),
);

export const NotifierChannelUpdateRpc = defineRpc(
  RPC_SUBJECTS.notifyChannelUpdate,
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    actor: actorSchema,
    channelId: uuidSchema,
    name: channelName.optional(),
    enabled: z.boolean().optional(),
    /** The kind cannot change: create another channel instead. */
    settings: channelSettingsSchema.optional(),
  }),
  z.object({ version: version1, channel: channelViewSchema }),
);

export const NotifierChannelDeleteRpc = defineRpc(
  RPC_SUBJECTS.notifyChannelDelete,
  z.object({ version: version1, tenantId: tenantIdSchema, actor: actorSchema, channelId: uuidSchema }),
  z.object({ version: version1, channelId: uuidSchema }),
);

/** A new webhook signing secret; the old one keeps signing (second signature) for `graceSeconds`. */
export const NotifierChannelRotateSecretRpc = defineRpc(
  RPC_SUBJECTS.notifyChannelRotateSecret,
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    actor: actorSchema,
    channelId: uuidSchema,
    graceSeconds: z
      .int()
      .min(0)
      .max(7 * 86_400),
  }),
  z.object({ version: version1, channel: channelViewSchema, signingSecret: z.string() }),
);

export const deliveryStatusSchema = z.enum(['pending', 'sending', 'delivered', 'dead', 'held', 'digested']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const deliveryViewSchema = z.object({
  id: uuidSchema,
  notificationId: uuidSchema,
  kind: notificationKindSchema,
  title: z.string(),
  channelId: uuidSchema.nullable(),
  channelKind: z.enum(['inbox', 'webhook', 'slack', 'discord', 'email']),
  recipientUserId: uuidSchema.nullable(),
  status: deliveryStatusSchema,
  attempts: z.int().nonnegative(),
  lastError: z.string().nullable(),
  lastStatusCode: z.int().nullable(),
  latencyMs: z.int().nullable(),
  nextAttemptAt: isoDateTimeSchema.nullable(),
  deliveredAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
});
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

/** Sends a test notification through one channel now and reports what happened. */
export const NotifierChannelTestRpc = defineRpc(
  RPC_SUBJECTS.notifyChannelTest,
  z.object({ version: version1, tenantId: tenantIdSchema, actor: actorSchema, channelId: uuidSchema }),
  z.object({ version: version1, delivery: deliveryViewSchema }),
);

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour');

export const quietHoursSchema = z.object({
  start: clockTime,
  end: clockTime,
  /** IANA zone; the tenant's timezone when absent. */
  timezone: z.string().min(1).max(64).optional(),
});
export type QuietHours = z.infer<typeof quietHoursSchema>;

/** Which kinds go where: channels, and the inbox of chosen users and/or roles. */
export const ruleInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean(),
  /** Empty: every kind. */
  kinds: z.array(notificationKindSchema).max(20),
  minSeverity: alertSeveritySchema,
  channelIds: z.array(uuidSchema).max(20),
  inboxUserIds: z.array(uuidSchema).max(100),
  inboxRoles: z.array(z.enum(['tenant_admin', 'tenant_agent', 'owner'])).max(3),
  /** Non-critical notifications wait until quiet hours end. Critical ones always go at once. */
  quietHours: quietHoursSchema.nullable(),
  /** Hold matching notifications and send one summary a day at `digestHour` (local time). */
  digest: z.boolean(),
  digestHour: z.int().min(0).max(23),
});
export type RuleInput = z.infer<typeof ruleInputSchema>;

export const ruleViewSchema = ruleInputSchema.extend({ id: uuidSchema, createdAt: isoDateTimeSchema, updatedAt: isoDateTimeSchema });
export type RuleView = z.infer<typeof ruleViewSchema>;

export const NotifierRuleListRpc = defineRpc(
  RPC_SUBJECTS.notifyRuleList,
  z.object({ version: version1, tenantId: tenantIdSchema }),
  /** `defaults`: true while the scope has no rule of its own (the built-in routing applies). */
  z.object({ version: version1, items: z.array(ruleViewSchema), defaults: z.boolean() }),
);

/** Creates (no `ruleId`) or replaces a rule. Channel and user ids must belong to the scope. */
export const NotifierRulePutRpc = defineRpc(
  RPC_SUBJECTS.notifyRulePut,
  z.object({ version: version1, tenantId: tenantIdSchema, actor: actorSchema, ruleId: uuidSchema.nullable(), rule: ruleInputSchema }),
  z.object({ version: version1, rule: ruleViewSchema }),
);

export const NotifierRuleDeleteRpc = defineRpc(
  RPC_SUBJECTS.notifyRuleDelete,
  z.object({ version: version1, tenantId: tenantIdSchema, actor: actorSchema, ruleId: uuidSchema }),
  z.object({ version: version1, ruleId: uuidSchema }),
);

export const inboxItemSchema = z.object({
  /** The inbox entry (one per notification and user). */
  id: uuidSchema,
  notificationId: uuidSchema,
  kind: notificationKindSchema,
  severity: alertSeveritySchema,
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  readAt: isoDateTimeSchema.nullable(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const NotifierInboxListRpc = defineRpc(
  RPC_SUBJECTS.notifyInboxList,
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    userId: uuidSchema,
    unreadOnly: z.boolean(),
    limit: z.int().min(1).max(100),
    cursor: z.string().max(200).nullable(),
  }),
  z.object({ version: version1, items: z.array(inboxItemSchema), nextCursor: z.string().nullable(), unreadCount: z.int().nonnegative() }),
);

/** Marks the listed entries (or, with `all`, every entry) of this user read. */
export const NotifierInboxMarkReadRpc = defineRpc(
  RPC_SUBJECTS.notifyInboxMarkRead,
  z.object({ version: version1, tenantId: tenantIdSchema, userId: uuidSchema, ids: z.array(uuidSchema).max(100), all: z.boolean() }),
  z.object({ version: version1, marked: z.int().nonnegative(), unreadCount: z.int().nonnegative() }),
);

export const NotifierDeliveryListRpc = defineRpc(
  RPC_SUBJECTS.notifyDeliveryList,
  z.object({
    version: version1,
    tenantId: tenantIdSchema,
    status: deliveryStatusSchema.optional(),
    channelId: uuidSchema.optional(),
    limit: z.int().min(1).max(100),
    cursor: z.string().max(200).nullable(),
  }),
  z.object({ version: version1, items: z.array(deliveryViewSchema), nextCursor: z.string().nullable() }),
);

/** Dead deliveries back to pending (attempts reset): the listed ones, or every dead one of a channel. */
export const NotifierDeliveryRedriveRpc = defineRpc(
  RPC_SUBJECTS.notifyDeliveryRedrive,
  z
    .object({
      version: version1,
      tenantId: tenantIdSchema,
      actor: actorSchema,
      deliveryIds: z.array(uuidSchema).max(100),
      channelId: uuidSchema.nullable(),
    })
    .refine((r) => r.deliveryIds.length > 0 || r.channelId !== null, { message: 'name deliveries or a channel', path: ['deliveryIds'] }),
  z.object({ version: version1, redriven: z.int().nonnegative() }),
);
