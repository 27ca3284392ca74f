// L5 over the real database as the app role: threshold rules on a tenant's last 7 days vs the
// 7 before, each condition firing once (one alert row, one outbox event with a suggestion),
// resolving when it clears, and firing anew when it returns.
import { randomBytes } from 'node:crypto';
import { insightsAlertSchema, type InsightsAlert } from '@parley/contracts';
import { createPrismaClient, TenantDb, type PrismaClient } from '@parley/persistence';
import { createTenant } from '@parley/testing';
import { AlertRepository } from '../alerts/alert.repository';
import { AlertService } from '../alerts/alert.service';
import { DEFAULT_ALERT_RULES } from '../alerts/alert.rules';
import { putBucket, putTerm } from './l4-fixtures';

describe('L5 threshold alerts', () => {
  let owner: PrismaClient;
  let app: PrismaClient;
  let alerts: AlertService;
  let bob: string;
  let eve: string;
  const tag = randomBytes(3).toString('hex');
  // Windows: [8 May 13:00, 15 May 13:00) UTC (the hour in progress included) against [1 May 13:00, 8 May 13:00).
  const now = new Date('2025-05-15T12:30:00Z');

  async function events(tenantId: string): Promise<InsightsAlert[]> {
    const rows = await owner.outbox.findMany({ where: { subject: { startsWith: 'evt.insights.alert.' } }, orderBy: { seq: 'asc' } });
    return rows.map((r) => insightsAlertSchema.parse(r.payload)).filter((p) => p.tenantId === tenantId);
  }

  beforeAll(async () => {
    owner = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_OWNER_URL as string, poolMax: 2 });
    app = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_URL as string, poolMax: 2 });
    alerts = new AlertService(new TenantDb(app), new AlertRepository(), { alertRules: DEFAULT_ALERT_RULES }, () => now);
    bob = (
      await createTenant(owner, {
        slug: `bob-${tag}`,
        display_name: "Bob's Plumbing",
        tone: 'friendly',
        allowed_origins: ['https://bobs-plumbing.example'],
      })
    ).id;
    eve = (await createTenant(owner, { slug: `eve-${tag}`, display_name: 'Eve Dental' })).id;
    // Bob, previous week: 10 sessions, sentiment +0.5 on 10 messages.
    await putBucket(owner, bob, '2025-05-05T10:00:00Z', { sessions_started: 10, sentiment_sum: 5, sentiment_count: 10 });
    // Bob, this week: 4 sessions (down 60%), sentiment -0.2 on 5 messages (positivity 0.75 -> 0.4, down 46.67%).
    await putBucket(owner, bob, '2025-05-12T10:00:00Z', {
      sessions_started: 4,
      escalated_sessions: 4,
      sentiment_sum: -1,
      sentiment_count: 5,
    });
    await putTerm(owner, bob, '2025-05-12T10:00:00Z', 'unmet_need', 'gas safety certificate', 3);
    await putTerm(owner, bob, '2025-05-13T10:00:00Z', 'unmet_need', 'gas safety certificate', 2);
    await putTerm(owner, bob, '2025-05-13T10:00:00Z', 'unmet_need', 'parking', 4);
    await putTerm(owner, bob, '2025-05-13T10:00:00Z', 'topic', 'boiler repair', 7);
    // Outside both windows: not counted.
    await putTerm(owner, bob, '2025-04-20T10:00:00Z', 'unmet_need', 'parking', 9);
    await putBucket(owner, bob, '2025-05-15T13:00:00Z', { sessions_started: 50 }); // an hour that has not begun
    // Eve: 10 sessions, 2 escalated (20%, over 15%), steady otherwise.
    await putBucket(owner, eve, '2025-05-05T10:00:00Z', { sessions_started: 10 });
    await putBucket(owner, eve, '2025-05-12T10:00:00Z', { sessions_started: 10, escalated_sessions: 2 });
    await putTerm(owner, eve, '2025-05-12T10:00:00Z', 'topic', 'whitening', 3);
    await putTerm(owner, eve, '2025-05-12T10:00:00Z', 'topic', 'prices', 3);
  });

  afterAll(async () => {
    await Promise.all([owner?.$disconnect(), app?.$disconnect()]);
  });

  it('fires each breached rule once, with a concrete suggestion, in the same transaction as its event', async () => {
    const result = await alerts.evaluate(bob);
    expect(result.fired.map((b) => [b.rule, b.subject, b.value]).sort()).toEqual([
      ['sentiment_drop', '', 46.67],
      ['unanswered_question', 'gas safety certificate', 5],
      ['usage_drop', '', 60],
    ]);
    // Four sessions are under the minimum of five: no escalation alert despite 100%.
    expect(result).toMatchObject({ ongoing: 0, resolved: 0 });
    const published = await events(bob);
    expect(published).toHaveLength(3);
    const faq = published.find((e) => e.rule === 'unanswered_question')!;
    expect(faq).toMatchObject({
      audience: 'owner',
      severity: 'warning',
      metric: 'unanswered_question_count',
      value: 5,
      threshold: 5,
      comparator: 'gte',
      window: 'week',
      windowStart: '2025-05-08T13:00:00.000Z',
      subject: 'gas safety certificate',
      occurredAt: now.toISOString(),
      suggestion: `Add an FAQ about "gas safety certificate" to Bob's Plumbing's knowledge: visitors asked 5 times in the last 7 days and the bot could not answer.`,
    });
    expect(published.find((e) => e.rule === 'usage_drop')!.suggestion).toBe(
      "Check that the chat widget is still live on https://bobs-plumbing.example and its API key still works, then contact Bob's Plumbing: conversations fell from 10 to 4 in a week.",
    );
    expect(published.find((e) => e.rule === 'sentiment_drop')!.suggestion).toContain('"boiler repair"');
    const rows = await owner.insightAlert.findMany({ where: { tenantId: bob }, orderBy: { rule: 'asc' } });
    expect(rows.map((r) => [r.rule, r.status, r.activeKey])).toEqual([
      ['sentiment_drop', 'active', ''],
      ['unanswered_question', 'active', 'gas safety certificate'],
      ['usage_drop', 'active', ''],
    ]);
    expect(new Set(published.map((e) => e.alertId))).toEqual(new Set(rows.map((r) => r.id)));
  });

  it('does not fire again while the condition holds', async () => {
    const result = await alerts.evaluate(bob);
    expect(result).toMatchObject({ fired: [], ongoing: 3, resolved: 0 });
    expect(await events(bob)).toHaveLength(3);
    expect(await owner.insightAlert.count({ where: { tenantId: bob } })).toBe(3);
  });

  it('fires once even when two replicas evaluate at the same time', async () => {
    await putTerm(owner, bob, '2025-05-14T10:00:00Z', 'unmet_need', 'parking', 1); // parking reaches 5
    const [x, y] = await Promise.all([alerts.evaluate(bob), alerts.evaluate(bob)]);
    expect(x.fired.length + y.fired.length).toBe(1);
    expect((await events(bob)).filter((e) => e.subject === 'parking')).toHaveLength(1);
  });

  it('resolves an alert whose condition cleared, and fires anew when it returns', async () => {
    await putBucket(owner, bob, '2025-05-14T09:00:00Z', { sessions_started: 6 }); // back to 10 sessions: no drop
    const recovered = await alerts.evaluate(bob);
    // Ten sessions are now enough to judge escalation: 4 of 10 (40%) fires that rule instead.
    expect(recovered.fired.map((b) => [b.rule, b.value, b.severity])).toEqual([['escalation_rate', 0.4, 'critical']]);
    expect(recovered.resolved).toBe(1);
    const usage = await owner.insightAlert.findMany({ where: { tenantId: bob, rule: 'usage_drop' } });
    expect(usage.map((r) => [r.status, r.activeKey, r.resolvedAt?.toISOString()])).toEqual([['resolved', null, now.toISOString()]]);

    await owner.$executeRaw`UPDATE insight_hourly_buckets SET sessions_started = 0 WHERE tenant_id = ${bob}::uuid AND hour_start = ${new Date('2025-05-14T09:00:00Z')}`;
    const again = await alerts.evaluate(bob);
    expect(again.fired.map((b) => b.rule)).toEqual(['usage_drop']);
    expect(again.resolved).toBe(1); // escalation: four sessions are too few to judge again
    expect(await owner.insightAlert.count({ where: { tenantId: bob, rule: 'usage_drop' } })).toBe(2);
    expect((await events(bob)).filter((e) => e.rule === 'usage_drop')).toHaveLength(2);
  });

  it("judges escalation over 15% and suggests handoff when it is off; never touches another tenant's alerts", async () => {
    const bobAlerts = await owner.insightAlert.count({ where: { tenantId: bob } });
    const result = await alerts.evaluate(eve);
    expect(result.fired.map((b) => [b.rule, b.value, b.threshold])).toEqual([['escalation_rate', 0.2, 0.15]]);
    expect(result.fired[0].suggestion).toBe(
      `Add answers about "prices", "whitening" to Eve Dental's knowledge so fewer visitors need a person, and enable human handoff so Eve Dental's staff can take over when they do.`,
    );
    expect(await owner.insightAlert.count({ where: { tenantId: bob } })).toBe(bobAlerts);
  });

  it('does nothing for an unknown tenant', async () => {
    await expect(alerts.evaluate('5d1b8f0e-0000-4000-8000-000000000000')).resolves.toEqual({ fired: [], ongoing: 0, resolved: 0 });
  });
});
