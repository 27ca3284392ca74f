import { randomUUID } from 'node:crypto';
import { PLATFORM_TENANT_ID, type ActionRequested, type InsightsAlert, type NotifyRequested } from '@parley/contracts';
import { fromActionRequested, fromInsightsAlert, fromNotifyRequested, type RefusedAction } from '../event-notification.mapper';

const tenantId = randomUUID();
const sessionId = randomUUID();
const occurredAt = '2026-06-01T10:00:00.000Z';

function notify(over: Partial<NotifyRequested> = {}): NotifyRequested {
  return {
    version: 1,
    tenantId,
    notificationId: randomUUID(),
    audience: 'tenant',
    category: 'escalation',
    kind: 'handoff',
    severity: 'warning',
    title: 'A visitor asked for a person',
    body: 'b',
    link: `/sessions/${sessionId}`,
    channels: [],
    occurredAt,
    ...over,
  };
}

function action(over: Partial<ActionRequested> = {}): ActionRequested {
  return {
    version: 1,
    tenantId,
    actionId: randomUUID(),
    sessionId,
    turnId: randomUUID(),
    contactId: null,
    type: 'callback_request',
    label: 'Urgent callback: flooding',
    params: { urgency: 'critical', reason: 'flooding', evidence: 'water everywhere' },
    occurredAt,
    ...over,
  };
}

describe('event to notification', () => {
  it('keeps a tenant notification in its tenant, with its id, kind and link', () => {
    const event = notify();
    expect(fromNotifyRequested(event)).toMatchObject({
      id: event.notificationId,
      scope: tenantId,
      kind: 'handoff',
      link: `/sessions/${sessionId}`,
      source: 'notify.requested',
    });
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
      version: 1,
      tenantId,
      alertId: randomUUID(),
      audience: 'owner',
      severity: 'warning',
      metric: 'escalation_rate',
      value: 0.4,
      threshold: 0.25,
      comparator: 'gt',
      window: 'week',
      windowStart: occurredAt,
      title: "Bob's Plumbing: many chats escalate",
      rule: 'escalation_rate',
      suggestion: 'Add an FAQ about pricing',
      occurredAt,
    };
    expect(fromInsightsAlert(alert)).toMatchObject({
      id: alert.alertId,
      scope: PLATFORM_TENANT_ID,
      kind: 'insight_alert',
      severity: 'warning',
      body: expect.stringContaining('Add an FAQ about pricing'),
    });
    expect(fromInsightsAlert({ ...alert, audience: 'tenant' })).toMatchObject({ scope: tenantId, link: '/insights' });
  });

  it('executes a callback request as an urgent_callback with what the visitor said', () => {
    const critical = fromActionRequested(action());
    expect(critical).toMatchObject({ kind: 'urgent_callback', severity: 'critical', title: 'Urgent callback: flooding', scope: tenantId });
    expect(critical?.body).toContain('water everywhere');
    expect(fromActionRequested(action({ params: { urgency: 'high', phone: '+447700900123', when: 'today' } }))).toMatchObject({
      severity: 'warning',
      body: expect.stringContaining('+447700900123'),
    });
  });

  it("leaves a handoff to the turn's own handoff notification, and shows other actions as actions", () => {
    expect(fromActionRequested(action({ type: 'human_handoff', label: 'The visitor asked for a person', params: {} }))).toBeNull();
    expect(fromActionRequested(action({ type: 'book_appointment', label: 'Booked Tuesday 10:00', params: {} }))).toMatchObject({
      kind: 'action',
      severity: 'info',
    });
  });

  describe("the model's actions", () => {
    const staff = [randomUUID(), randomUUID()];

    it.each([
      ['low', 'info', 'Message from a chat'],
      ['medium', 'info', 'Message from a chat'],
      ['high', 'warning', 'Urgent message from a chat'],
      ['critical', 'critical', 'Urgent message from a chat'],
    ] as const)('sends a %s notify_staff as a %s staff_message to the resolved users only', (urgency, severity, title) => {
      const n = fromActionRequested(
        action({
          type: 'notify_staff',
          label: 'Message passed to the team',
          params: { recipient: 'manager', recipientUserIds: staff, message: "I'm off sick tomorrow", urgency },
        }),
      );
      expect(n).toMatchObject({
        kind: 'staff_message',
        severity,
        title,
        body: "I'm off sick tomorrow",
        recipientUserIds: staff,
        scope: tenantId,
        link: `/sessions/${sessionId}`,
      });
    });

    it('executes request_callback as an urgent_callback with the phone and time', () => {
      const n = fromActionRequested(
        action({ type: 'request_callback', label: 'Callback requested', params: { phone: '+447700900123', when: 'after 5pm' } }),
      );
      expect(n).toMatchObject({ kind: 'urgent_callback', severity: 'warning', title: 'Callback requested' });
      expect(n?.body).toBe('A visitor asked for a call back.\nPhone: +447700900123\nWhen: after 5pm');
      expect(
        fromActionRequested(
          action({ type: 'request_callback', label: 'Callback requested', params: { phone: '+447700900123', when: null } }),
        )?.body,
      ).not.toContain('When');
    });

    it('executes create_follow_up as a follow_up with its due date, and log_event as an info action', () => {
      expect(
        fromActionRequested(
          action({ type: 'create_follow_up', label: 'Follow-up created for the team', params: { what: 'Send the quote', due: 'Friday' } }),
        ),
      ).toMatchObject({
        kind: 'follow_up',
        severity: 'info',
        title: 'Follow-up: Send the quote',
        body: 'Send the quote\nDue: Friday',
        data: { actionType: 'create_follow_up', due: 'Friday' },
      });
      expect(
        fromActionRequested(
          action({
            type: 'log_event',
            label: 'Noted for the team: lost property',
            params: { kind: 'lost_property', details: 'A blue scarf at table 4' },
          }),
        ),
      ).toMatchObject({
        kind: 'action',
        severity: 'info',
        title: 'Logged from a chat: lost property',
        body: 'A blue scarf at table 4',
      });
    });

    it.each([
      [
        'notify_staff without resolved recipients',
        'notify_staff',
        { recipient: 'manager', message: 'hi', urgency: 'high' },
        ['recipientUserIds'],
      ],
      [
        'notify_staff to an email instead of user ids',
        'notify_staff',
        { recipient: 'x', recipientUserIds: ['attacker@evil.example'], message: 'hi', urgency: 'high' },
        ['recipientUserIds'],
      ],
      [
        'notify_staff with an oversize message',
        'notify_staff',
        { recipient: 'manager', recipientUserIds: [randomUUID()], message: 'x'.repeat(1001), urgency: 'low' },
        ['message'],
      ],
      ['request_callback with a phone not in E.164', 'request_callback', { phone: 'call me maybe', when: null }, ['phone']],
      ['create_follow_up without a due date', 'create_follow_up', { what: 'Send the quote' }, ['due']],
      ['log_event from an older producer', 'log_event', {}, ['kind', 'details']],
    ])('refuses %s without throwing', (_label, type, params, fields) => {
      const refused: RefusedAction[] = [];
      const event = action({ type, label: 'x', params });
      expect(fromActionRequested(event, (r) => refused.push(r))).toBeNull();
      expect(refused).toEqual([{ tenantId, actionId: event.actionId, actionType: type, fields }]);
      expect(() => fromActionRequested(event)).not.toThrow();
    });
  });
});
