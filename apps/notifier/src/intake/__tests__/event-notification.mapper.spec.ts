import { randomUUID } from 'node:crypto';
import { PLATFORM_TENANT_ID, type ActionRequested, type InsightsAlert, type NotifyRequested } from '@parley/contracts';
import { fromActionRequested, fromInsightsAlert, fromNotifyRequested } from '../event-notification.mapper';

const tenantId = randomUUID();
const sessionId = randomUUID();
const occurredAt = '2026-06-01T10:00:00.000Z';

function notify(over: Partial<NotifyRequested> = {}): NotifyRequested {
  return { version: 1, tenantId, notificationId: randomUUID(), audience: 'tenant', category: 'escalation', kind: 'handoff', severity: 'warning', title: 'A visitor asked for a person', body: 'b', link: `/sessions/${sessionId}`, channels: [], occurredAt, ...over };
}

function action(over: Partial<ActionRequested> = {}): ActionRequested {
  return { version: 1, tenantId, actionId: randomUUID(), sessionId, turnId: randomUUID(), contactId: null, type: 'callback_request', label: 'Urgent callback: flooding', params: { urgency: 'critical', reason: 'flooding', evidence: 'water everywhere' }, occurredAt, ...over };
}

describe('event to notification', () => {
  it('keeps a tenant notification in its tenant, with its id, kind and link', () => {
    const event = notify();
    expect(fromNotifyRequested(event)).toMatchObject({ id: event.notificationId, scope: tenantId, kind: 'handoff', link: `/sessions/${sessionId}`, source: 'notify.requested' });
  });

  it("routes the owner's copy to the platform scope, linking the tenant instead of the chat", () => {
    const n = fromNotifyRequested(notify({ audience: 'owner', kind: 'safety', severity: 'critical' }));
    expect(n).toMatchObject({ scope: PLATFORM_TENANT_ID, kind: 'safety', link: `/admin/tenants/${tenantId}` });
    expect(n.data).toMatchObject({ tenantId });
  });

  it.each([
    ['lead', 'info', 'lead'],
    ['escalation', 'warning', 'handoff'],
    ['alert', 'critical', 'safety'],
    ['alert', 'warning', 'insight_alert'],
    ['follow_up', 'info', 'follow_up'],
    ['action', 'info', 'action'],
    ['system', 'info', 'system'],
  ] as const)('derives kind %s/%s -> %s for producers that send no kind', (category, severity, kind) => {
    expect(fromNotifyRequested(notify({ category, severity, kind: undefined })).kind).toBe(kind);
  });

  it('turns an L5 alert into an insight_alert with the suggestion', () => {
    const alert: InsightsAlert = {
      version: 1, tenantId, alertId: randomUUID(), audience: 'owner', severity: 'warning', metric: 'escalation_rate', value: 0.4, threshold: 0.25, comparator: 'gt',
      window: 'week', windowStart: occurredAt, title: "Bob's Plumbing: many chats escalate", rule: 'escalation_rate', suggestion: 'Add an FAQ about pricing', occurredAt,
    };
    expect(fromInsightsAlert(alert)).toMatchObject({ id: alert.alertId, scope: PLATFORM_TENANT_ID, kind: 'insight_alert', severity: 'warning', body: expect.stringContaining('Add an FAQ about pricing') });
    expect(fromInsightsAlert({ ...alert, audience: 'tenant' })).toMatchObject({ scope: tenantId, link: '/insights' });
  });

  it('executes a callback request as an urgent_callback with what the visitor said', () => {
    const critical = fromActionRequested(action());
    expect(critical).toMatchObject({ kind: 'urgent_callback', severity: 'critical', title: 'Urgent callback: flooding', scope: tenantId });
    expect(critical?.body).toContain('water everywhere');
    expect(fromActionRequested(action({ params: { urgency: 'high', phone: '+447700900123', when: 'today' } }))).toMatchObject({ severity: 'warning', body: expect.stringContaining('+447700900123') });
  });

  it('leaves a handoff to the turn\'s own handoff notification, and shows other actions as actions', () => {
    expect(fromActionRequested(action({ type: 'human_handoff', label: 'The visitor asked for a person', params: {} }))).toBeNull();
    expect(fromActionRequested(action({ type: 'book_appointment', label: 'Booked Tuesday 10:00', params: {} }))).toMatchObject({ kind: 'action', severity: 'info' });
  });
});
