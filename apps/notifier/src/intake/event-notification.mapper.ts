import {
  EVENT_NAMES,
  PLATFORM_TENANT_ID,
  isModelActionType,
  modelActionParamsSchemas,
  type ActionRequested,
  type AlertSeverity,
  type ModelActionParamsByType,
  type ModelActionType,
  type ModelActionUrgency,
  type InsightsAlert,
  type NotificationKind,
  type NotifyRequested,
} from '@parley/contracts';
import type { NewNotification } from './new-notification.types';

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

/** An action event whose params do not parse: not executed (the consumer acks it). Never carries values. */
export interface RefusedAction {
  tenantId: string;
  actionId: string;
  actionType: string;
  /** Param names that failed validation. */
  fields: string[];
}

const URGENCY_SEVERITY: Record<ModelActionUrgency, AlertSeverity> = { low: 'info', medium: 'info', high: 'warning', critical: 'critical' };

type ActionBase = Pick<NewNotification, 'id' | 'scope' | 'link' | 'source' | 'occurredAt'>;

/** A model action (ADR 0011) whose params parsed with the contracts' schema for its type. */
type ModelAction = { [K in ModelActionType]: { type: K; params: ModelActionParamsByType[K] } }[ModelActionType];

function fromModelAction(model: ModelAction, action: ActionRequested, base: ActionBase): NewNotification {
  const data = { actionType: model.type, sessionId: action.sessionId, contactId: action.contactId, params: model.params };
  switch (model.type) {
    case 'notify_staff': {
      const { message, urgency, recipientUserIds } = model.params;
      const severity = URGENCY_SEVERITY[urgency];
      const title = severity === 'info' ? 'Message from a chat' : 'Urgent message from a chat';
      // Addressed to the resolved staff only; routing still drops anyone outside the tenant.
      return { ...base, kind: 'staff_message', severity, title, body: clip(message, 4000), recipientUserIds, data };
    }
    case 'request_callback': {
      const { phone, when } = model.params;
      const body = ['A visitor asked for a call back.', `Phone: ${phone}`, when ? `When: ${when}` : null]
        .filter((l): l is string => l !== null)
        .join('\n');
      return { ...base, kind: 'urgent_callback', severity: 'warning', title: clip(action.label, 200), body, data };
    }
    case 'create_follow_up': {
      const { what, due } = model.params;
      return {
        ...base,
        kind: 'follow_up',
        severity: 'info',
        title: clip(`Follow-up: ${what}`, 200),
        body: `${what}\nDue: ${due}`,
        data: { ...data, due },
      };
    }
    case 'log_event': {
      const { kind, details } = model.params;
      return {
        ...base,
        kind: 'action',
        severity: 'info',
        title: clip(`Logged from a chat: ${kind.replace(/_/g, ' ')}`, 200),
        body: clip(details, 4000),
        data,
      };
    }
  }
}

/**
 * What executing an action tells people. A callback request becomes an urgent_callback
 * notification (critical urgency: critical; high: warning). A human handoff tells no one here:
 * chat already asks for the `handoff` notification when the tenant wants to hear about
 * escalations, so a second one would be noise. The model's actions (ADR 0011): notify_staff
 * becomes a staff_message for the resolved users only (severity from its urgency),
 * request_callback an urgent_callback with the phone and time, create_follow_up a follow_up
 * with its due date, log_event an info `action`. Their params are parsed again with the
 * contracts' schemas (the event may come from an older or faulty producer): params that do not
 * parse are refused (`onRefused`, null), so the consumer acks the event and nothing is sent.
 * Any other action is shown as an `action`.
 */
export function fromActionRequested(action: ActionRequested, onRefused?: (refusal: RefusedAction) => void): NewNotification | null {
  if (action.type === 'human_handoff') return null;
  const base: ActionBase = {
    id: action.actionId,
    scope: action.tenantId,
    link: `/sessions/${action.sessionId}`,
    source: EVENT_NAMES.actionRequested,
    occurredAt: new Date(action.occurredAt),
  };
  if (isModelActionType(action.type)) {
    const parsed = modelActionParamsSchemas[action.type].safeParse(action.params);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))];
      onRefused?.({ tenantId: action.tenantId, actionId: action.actionId, actionType: action.type, fields });
      return null;
    }
    return fromModelAction({ type: action.type, params: parsed.data } as ModelAction, action, base);
  }
  const data = { actionType: action.type, sessionId: action.sessionId, contactId: action.contactId, params: action.params };
  if (action.type === 'callback_request') {
    const evidence = text(action.params.evidence);
    const phone = text(action.params.phone);
    const when = text(action.params.when);
    const lines = [
      evidence ? `A visitor needs a call back: "${clip(evidence, 500)}"` : 'A visitor needs a call back.',
      phone ? `Phone: ${phone}` : null,
      when ? `When: ${when}` : null,
    ].filter((line): line is string => line !== null);
    return {
      ...base,
      data,
      kind: 'urgent_callback',
      severity: action.params.urgency === 'critical' ? 'critical' : 'warning',
      title: clip(action.label, 200),
      body: lines.join('\n'),
    };
  }
  return { ...base, data, kind: 'action', severity: 'info', title: clip(action.label, 200), body: '' };
}
