import type { RuleInput, RuleView } from '@parley/contracts';
import type { RuleBody, RuleHttp } from './rules.schemas';

/** An HTTP rule body as the notifier's contract takes it. */
export function toRuleInput(body: RuleBody): RuleInput {
  return {
    name: body.name,
    enabled: body.enabled,
    kinds: body.kinds,
    minSeverity: body.min_severity,
    channelIds: body.channel_ids,
    inboxUserIds: body.inbox_user_ids,
    inboxRoles: body.inbox_roles,
    quietHours: body.quiet_hours,
    digest: body.digest,
    digestHour: body.digest_hour,
  };
}

/** A rule as the HTTP API shows it. */
export function toRuleHttp(rule: RuleView): RuleHttp {
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    kinds: rule.kinds,
    min_severity: rule.minSeverity,
    channel_ids: rule.channelIds,
    inbox_user_ids: rule.inboxUserIds,
    inbox_roles: rule.inboxRoles,
    quiet_hours: rule.quietHours,
    digest: rule.digest,
    digest_hour: rule.digestHour,
    created_at: rule.createdAt,
    updated_at: rule.updatedAt,
  };
}
