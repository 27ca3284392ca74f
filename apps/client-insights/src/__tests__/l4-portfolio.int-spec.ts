// L4 over the real database: a known set of hourly buckets for three tenants (two kinds) and
// their four previous weeks, read through OwnerDb as the analytics role, checked to the exact
// value; and proof that the tenant role's path sees nothing across tenants.
import { randomBytes } from 'node:crypto';
import { ownerPortfolioSchema, type PortfolioTenant } from '@parley/contracts';
import { createPrismaClient, OwnerDb, type PrismaClient } from '@parley/persistence';
import { createKnowledgeDocument, createTenant } from '@parley/testing';
import { InsightsError } from '../shared/insights.error';
import { DEFAULT_MODEL_PRICES } from '../shared/model-prices.util';
import { DEFAULT_PORTFOLIO_RULES } from '../portfolio/portfolio.rules';
import { PortfolioRepository } from '../portfolio/portfolio.repository';
import { PortfolioService } from '../portfolio/portfolio.service';
import { putBucket, putTerm } from './l4-fixtures';

describe('L4 owner portfolio', () => {
  let owner: PrismaClient;
  let analytics: PrismaClient;
  let app: PrismaClient;
  let service: PortfolioService;
  const tag = randomBytes(3).toString('hex');
  const trades = `trades-${tag}`;
  const dental = `dental-${tag}`;
  const t = { a: '', b: '', c: '', d: '' };
  // The week of Monday 17 March 2025 (UTC); the clock is after it, so it is complete.
  const rules = { ...DEFAULT_PORTFOLIO_RULES, emergingMinTenants: 2 };
  const clock = () => new Date('2025-03-26T12:00:00Z');

  async function chunks(tenantId: string, count: number): Promise<void> {
    const doc = await createKnowledgeDocument(owner, tenantId);
    await owner.$executeRaw`INSERT INTO knowledge_chunks (tenant_id, document_id, ordinal, text)
      SELECT ${tenantId}::uuid, ${doc.id}::uuid, g, 'chunk ' || g FROM generate_series(1, ${count}) g`;
  }

  async function feedback(tenantId: string, rating: number, at: string): Promise<void> {
    const [session] = await owner.$queryRaw<
      Array<{ id: string }>
    >`INSERT INTO chat_sessions (tenant_id) VALUES (${tenantId}::uuid) RETURNING id`;
    const [message] = await owner.$queryRaw<
      Array<{ id: string }>
    >`INSERT INTO chat_messages (tenant_id, session_id, role, content) VALUES (${tenantId}::uuid, ${session.id}::uuid, 'assistant', 'An answer') RETURNING id`;
    await owner.$executeRaw`INSERT INTO message_feedback (tenant_id, message_id, session_id, rating, created_at) VALUES (${tenantId}::uuid, ${message.id}::uuid, ${session.id}::uuid, ${rating}, ${new Date(at)})`;
  }

  const history = async (tenantId: string, sessions: number) => {
    for (const day of ['2025-03-12', '2025-03-05', '2025-02-26', '2025-02-19'])
      await putBucket(owner, tenantId, `${day}T10:00:00Z`, { sessions_started: sessions, turns: sessions * 2 });
  };

  beforeAll(async () => {
    owner = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_OWNER_URL as string, poolMax: 2 });
    analytics = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_ANALYTICS_URL as string, poolMax: 2 });
    app = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_URL as string, poolMax: 2 });
    service = new PortfolioService(
      new OwnerDb(analytics),
      new PortfolioRepository(app),
      { modelPrices: DEFAULT_MODEL_PRICES, portfolioRules: rules },
      clock,
    );
    const handoff = { handoffEnabled: true, handoffMessage: null, notifyOnEscalation: true };
    t.a = (
      await createTenant(owner, {
        slug: `a-${tag}`,
        display_name: 'Alpha Plumbing',
        kind: trades,
        tone: 'friendly',
        llm_provider: 'openai',
        escalation_settings: handoff,
      })
    ).id;
    t.b = (
      await createTenant(owner, { slug: `b-${tag}`, display_name: 'Beta Heating', kind: trades, tone: 'formal', llm_provider: 'offline' })
    ).id;
    t.c = (
      await createTenant(owner, {
        slug: `c-${tag}`,
        display_name: 'Smile Dental',
        kind: dental,
        tone: 'friendly',
        llm_provider: 'openai',
        escalation_settings: handoff,
      })
    ).id;
    t.d = (await createTenant(owner, { slug: `d-${tag}`, display_name: 'Gone Dental', kind: dental, status: 'deactivated' })).id;

    // A: steady, converting, a paid model.
    await history(t.a, 10);
    await putBucket(owner, t.a, '2025-03-18T09:00:00Z', {
      sessions_started: 10,
      turns: 30,
      lead_sessions: 4,
      escalated_sessions: 1,
      summarized_sessions: 10,
      resolved_without_human: 8,
      sentiment_sum: 3,
      sentiment_count: 10,
      unmet_needs: 2,
      tokens_in: 1_000_000,
      tokens_out: 100_000,
    });
    await putTerm(owner, t.a, '2025-03-18T09:00:00Z', 'model', 'openai/gpt-4o-mini', 30, { in: 1_000_000, out: 100_000 });
    await chunks(t.a, 60);
    // B: falling usage, unhappy, escalating, unhelpful.
    await history(t.b, 20);
    await putBucket(owner, t.b, '2025-03-20T15:00:00Z', {
      sessions_started: 6,
      turns: 12,
      escalated_sessions: 3,
      summarized_sessions: 5,
      resolved_without_human: 2,
      sentiment_sum: -3.6,
      sentiment_count: 6,
    });
    await feedback(t.b, -1, '2025-03-20T15:30:00Z');
    await feedback(t.b, -1, '2025-03-21T10:00:00Z');
    // C: small and new (no history), one active alert.
    await putBucket(owner, t.c, '2025-03-23T22:00:00Z', {
      sessions_started: 4,
      turns: 8,
      lead_sessions: 1,
      summarized_sessions: 4,
      resolved_without_human: 4,
      sentiment_sum: 2,
      sentiment_count: 4,
    });
    await chunks(t.c, 5);
    await owner.$executeRaw`INSERT INTO insight_alerts (tenant_id, rule, subject, active_key, severity, value, threshold, title, suggestion, window_start, window_end)
      VALUES (${t.c}::uuid, 'unanswered_question', 'x-ray prices', 'x-ray prices', 'warning', 5, 5, 't', 's', now(), now())`;
    await owner.$executeRaw`INSERT INTO insight_alerts (tenant_id, rule, subject, active_key, status, severity, value, threshold, title, suggestion, window_start, window_end, fired_at, resolved_at)
      VALUES (${t.a}::uuid, 'usage_drop', '', NULL, 'resolved', 'warning', 60, 50, 't', 's', now(), now(), '2025-03-25T10:00:00Z', '2025-03-26T10:00:00Z')`;
    await owner.$executeRaw`INSERT INTO insight_alerts (tenant_id, rule, subject, active_key, status, severity, value, threshold, title, suggestion, window_start, window_end, fired_at, resolved_at)
      VALUES (${t.a}::uuid, 'escalation_rate', '', NULL, 'resolved', 'warning', 0.2, 0.15, 't', 's', now(), now(), '2025-03-01T10:00:00Z', '2025-03-02T10:00:00Z')`;
    // D: deactivated, with activity that must not count.
    await putBucket(owner, t.d, '2025-03-18T09:00:00Z', { sessions_started: 50, turns: 100, escalated_sessions: 50 });
    // Topics: one emerging across A and C; one across A and B but not growing; one at B only.
    const heat = `heat pump grants ${tag}`;
    await putTerm(owner, t.a, '2025-03-10T09:00:00Z', 'topic', heat, 1);
    await putTerm(owner, t.a, '2025-03-18T09:00:00Z', 'topic', heat, 3);
    await putTerm(owner, t.c, '2025-03-23T22:00:00Z', 'unmet_need', heat, 2);
    await putTerm(owner, t.a, '2025-03-11T09:00:00Z', 'topic', `opening hours ${tag}`, 3);
    await putTerm(owner, t.b, '2025-03-12T09:00:00Z', 'topic', `opening hours ${tag}`, 2);
    await putTerm(owner, t.a, '2025-03-18T09:00:00Z', 'topic', `opening hours ${tag}`, 2);
    await putTerm(owner, t.b, '2025-03-20T15:00:00Z', 'topic', `opening hours ${tag}`, 2);
    await putTerm(owner, t.d, '2025-03-18T09:00:00Z', 'topic', `boilers ${tag}`, 9);
    await putTerm(owner, t.b, '2025-03-20T15:00:00Z', 'topic', `boilers ${tag}`, 4);
  });

  afterAll(async () => {
    await Promise.all([owner?.$disconnect(), analytics?.$disconnect(), app?.$disconnect()]);
  });

  const mine = (tenants: PortfolioTenant[]) =>
    new Map(tenants.filter((x) => [t.a, t.b, t.c, t.d].includes(x.tenantId)).map((x) => [x.slug.slice(0, 1), x]));

  it('computes each active tenant to the exact value, with health and the reasons', async () => {
    const portfolio = ownerPortfolioSchema.parse(await service.compute('week', '2025-03-19'));
    expect(portfolio).toMatchObject({
      period: 'week',
      date: '2025-03-17',
      periodStart: '2025-03-17T00:00:00.000Z',
      periodEnd: '2025-03-24T00:00:00.000Z',
    });
    const byKey = mine(portfolio.tenants);
    expect([...byKey.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(byKey.get('a')).toEqual({
      tenantId: t.a,
      slug: `a-${tag}`,
      displayName: 'Alpha Plumbing',
      kind: trades,
      status: 'active',
      health: 'green',
      reasons: [],
      sessions: 10,
      previousSessions: 10,
      changePct: 0,
      turns: 30,
      leadSessions: 4,
      conversionRate: 0.4,
      escalationRate: 0.1,
      resolvedSessions: 8,
      resolutionRate: 0.8,
      sentimentAverage: 0.3,
      feedbackScore: null,
      unmetNeeds: 2,
      tokensIn: 1_000_000,
      tokensOut: 100_000,
      costUsd: 0.21,
      costPerLeadUsd: 0.0525,
      costPerSessionUsd: 0.021,
      benchmark: { kind: trades, peers: 2, conversionDelta: 0.2, escalationDelta: -0.2, resolutionDelta: 0.2 },
      churn: { risk: 'low', trendSessions: 10, ratio: 1 },
      config: { tone: 'friendly', provider: 'openai', knowledgeChunks: 60, handoffEnabled: true },
      activeAlerts: 0,
    });
    expect(byKey.get('b')).toMatchObject({
      health: 'red',
      sessions: 6,
      previousSessions: 20,
      changePct: -70,
      conversionRate: 0,
      escalationRate: 0.5,
      resolutionRate: 0.4,
      sentimentAverage: -0.6,
      feedbackScore: -1,
      costUsd: 0,
      costPerLeadUsd: null,
      costPerSessionUsd: 0,
      benchmark: { kind: trades, peers: 2, conversionDelta: -0.2, escalationDelta: 0.2, resolutionDelta: -0.2 },
      churn: { risk: 'high', trendSessions: 20, ratio: 0.3 },
      config: { tone: 'formal', provider: 'offline', knowledgeChunks: 0, handoffEnabled: false },
    });
    expect(byKey.get('b')!.reasons).toEqual([
      'usage at 30% of its trend (20 sessions per period): churn risk',
      'escalation rate 50% (over 25%)',
      'average sentiment -0.6 (below -0.3)',
      'resolved without a human 40% (under 50%)',
      'feedback score -1 (more unhelpful than helpful ratings)',
      `conversion 0% vs 20% average for ${trades}`,
    ]);
    // Four sessions are too few to judge rates by; its one active alert still makes it amber.
    expect(byKey.get('c')).toMatchObject({
      health: 'amber',
      reasons: ['1 active alert'],
      sessions: 4,
      conversionRate: 0.25,
      activeAlerts: 1,
      churn: { risk: 'unknown', trendSessions: 0, ratio: null },
      benchmark: { kind: dental, peers: 1, conversionDelta: 0 },
      config: { tone: 'friendly', provider: 'openai', knowledgeChunks: 5, handoffEnabled: true },
    });
  });

  it('benchmarks each kind, relates configuration to outcomes and finds topics emerging across tenants', async () => {
    const portfolio = await service.compute('week', '2025-03-23');
    expect(portfolio.benchmarks.filter((b) => [trades, dental].includes(b.kind))).toEqual([
      { kind: dental, sessionsPerTenant: 4, tenants: 1, conversionRate: 0.25, escalationRate: 0, resolutionRate: 1, sentimentAverage: 0.5 },
      {
        kind: trades,
        sessionsPerTenant: 8,
        tenants: 2,
        conversionRate: 0.2,
        escalationRate: 0.3,
        resolutionRate: 0.6,
        sentimentAverage: -0.15,
      },
    ]);
    // Only this test's tenants have sessions in March 2025, so the groups are exactly theirs.
    expect(portfolio.configOutcomes).toEqual([
      {
        dimension: 'tone',
        value: 'formal',
        tenants: 1,
        conversionRate: 0,
        escalationRate: 0.5,
        resolutionRate: 0.4,
        sentimentAverage: -0.6,
      },
      {
        dimension: 'tone',
        value: 'friendly',
        tenants: 2,
        conversionRate: 0.325,
        escalationRate: 0.05,
        resolutionRate: 0.9,
        sentimentAverage: 0.4,
      },
      {
        dimension: 'provider',
        value: 'offline',
        tenants: 1,
        conversionRate: 0,
        escalationRate: 0.5,
        resolutionRate: 0.4,
        sentimentAverage: -0.6,
      },
      {
        dimension: 'provider',
        value: 'openai',
        tenants: 2,
        conversionRate: 0.325,
        escalationRate: 0.05,
        resolutionRate: 0.9,
        sentimentAverage: 0.4,
      },
      {
        dimension: 'knowledge',
        value: 'medium',
        tenants: 1,
        conversionRate: 0.4,
        escalationRate: 0.1,
        resolutionRate: 0.8,
        sentimentAverage: 0.3,
      },
      {
        dimension: 'knowledge',
        value: 'none',
        tenants: 1,
        conversionRate: 0,
        escalationRate: 0.5,
        resolutionRate: 0.4,
        sentimentAverage: -0.6,
      },
      {
        dimension: 'knowledge',
        value: 'small',
        tenants: 1,
        conversionRate: 0.25,
        escalationRate: 0,
        resolutionRate: 1,
        sentimentAverage: 0.5,
      },
      {
        dimension: 'handoff',
        value: 'disabled',
        tenants: 1,
        conversionRate: 0,
        escalationRate: 0.5,
        resolutionRate: 0.4,
        sentimentAverage: -0.6,
      },
      {
        dimension: 'handoff',
        value: 'enabled',
        tenants: 2,
        conversionRate: 0.325,
        escalationRate: 0.05,
        resolutionRate: 0.9,
        sentimentAverage: 0.4,
      },
    ]);
    // Not "opening hours" (4 mentions against 5 before) nor "boilers" (one active tenant; D is deactivated).
    expect(portfolio.emergingTopics.filter((e) => e.topic.endsWith(tag))).toEqual([
      { topic: `heat pump grants ${tag}`, tenants: 2, mentions: 5, previousMentions: 1 },
    ]);
    expect(portfolio.totals).toMatchObject({ sessions: 20, leadSessions: 5, costUsd: 0.21 });
  });

  it('stores the portfolio in owner_insights, one row per period, rewritten on each computation', async () => {
    await service.compute('week', '2025-03-17');
    const portfolio = await service.compute('week', '2025-03-18');
    const rows = await owner.ownerInsight.findMany({
      where: { kind: 'portfolio', period: 'week', periodStart: new Date('2025-03-17T00:00:00Z') },
    });
    expect(rows).toHaveLength(1);
    expect(ownerPortfolioSchema.parse(rows[0].metrics)).toEqual(portfolio);
  });

  it('judges churn of a period in progress pro rata', async () => {
    // Half-way through the week: A's 10 sessions against half of its trend (5) is ratio 2; B's 6 against 10 is 0.6.
    const midweek = new PortfolioService(
      new OwnerDb(analytics),
      new PortfolioRepository(app),
      { modelPrices: DEFAULT_MODEL_PRICES, portfolioRules: rules },
      () => new Date('2025-03-20T12:00:00Z'),
    );
    const byKey = mine((await midweek.compute('week', '2025-03-17')).tenants);
    expect(byKey.get('a')!.churn).toEqual({ risk: 'low', trendSessions: 10, ratio: 2 });
    expect(byKey.get('b')!.churn).toEqual({ risk: 'medium', trendSessions: 20, ratio: 0.6 });
  });

  it('counts days as UTC days', async () => {
    const day = await service.compute('day', '2025-03-23');
    expect(day).toMatchObject({ date: '2025-03-23', periodStart: '2025-03-23T00:00:00.000Z', periodEnd: '2025-03-24T00:00:00.000Z' });
    expect(mine(day.tenants).get('c')!.sessions).toBe(4);
    expect(mine(day.tenants).get('a')!.sessions).toBe(0);
  });

  it('refuses a period that has not started, writing nothing', async () => {
    const before = await owner.ownerInsight.count();
    await expect(service.compute('day', '2025-03-27')).rejects.toEqual(expect.objectContaining({ code: 'VALIDATION' }));
    await expect(service.compute('day', '2025-03-27')).rejects.toBeInstanceOf(InsightsError);
    expect(await owner.ownerInsight.count()).toBe(before);
  });

  it("sees nothing across tenants through a tenant role's path (RLS), which is why L4 reads as the analytics role", async () => {
    const wrongPath = new PortfolioService(
      new OwnerDb(app),
      new PortfolioRepository(app),
      { modelPrices: DEFAULT_MODEL_PRICES, portfolioRules: rules },
      clock,
    );
    const byKey = mine((await wrongPath.compute('week', '2025-03-19')).tenants);
    expect(byKey.get('a')!.sessions).toBe(0);
    expect(byKey.get('b')!.sessions).toBe(0);
    // And the analytics role cannot write, even by mistake.
    await expect(new OwnerDb(analytics).run((tx) => tx.$executeRaw`DELETE FROM owner_insights`)).rejects.toThrow();
    expect(await owner.ownerInsight.count({ where: { kind: 'portfolio' } })).toBeGreaterThan(0);
  });

  it('lists active alerts of every tenant and those resolved in the period', async () => {
    const period = service.periodOf('week', '2025-03-26');
    const alerts = (await service.alerts(period)).filter((a) => [t.a, t.c].includes(a.tenantId));
    // Newest first; the escalation alert resolved on 2 March is outside the week of 24 March.
    expect(alerts.map((a) => [a.tenantSlug, a.rule, a.status, a.subject])).toEqual([
      [`c-${tag}`, 'unanswered_question', 'active', 'x-ray prices'],
      [`a-${tag}`, 'usage_drop', 'resolved', ''],
    ]);
    expect(alerts[1]).toMatchObject({
      firedAt: '2025-03-25T10:00:00.000Z',
      resolvedAt: '2025-03-26T10:00:00.000Z',
      value: 60,
      threshold: 50,
    });
  });
});
