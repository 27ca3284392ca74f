import { randomUUID } from 'node:crypto';
import type { NewNotification } from '../new-notification.types';
import { planDeliveries, type RoutingRule, type ScopeChannel, type ScopeUser } from '../delivery-routing.rules';

const now = new Date('2026-06-01T23:30:00Z');
const admin: ScopeUser = { id: randomUUID(), role: 'tenant_admin' };
const agent: ScopeUser = { id: randomUUID(), role: 'tenant_agent' };
const slack: ScopeChannel = { id: randomUUID(), kind: 'slack', enabled: true };
const email: ScopeChannel = { id: randomUUID(), kind: 'email', enabled: true };
const off: ScopeChannel = { id: randomUUID(), kind: 'webhook', enabled: false };

function note(over: Partial<NewNotification> = {}): NewNotification {
  return {
    id: randomUUID(),
    scope: randomUUID(),
    kind: 'urgent_callback',
    severity: 'warning',
    title: 't',
    body: '',
    link: null,
    source: 'action.requested',
    occurredAt: now,
    data: {},
    ...over,
  };
}

function rule(over: Partial<RoutingRule> = {}): RoutingRule {
  return {
    id: randomUUID(),
    enabled: true,
    kinds: [],
    minSeverity: 'info',
    channelIds: [],
    inboxUserIds: [],
    inboxRoles: [],
    quietHours: null,
    digest: false,
    digestHour: 8,
    ...over,
  };
}

const keys = (plans: ReturnType<typeof planDeliveries>) => plans.map((p) => p.targetKey).sort();

describe('planDeliveries', () => {
  it('without rules sends every kind to every inbox and every enabled channel, at once', () => {
    const plans = planDeliveries(note(), null, [admin, agent], [slack, off], now, 'UTC');
    expect(keys(plans)).toEqual([`channel:${slack.id}`, `inbox:${admin.id}`, `inbox:${agent.id}`].sort());
    expect(plans.every((p) => p.status === 'pending' && p.nextAttemptAt === now)).toBe(true);
  });

  it('selects by kind and minimum severity, inbox by role or user', () => {
    const rules = [
      rule({ kinds: ['safety'], channelIds: [slack.id], inboxRoles: ['tenant_admin'] }),
      rule({ kinds: ['urgent_callback'], minSeverity: 'critical', channelIds: [email.id] }),
      rule({ kinds: ['urgent_callback'], inboxUserIds: [agent.id] }),
    ];
    expect(
      keys(planDeliveries(note({ kind: 'urgent_callback', severity: 'warning' }), rules, [admin, agent], [slack, email], now, 'UTC')),
    ).toEqual([`inbox:${agent.id}`]);
    expect(
      keys(planDeliveries(note({ kind: 'urgent_callback', severity: 'critical' }), rules, [admin, agent], [slack, email], now, 'UTC')),
    ).toEqual([`channel:${email.id}`, `inbox:${agent.id}`].sort());
    expect(keys(planDeliveries(note({ kind: 'safety', severity: 'info' }), rules, [admin, agent], [slack, email], now, 'UTC'))).toEqual(
      [`channel:${slack.id}`, `inbox:${admin.id}`].sort(),
    );
  });

  it('skips disabled rules, disabled channels and channels of other scopes', () => {
    const rules = [rule({ enabled: false, channelIds: [slack.id] }), rule({ channelIds: [off.id, randomUUID()] })];
    expect(planDeliveries(note(), rules, [admin], [slack, off], now, 'UTC')).toEqual([]);
  });

  it('holds pushes during quiet hours, never the inbox and never a critical notification', () => {
    const rules = [rule({ channelIds: [slack.id], inboxRoles: ['tenant_admin'], quietHours: { start: '22:00', end: '07:00' } })];
    const plans = planDeliveries(note({ severity: 'warning' }), rules, [admin], [slack], now, 'UTC');
    expect(plans.find((p) => p.channelKind === 'slack')?.nextAttemptAt.toISOString()).toBe('2026-06-02T07:00:00.000Z');
    expect(plans.find((p) => p.channelKind === 'inbox')?.nextAttemptAt).toBe(now);
    const critical = planDeliveries(note({ severity: 'critical' }), rules, [admin], [slack], now, 'UTC');
    expect(critical.every((p) => p.nextAttemptAt === now)).toBe(true);
  });

  it('holds digest deliveries until the digest hour; a second rule that sends now wins', () => {
    const digest = rule({ channelIds: [email.id], digest: true, digestHour: 8 });
    const [held] = planDeliveries(note({ severity: 'info' }), [digest], [admin], [email], now, 'UTC');
    expect(held).toMatchObject({ status: 'held', channelKind: 'email' });
    expect(held.nextAttemptAt.toISOString()).toBe('2026-06-02T08:00:00.000Z');
    const both = planDeliveries(note({ severity: 'info' }), [digest, rule({ channelIds: [email.id] })], [admin], [email], now, 'UTC');
    expect(both).toHaveLength(1);
    expect(both[0].status).toBe('pending');
    expect(planDeliveries(note({ severity: 'critical' }), [digest], [admin], [email], now, 'UTC')[0].status).toBe('pending');
  });

  it('sends a notification addressed to people only to those of them in the scope', () => {
    const stranger = randomUUID();
    const plans = planDeliveries(
      note({ kind: 'staff_message', recipientUserIds: [agent.id, stranger] }),
      [rule({ channelIds: [slack.id], inboxRoles: ['tenant_admin'] })],
      [admin, agent],
      [slack],
      now,
      'UTC',
    );
    expect(keys(plans)).toEqual([`inbox:${agent.id}`]);
  });

  it('plans one delivery per target however many rules reach it', () => {
    const plans = planDeliveries(
      note(),
      [rule({ inboxRoles: ['tenant_admin'], channelIds: [slack.id] }), rule({ inboxUserIds: [admin.id], channelIds: [slack.id] })],
      [admin],
      [slack],
      now,
      'UTC',
    );
    expect(keys(plans)).toEqual([`channel:${slack.id}`, `inbox:${admin.id}`].sort());
  });
});
