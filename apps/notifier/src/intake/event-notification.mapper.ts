import {
  EVENT_NAMES,
  PLATFORM_TENANT_ID,
  type ActionRequested,
  type InsightsAlert,
  type NotificationKind,
  type NotifyRequested,
} from '@parley/contracts';
import type { NewNotification } from './new-notification';

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Producers before notification kinds existed sent only a category. */
function kindOf(event: NotifyRequested): NotificationKind {
  if (event.kind) return event.kind;
  switch (event.category) {
    case 'lead':
      return 'lead';
    case 'escalation':
      return 'handoff';
    case 'alert':
      return event.severity === 'critical' ? 'safety' : 'insight_alert';
    case 'action':
      return 'action';
    case 'follow_up':
      return 'follow_up';
    case 'system':
      return 'system';
  }
}

/** An owner hears about a tenant's chat, not the chat itself: the link goes to the tenant. */
function ownerLink(tenantId: string): string {
  return `/admin/tenants/${tenantId}`;
}

export function fromNotifyRequested(event: NotifyRequested): NewNotification {
  const owner = event.audience === 'owner';
  return {
    id: event.notificationId,
    scope: owner ? PLATFORM_TENANT_ID : event.tenantId,
    kind: kindOf(event),
    severity: event.severity,
    title: event.title,
    body: event.body,
    link: owner ? ownerLink(event.tenantId) : event.link,
    source: EVENT_NAMES.notifyRequested,
    occurredAt: new Date(event.occurredAt),
    recipientUserIds: owner ? undefined : event.recipientUserIds,
    data: { tenantId: event.tenantId, category: event.category },
  };
}

export function fromInsightsAlert(alert: InsightsAlert): NewNotification {
  const owner = alert.audience === 'owner';
  const measured = `${alert.metric} ${alert.value} (threshold ${alert.threshold}, ${alert.window})`;
  return {
    id: alert.alertId,
    scope: owner ? PLATFORM_TENANT_ID : alert.tenantId,
    kind: 'insight_alert',
    severity: alert.severity,
    title: alert.title,
    body: clip([alert.suggestion, measured].filter(Boolean).join('\n'), 4000),
    link: owner ? ownerLink(alert.tenantId) : '/insights',
    source: EVENT_NAMES.insightsAlert,
    occurredAt: new Date(alert.occurredAt),
    data: { tenantId: alert.tenantId, rule: alert.rule ?? null, metric: alert.metric, value: alert.value, threshold: alert.threshold },
  };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * What executing an action tells people. A callback request becomes an urgent_callback
 * notification (critical urgency: critical; high: warning). A human handoff tells no one here:
 * chat already asks for the `handoff` notification when the tenant wants to hear about
 * escalations, so a second one would be noise. Any other action is shown as an `action`.
 */
export function fromActionRequested(action: ActionRequested): NewNotification | null {
  if (action.type === 'human_handoff') return null;
  const base = {
    id: action.actionId,
    scope: action.tenantId,
    link: `/sessions/${action.sessionId}`,
    source: EVENT_NAMES.actionRequested,
    occurredAt: new Date(action.occurredAt),
    data: { actionType: action.type, sessionId: action.sessionId, contactId: action.contactId, params: action.params },
  };
  if (action.type === 'callback_request') {
    const evidence = text(action.params.evidence);
    const phone = text(action.params.phone);
    const when = text(action.params.when);
    const lines = [
      evidence ? `A visitor needs a call back: "${clip(evidence, 500)}"` : 'A visitor needs a call back.',
      phone ? `Phone: ${phone}` : null,
      when ? `When: ${when}` : null,
    ].filter((line): line is string => line !== null);
    return { ...base, kind: 'urgent_callback', severity: action.params.urgency === 'critical' ? 'critical' : 'warning', title: clip(action.label, 200), body: lines.join('\n') };
  }
  return { ...base, kind: 'action', severity: 'info', title: clip(action.label, 200), body: '' };
}
