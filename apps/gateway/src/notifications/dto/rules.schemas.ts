import { z } from 'zod';
import { quietHoursSchema, ruleInputSchema } from '@parley/contracts';

// HTTP shapes of /api/v1/notification-rules: the notifier's rule contract in snake_case. A rule
// body is complete (POST creates, PUT replaces); omitted fields take the defaults below.

const rule = ruleInputSchema.shape;
export const DEFAULT_DIGEST_HOUR = 8;

const quietHoursHttpSchema = quietHoursSchema.strict().meta({
  id: 'NotificationQuietHours',
  description: "Local HH:MM start and end; the tenant's time zone unless `timezone` (IANA) is given.",
});

export const ruleBodySchema = z
  .object({
    name: rule.name,
    enabled: rule.enabled.default(true),
    kinds: rule.kinds.default([]).meta({ description: 'Notification kinds this rule routes; empty: every kind.' }),
    min_severity: rule.minSeverity.default('info'),
    channel_ids: rule.channelIds.default([]).meta({ description: 'Channels of this tenant (or of the platform, for the owner).' }),
    inbox_user_ids: rule.inboxUserIds.default([]).meta({ description: 'Users whose in-app inbox receives the notification.' }),
    inbox_roles: rule.inboxRoles.default([]).meta({ description: 'Every user with one of these roles receives it in their inbox.' }),
    quiet_hours: quietHoursHttpSchema
      .nullable()
      .default(null)
      .meta({ description: 'Non-critical notifications wait until quiet hours end.' }),
    digest: rule.digest.default(false).meta({ description: 'Hold matching notifications and send one summary a day at digest_hour.' }),
    digest_hour: rule.digestHour.default(DEFAULT_DIGEST_HOUR),
  })
  .strict()
  .meta({ id: 'NotificationRuleRequest' });
export type RuleBody = z.output<typeof ruleBodySchema>;

export const ruleIdParamSchema = z.uuid();

export const ruleHttpSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    enabled: z.boolean(),
    kinds: rule.kinds,
    min_severity: rule.minSeverity,
    channel_ids: z.array(z.uuid()),
    inbox_user_ids: z.array(z.uuid()),
    inbox_roles: rule.inboxRoles,
    quiet_hours: quietHoursSchema.nullable(),
    digest: z.boolean(),
    digest_hour: z.int(),
    created_at: z.iso.datetime({ offset: true }),
    updated_at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'NotificationRule' });
export type RuleHttp = z.output<typeof ruleHttpSchema>;

export const ruleListSchema = z
  .object({
    items: z.array(ruleHttpSchema),
    defaults: z.boolean().meta({ description: 'True while there is no rule of your own: the built-in routing applies.' }),
  })
  .meta({ id: 'NotificationRuleList' });
export const ruleResultSchema = z.object({ rule: ruleHttpSchema }).meta({ id: 'NotificationRuleResult' });
export const deletedRuleSchema = z.object({ rule_id: z.uuid() }).meta({ id: 'DeletedNotificationRule' });
