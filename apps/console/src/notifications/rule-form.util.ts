import type { components } from '../api/schema.gen';

export type Rule = components['schemas']['NotificationRule'];
export type RuleRequest = components['schemas']['NotificationRuleRequest'];
export type NotificationKind = Rule['kinds'][number];
export type Severity = Rule['min_severity'];
export type InboxRole = Rule['inbox_roles'][number];

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'urgent_callback',
  'safety',
  'handoff',
  'follow_up',
  'lead',
  'insight_alert',
  'action',
  'staff_message',
  'system',
];
export const KIND_LABEL: Record<NotificationKind, string> = {
  urgent_callback: 'Urgent callback',
  safety: 'Safety',
  handoff: 'Handoff',
  follow_up: 'Follow-up',
  lead: 'Lead',
  insight_alert: 'Insight alert',
  action: 'Action',
  staff_message: 'Staff message',
  system: 'System',
};
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'critical'];
export const STAFF_ROLES: readonly InboxRole[] = ['tenant_admin', 'tenant_agent'];
export const ROLE_LABEL: Record<InboxRole, string> = { tenant_admin: 'Admins', tenant_agent: 'Agents', owner: 'Platform owner' };

/** The rule form as its controls hold it (hours and times as strings). */
export interface RuleForm {
  name: string;
  enabled: boolean;
  /** Empty: every kind. */
  kinds: NotificationKind[];
  minSeverity: Severity;
  channelIds: string[];
  inboxRoles: InboxRole[];
  inboxUserIds: string[];
  quietHours: boolean;
  quietStart: string;
  quietEnd: string;
  /** Empty: the tenant's time zone. */
  quietTimezone: string;
  digest: boolean;
  /** "0".."23" */
  digestHour: string;
}

export const NEW_RULE: RuleForm = {
  name: '',
  enabled: true,
  kinds: [],
  minSeverity: 'info',
  channelIds: [],
  inboxRoles: [],
  inboxUserIds: [],
  quietHours: false,
  quietStart: '22:00',
  quietEnd: '07:00',
  quietTimezone: '',
  digest: false,
  digestHour: '8',
};

export function ruleToForm(rule: Rule): RuleForm {
  return {
    name: rule.name,
    enabled: rule.enabled,
    kinds: [...rule.kinds],
    minSeverity: rule.min_severity,
    channelIds: [...rule.channel_ids],
    inboxRoles: [...rule.inbox_roles],
    inboxUserIds: [...rule.inbox_user_ids],
    quietHours: rule.quiet_hours !== null,
    quietStart: rule.quiet_hours?.start ?? NEW_RULE.quietStart,
    quietEnd: rule.quiet_hours?.end ?? NEW_RULE.quietEnd,
    quietTimezone: rule.quiet_hours?.timezone ?? '',
    digest: rule.digest,
    digestHour: String(rule.digest_hour),
  };
}

/** "9" → 9; anything but a whole number (an empty box too) → NaN. */
function hourOf(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** POST or PUT /api/v1/notification-rules's body (a PUT replaces the rule whole); check ruleProblems first. */
export function formToRuleRequest(form: RuleForm): RuleRequest {
  const hour = hourOf(form.digestHour);
  const timezone = form.quietTimezone.trim();
  return {
    name: form.name.trim(),
    enabled: form.enabled,
    kinds: [...form.kinds],
    min_severity: form.minSeverity,
    channel_ids: [...form.channelIds],
    inbox_roles: [...form.inboxRoles],
    inbox_user_ids: [...form.inboxUserIds],
    quiet_hours: form.quietHours ? { start: form.quietStart, end: form.quietEnd, ...(timezone ? { timezone } : {}) } : null,
    digest: form.digest,
    digest_hour: Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : 8,
  };
}

/** Problems the API would answer with a 400, said before sending, by the API's field path. */
export function ruleProblems(form: RuleForm): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!form.name.trim()) problems.name = 'Give the rule a name.';
  const hour = hourOf(form.digestHour);
  if (form.digest && !(Number.isInteger(hour) && hour >= 0 && hour <= 23)) problems.digest_hour = 'An hour from 0 to 23.';
  if (form.quietHours) {
    if (!/^\d{2}:\d{2}$/.test(form.quietStart)) problems['quiet_hours.start'] = 'A time such as 22:00.';
    if (!/^\d{2}:\d{2}$/.test(form.quietEnd)) problems['quiet_hours.end'] = 'A time such as 07:00.';
    if (form.quietStart === form.quietEnd) problems['quiet_hours.end'] = 'Quiet hours must end at another time than they start.';
  }
  return problems;
}

/** One line about what a rule does: "Urgent callback, Safety · warning and up · 2 channels, Admins · quiet 22:00–07:00". */
export function ruleSummary(rule: Rule, channelName: (id: string) => string | undefined): string {
  const kinds = rule.kinds.length === 0 ? 'Every kind' : rule.kinds.map((k) => KIND_LABEL[k]).join(', ');
  const severity = rule.min_severity === 'info' ? 'any severity' : rule.min_severity === 'warning' ? 'warning and up' : 'critical only';
  const targets = [
    ...rule.channel_ids.map((id) => channelName(id) ?? 'a deleted channel'),
    ...rule.inbox_roles.map((r) => `${ROLE_LABEL[r]}’ inbox`),
    ...(rule.inbox_user_ids.length > 0 ? [`${rule.inbox_user_ids.length} ${rule.inbox_user_ids.length === 1 ? 'person' : 'people'}`] : []),
  ];
  const parts = [kinds, severity, targets.length > 0 ? `to ${targets.join(', ')}` : 'to nobody'];
  if (rule.quiet_hours)
    parts.push(
      `quiet ${rule.quiet_hours.start}–${rule.quiet_hours.end}${rule.quiet_hours.timezone ? ` ${rule.quiet_hours.timezone}` : ''}`,
    );
  if (rule.digest) parts.push(`daily digest at ${String(rule.digest_hour).padStart(2, '0')}:00`);
  return parts.join(' · ');
}

/** A list with `value` added or removed. */
export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((v) => v !== value);
}
