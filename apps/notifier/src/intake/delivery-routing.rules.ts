import type { AlertSeverity, ChannelSettings, QuietHours } from '@parley/contracts';
import type { NewNotification } from './new-notification.types';
import { nextLocalHour, quietHoursRelease } from './quiet-hours.util';

/** A routing rule as stored (notification_rules). */
export interface RoutingRule {
  id: string;
  enabled: boolean;
  kinds: readonly string[];
  minSeverity: AlertSeverity;
  channelIds: readonly string[];
  inboxUserIds: readonly string[];
  inboxRoles: readonly string[];
  quietHours: QuietHours | null;
  digest: boolean;
  digestHour: number;
}

/** The users of a scope who have an inbox: active staff of a tenant, or the owners. */
export interface ScopeUser {
  id: string;
  role: 'tenant_admin' | 'tenant_agent' | 'owner';
}

export interface ScopeChannel {
  id: string;
  kind: ChannelSettings['kind'];
  enabled: boolean;
}

export interface DeliveryPlan {
  targetKey: string;
  channelKind: 'inbox' | ScopeChannel['kind'];
  channelId: string | null;
  recipientUserId: string | null;
  ruleId: string | null;
  /** `held`: waits for the rule's daily digest. */
  status: 'pending' | 'held';
  nextAttemptAt: Date;
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { info: 0, warning: 1, critical: 2 };

export function severityAtLeast(severity: AlertSeverity, min: AlertSeverity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[min];
}

/**
 * With no rule of its own a scope gets the built-in routing: every kind to every user's inbox
 * and to every enabled channel, at once.
 */
export function defaultRules(channels: readonly ScopeChannel[]): RoutingRule[] {
  return [
    {
      id: '',
      enabled: true,
      kinds: [],
      minSeverity: 'info',
      channelIds: channels.map((c) => c.id),
      inboxUserIds: [],
      inboxRoles: ['tenant_admin', 'tenant_agent', 'owner'],
      quietHours: null,
      digest: false,
      digestHour: 8,
    },
  ];
}

/**
 * Where one notification goes. The inbox always receives at once (it is where people look,
 * and it does not ring); quiet hours and digests hold only the channels that push (webhook,
 * Slack, Discord, email), and a critical notification is never held. When several rules reach
 * the same target, the one that sends soonest wins. A notification addressed to people
 * (`recipientUserIds`) goes to those users' inboxes only, if they belong to the scope.
 */
export function planDeliveries(
  notification: NewNotification,
  rules: readonly RoutingRule[] | null,
  users: readonly ScopeUser[],
  channels: readonly ScopeChannel[],
  now: Date,
  timeZone: string,
): DeliveryPlan[] {
  const plans = new Map<string, DeliveryPlan>();
  const add = (plan: DeliveryPlan) => {
    const existing = plans.get(plan.targetKey);
    const sooner = !existing || rank(plan) < rank(existing);
    if (sooner) plans.set(plan.targetKey, plan);
  };
  const rank = (p: DeliveryPlan) => (p.status === 'held' ? Number.MAX_SAFE_INTEGER : p.nextAttemptAt.getTime());
  const inbox = (userId: string, ruleId: string | null): DeliveryPlan => ({
    targetKey: `inbox:${userId}`,
    channelKind: 'inbox',
    channelId: null,
    recipientUserId: userId,
    ruleId,
    status: 'pending',
    nextAttemptAt: now,
  });

  if (notification.recipientUserIds) {
    const known = new Set(users.map((u) => u.id));
    for (const id of notification.recipientUserIds) if (known.has(id)) add(inbox(id, null));
    return [...plans.values()];
  }

  const byId = new Map(channels.map((c) => [c.id, c]));
  for (const rule of rules ?? defaultRules(channels)) {
    if (!rule.enabled) continue;
    if (rule.kinds.length > 0 && !rule.kinds.includes(notification.kind)) continue;
    if (!severityAtLeast(notification.severity, rule.minSeverity)) continue;
    const ruleId = rule.id || null;
    for (const user of users) {
      if (rule.inboxUserIds.includes(user.id) || rule.inboxRoles.includes(user.role)) add(inbox(user.id, ruleId));
    }
    const critical = notification.severity === 'critical';
    const held = rule.digest && !critical;
    const at = critical ? now : quietHoursRelease(rule.quietHours, now, timeZone);
    for (const channelId of rule.channelIds) {
      const channel = byId.get(channelId);
      if (!channel?.enabled) continue;
      add({
        targetKey: `channel:${channel.id}`,
        channelKind: channel.kind,
        channelId: channel.id,
        recipientUserId: null,
        ruleId,
        status: held ? 'held' : 'pending',
        nextAttemptAt: held ? nextLocalHour(rule.digestHour, now, rule.quietHours?.timezone ?? timeZone) : at,
      });
    }
  }
  return [...plans.values()];
}
