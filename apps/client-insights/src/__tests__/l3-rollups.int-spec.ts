// L3 over the real database as the app role: a known set of events folded into hourly buckets,
// then day and week rollups in the tenant's time zone checked metric by metric.
import { randomUUID } from 'node:crypto';
import { PermanentError } from '@parley/messaging';
import { createPrismaClient, TenantDb, type PgTx, type PrismaClient } from '@parley/persistence';
import { createChatMessage, createChatSession, createTenant } from '@parley/testing';
import { InsightEventsService } from '../ingest/insight-events.service';
import { InsightIngestRepository } from '../ingest/insight-ingest.repository';
import { InsightsError } from '../shared/insights.error';
import { DEFAULT_MODEL_PRICES } from '../shared/model-prices.util';
import { RollupRepository } from '../rollup/rollup.repository';
import { RollupService } from '../rollup/rollup.service';
import { closedEvent, extractedEvent, msg, summarizedEvent, turnEvent } from './l3-fixtures';

describe('L3 tenant rollups', () => {
  let prisma: PrismaClient;
  /** Owner role (BYPASSRLS): fixtures and checks only. */
  let owner: PrismaClient;
  let events: InsightEventsService;
  let rollups: RollupService;
  /** Europe/London (BST, UTC+1 in July). */
  let london: string;
  let other: string;
  const contact = randomUUID();
  const s = { p1: randomUUID(), p2: randomUUID(), w0: randomUUID(), s1: randomUUID(), s2: randomUUID(), s3: randomUUID() };

  async function feedback(tenantId: string, rating: number, createdAt: string): Promise<void> {
    const session = await createChatSession(owner, tenantId);
    const message = await createChatMessage(owner, session, { role: 'assistant', content: 'An answer' });
    await owner.$executeRaw`INSERT INTO message_feedback (tenant_id, message_id, session_id, rating, created_at)
      VALUES (${tenantId}::uuid, ${message.id}::uuid, ${session.id}::uuid, ${rating}, ${new Date(createdAt)})`;
  }

  /** The same conversations for a tenant; `tenantId` decides whose buckets they fill. */
  async function feedConversations(tenantId: string): Promise<void> {
    // Previous week (Mon 29 Jun - Sun 5 Jul local): two sessions.
    await events.handleTurn(turnEvent(tenantId, s.p1, '2026-07-01T10:15:00Z'), msg());
    await events.handleTurn(turnEvent(tenantId, s.p2, '2026-07-05T22:30:00Z'), msg()); // Sun 23:30 BST
    // 23:30 UTC on Sunday 5 Jul is 00:30 BST on Monday 6 Jul: this week, and day 6 Jul.
    await events.handleTurn(turnEvent(tenantId, s.w0, '2026-07-05T23:30:00Z', { flags: ['escalation'] }), msg());
    await events.handleExtracted(extractedEvent(tenantId, s.w0, '2026-07-05T23:30:05Z', -0.8, ['Emergency']), msg());
    await events.handleSummarized(
      summarizedEvent(tenantId, s.w0, '2026-07-06T00:10:00Z', {
        outcome: 'resolved',
        lead: false,
        unmetNeeds: ['Gas safety  certificate'],
      }),
      msg(),
    );
    // Mon 6 Jul 09:10 and 09:40 BST, a known contact, a paid model.
    const paid = { contactId: contact, provider: 'openai', model: 'gpt-4o-mini' };
    await events.handleTurn(turnEvent(tenantId, s.s1, '2026-07-06T08:10:00Z', paid), msg());
    await events.handleTurn(turnEvent(tenantId, s.s1, '2026-07-06T08:40:00Z', paid), msg());
    await events.handleExtracted(extractedEvent(tenantId, s.s1, '2026-07-06T08:10:02Z', 0.5, ['Boiler repair', 'pricing']), msg());
    await events.handleExtracted(extractedEvent(tenantId, s.s1, '2026-07-06T08:40:02Z', -0.1, ['boiler repair']), msg());
    await events.handleClosed(closedEvent(tenantId, s.s1, '2026-07-06T08:10:00Z', '2026-07-06T09:00:00Z'), msg());
    await events.handleSummarized(
      summarizedEvent(tenantId, s.s1, '2026-07-06T09:00:10Z', { outcome: 'resolved', lead: true, unmetNeeds: ['gas safety certificate'] }),
      msg(),
    );
    // Tue 7 Jul: the same contact returns at 14:05 BST; another visitor at 09:20 BST is handed to a human.
    await events.handleTurn(turnEvent(tenantId, s.s2, '2026-07-07T13:05:00Z', { contactId: contact }), msg());
    await events.handleExtracted(extractedEvent(tenantId, s.s2, '2026-07-07T13:05:02Z', 0.3, ['Opening hours']), msg());
    await events.handleSummarized(
      summarizedEvent(tenantId, s.s2, '2026-07-07T13:30:00Z', { outcome: 'resolved', lead: false, unmetNeeds: ['Open on Sundays?'] }),
      msg(),
    );
    await createChatSession(owner, tenantId, { id: s.s3, needs_human: true });
    await events.handleTurn(turnEvent(tenantId, s.s3, '2026-07-07T08:20:00Z'), msg());
    await events.handleSummarized(
      summarizedEvent(tenantId, s.s3, '2026-07-07T09:00:00Z', { outcome: 'resolved', lead: false, unmetNeeds: [] }),
      msg(),
    );
    // Feedback: +1 Mon, -1 and +1 Tue; one in the previous week that must not count.
    await feedback(tenantId, 1, '2026-07-06T10:00:00Z');
    await feedback(tenantId, -1, '2026-07-07T10:00:00Z');
    await feedback(tenantId, 1, '2026-07-07T11:00:00Z');
    await feedback(tenantId, -1, '2026-07-05T12:00:00Z');
  }

  beforeAll(async () => {
    prisma = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_URL as string, poolMax: 4 });
    owner = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_OWNER_URL as string, poolMax: 2 });
    const db = new TenantDb(prisma);
    events = new InsightEventsService(db, new InsightIngestRepository());
    rollups = new RollupService(db, new RollupRepository(), { modelPrices: DEFAULT_MODEL_PRICES }, () => new Date('2026-07-07T12:00:00Z'));
    london = (await createTenant(owner, { timezone: 'Europe/London' })).id;
    other = (await createTenant(owner, { timezone: 'UTC' })).id;
    await feedConversations(london);
    // Another tenant with its own sessions at the same hours: never in London's numbers.
    await events.handleTurn(turnEvent(other, randomUUID(), '2026-07-06T08:15:00Z', { flags: ['escalation'] }), msg());
    await events.handleTurn(turnEvent(other, randomUUID(), '2026-07-06T08:20:00Z'), msg());
    await events.handleExtracted(extractedEvent(other, randomUUID(), '2026-07-06T08:20:00Z', -1, ['Boiler repair']), msg());
    await feedback(other, -1, '2026-07-06T10:00:00Z');
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await owner.$disconnect();
  });

  const week = async (tenantId: string) =>
    (await rollups.list({ tenantId, period: 'week', from: '2026-07-06', to: '2026-07-12' })).rollups[0];

  it('computes every week metric to the exact value, in the tenant time zone', async () => {
    const rollup = await week(london);
    expect(rollup).toMatchObject({
      period: 'week',
      localDate: '2026-07-06',
      periodStart: '2026-07-05T23:00:00.000Z',
      periodEnd: '2026-07-12T23:00:00.000Z',
    });
    const m = rollup.metrics;
    expect(m.timezone).toBe('Europe/London');
    expect(m.volume).toEqual({ sessions: 4, closedSessions: 1, turns: 5, previousSessions: 2, changePct: 100 });
    expect(m.topTopics).toEqual([
      { topic: 'boiler repair', count: 2 },
      { topic: 'emergency', count: 1 },
      { topic: 'opening hours', count: 1 },
      { topic: 'pricing', count: 1 },
    ]);
    expect(m.sentiment.average).toBe(-0.025); // (-0.8 + 0.5 - 0.1 + 0.3) / 4
    expect(m.sentiment.samples).toBe(4);
    expect(m.sentiment.series).toEqual([
      { date: '2026-07-06', average: -0.1333, samples: 3 },
      { date: '2026-07-07', average: 0.3, samples: 1 },
      ...['2026-07-08', '2026-07-09', '2026-07-10', '2026-07-11', '2026-07-12'].map((date) => ({ date, average: null, samples: 0 })),
    ]);
    expect(m.conversion).toEqual({ leadSessions: 1, sessions: 4, rate: 0.25 });
    // Local hours: 09 BST has three turns (two Mon, one Tue); 00 and 14 BST one each. UTC would say 08.
    expect(m.peakHours).toEqual([
      { hour: 9, turns: 3 },
      { hour: 0, turns: 1 },
      { hour: 14, turns: 1 },
    ]);
    expect(m.unmetNeeds).toEqual([
      { question: 'gas safety certificate', count: 2 },
      { question: 'open on sundays?', count: 1 },
    ]);
    expect(m.repeatVisitors).toEqual({ returningSessions: 1, sessions: 4, rate: 0.25 });
    expect(m.escalation).toEqual({ escalatedSessions: 1, escalatedTurns: 1, sessions: 4, rate: 0.25 });
    // s1 and s2 resolved by the bot; w0 escalated and s3 needed a human.
    expect(m.resolution).toEqual({ resolvedWithoutHuman: 2, summarizedSessions: 4, rate: 0.5 });
    expect(m.feedback).toEqual({ ratings: 3, positive: 2, negative: 1, score: 0.3333 });
    expect(m.usage).toEqual({
      tokensIn: 500,
      tokensOut: 200,
      costUsd: 0.000078, // gpt-4o-mini: 200 x $0.15/M + 80 x $0.60/M; offline is free
      byModel: [
        { provider: 'offline', model: 'retrieval', tokensIn: 300, tokensOut: 120, costUsd: 0 },
        { provider: 'openai', model: 'gpt-4o-mini', tokensIn: 200, tokensOut: 80, costUsd: 0.000078 },
      ],
    });
  });

  it('cuts days at local midnight: 23:30 UTC in London summer time counts for the next day', async () => {
    const { rollups: days } = await rollups.list({ tenantId: london, period: 'day', from: '2026-07-05', to: '2026-07-07' });
    expect(days.map((d) => [d.localDate, d.periodStart, d.metrics.volume])).toEqual([
      ['2026-07-05', '2026-07-04T23:00:00.000Z', { sessions: 1, closedSessions: 0, turns: 1, previousSessions: 0, changePct: null }],
      ['2026-07-06', '2026-07-05T23:00:00.000Z', { sessions: 2, closedSessions: 1, turns: 3, previousSessions: 1, changePct: 100 }],
      ['2026-07-07', '2026-07-06T23:00:00.000Z', { sessions: 2, closedSessions: 0, turns: 2, previousSessions: 2, changePct: 0 }],
    ]);
    expect(days[1].metrics.peakHours).toEqual([
      { hour: 9, turns: 2 },
      { hour: 0, turns: 1 },
    ]);
    expect(days[0].metrics.feedback).toEqual({ ratings: 1, positive: 0, negative: 1, score: -1 });
  });

  it('counts a redelivered event once, and a second summary of a session adds nothing', async () => {
    const meta = msg();
    const turn = turnEvent(london, s.s2, '2026-07-07T13:45:00Z');
    await expect(events.handleTurn(turn, meta)).resolves.toBe('counted');
    await expect(events.handleTurn(turn, meta)).resolves.toBe('duplicate');
    await expect(
      events.handleSummarized(
        summarizedEvent(london, s.s1, '2026-07-07T15:00:00Z', { outcome: 'resolved', lead: true, unmetNeeds: ['gas safety certificate'] }),
        msg(),
      ),
    ).resolves.toBe('counted');
    const m = (await week(london)).metrics;
    expect(m.volume).toMatchObject({ sessions: 4, turns: 6 });
    expect(m.conversion.leadSessions).toBe(1);
    expect(m.unmetNeeds[0]).toEqual({ question: 'gas safety certificate', count: 2 });
    expect(m.resolution.summarizedSessions).toBe(4);
  });

  it('folds events of one session that arrive at once without counting the session twice', async () => {
    const tenant = (await createTenant(owner, { timezone: 'Europe/London' })).id;
    const session = randomUUID();
    const at = (minute: number) => `2026-07-06T08:${String(minute).padStart(2, '0')}:00Z`;
    // What a consumer running several messages in parallel can do: every event of the session in flight together.
    await Promise.all([
      ...[10, 11, 12, 13].map((m) => events.handleTurn(turnEvent(tenant, session, at(m), { flags: ['escalation'] }), msg())),
      ...[20, 21].map((m) => events.handleClosed(closedEvent(tenant, session, at(10), at(m)), msg())),
      ...[30, 31, 32].map((m) =>
        events.handleSummarized(summarizedEvent(tenant, session, at(m), { outcome: 'unresolved', lead: true, unmetNeeds: [] }), msg()),
      ),
    ]);
    const {
      rollups: [day],
    } = await rollups.list({ tenantId: tenant, period: 'day', from: '2026-07-06', to: '2026-07-06' });
    expect(day.metrics.volume).toMatchObject({ sessions: 1, closedSessions: 1, turns: 4 });
    expect(day.metrics.escalation).toMatchObject({ escalatedSessions: 1, rate: 1 });
    expect(day.metrics.conversion).toEqual({ leadSessions: 1, sessions: 1, rate: 1 });
    expect(day.metrics.resolution).toEqual({ resolvedWithoutHuman: 0, summarizedSessions: 1, rate: 0 });
  });

  it("keeps a batch's session rows exact: first hour from the first event, a contact learnt later, flags written once and honoured by the next batch", async () => {
    const tenant = (await createTenant(owner, { timezone: 'UTC' })).id;
    const [summarizedFirst, later] = [randomUUID(), randomUUID()];
    const visitor = randomUUID();
    // The summary's session started at 07:50 (chat's row); its turn in the same batch is at 09:05.
    await createChatSession(owner, tenant, { id: summarizedFirst, started_at: new Date('2026-07-06T07:50:00Z') });
    await Promise.all([
      events.handleSummarized(
        summarizedEvent(tenant, summarizedFirst, '2026-07-06T09:00:00Z', { outcome: 'unresolved', lead: true, unmetNeeds: [] }),
        msg(),
      ),
      events.handleTurn(turnEvent(tenant, summarizedFirst, '2026-07-06T09:05:00Z'), msg()),
      events.handleTurn(turnEvent(tenant, later, '2026-07-06T10:01:00Z'), msg()),
      events.handleTurn(turnEvent(tenant, later, '2026-07-06T10:02:00Z', { contactId: visitor, flags: ['escalation'] }), msg()),
    ]);
    const rows = async () =>
      (await owner.insightSession.findMany({ where: { tenantId: tenant }, orderBy: { firstHour: 'asc' } })).map((r) => ({
        id: r.sessionId,
        firstHour: r.firstHour.toISOString(),
        contactId: r.contactId,
        flags: [r.lead, r.escalated, r.closed, r.summarized],
      }));
    expect(await rows()).toEqual([
      { id: summarizedFirst, firstHour: '2026-07-06T07:00:00.000Z', contactId: null, flags: [true, false, false, true] },
      { id: later, firstHour: '2026-07-06T10:00:00.000Z', contactId: visitor, flags: [false, true, false, false] },
    ]);
    // The next batch sees what the first one wrote: no second escalated session, lead or summary.
    await Promise.all([
      events.handleTurn(turnEvent(tenant, later, '2026-07-06T10:03:00Z', { flags: ['escalation'] }), msg()),
      events.handleSummarized(
        summarizedEvent(tenant, summarizedFirst, '2026-07-06T09:30:00Z', { outcome: 'resolved', lead: true, unmetNeeds: [] }),
        msg(),
      ),
      events.handleClosed(closedEvent(tenant, later, '2026-07-06T10:01:00Z', '2026-07-06T10:10:00Z'), msg()),
    ]);
    expect((await rows())[1]).toEqual({
      id: later,
      firstHour: '2026-07-06T10:00:00.000Z',
      contactId: visitor,
      flags: [false, true, true, false],
    });
    const bucket = (hour: string) =>
      owner.insightHourlyBucket.findUniqueOrThrow({ where: { tenantId_hourStart: { tenantId: tenant, hourStart: new Date(hour) } } });
    expect(await bucket('2026-07-06T07:00:00Z')).toMatchObject({ sessionsStarted: 1, leadSessions: 1, summarizedSessions: 1 });
    expect(await bucket('2026-07-06T10:00:00Z')).toMatchObject({
      sessionsStarted: 1,
      turns: 3,
      escalations: 2,
      escalatedSessions: 1,
      sessionsClosed: 1,
    });
  });

  it('stores each period once and rewrites it only when its numbers change', async () => {
    const first = await week(london);
    const again = await week(london);
    expect(again.computedAt).toBe(first.computedAt);
    const rows = await owner.insightRollup.findMany({
      where: { tenantId: london, period: 'week', periodStart: new Date('2026-07-05T23:00:00Z') },
    });
    expect(rows).toHaveLength(1);
    await feedback(london, 1, '2026-07-08T10:00:00Z');
    const changed = await week(london);
    expect(changed.metrics.feedback).toEqual({ ratings: 4, positive: 3, negative: 1, score: 0.5 });
    expect(changed.computedAt).not.toBe(first.computedAt);
    expect(
      await owner.insightRollup.count({ where: { tenantId: london, period: 'week', periodStart: new Date('2026-07-05T23:00:00Z') } }),
    ).toBe(1);
  });

  it("folds a batch of several tenants' events each under its own tenant, a redelivery in the same batch once", async () => {
    const a = (await createTenant(owner, { timezone: 'UTC' })).id;
    const b = (await createTenant(owner, { timezone: 'UTC' })).id;
    const ghost = randomUUID();
    const [sa, sb] = [randomUUID(), randomUUID()];
    const hour = '2026-07-06T14';
    const redelivered = { turn: turnEvent(a, sa, `${hour}:01:00Z`, { provider: 'openai', model: 'gpt-x' }), meta: msg() };
    await events.handleTurn(redelivered.turn, redelivered.meta); // committed before the batch
    const twice = { turn: turnEvent(b, sb, `${hour}:02:00Z`), meta: msg() };
    // In flight together, so one batch: tenants a and b interleaved, a redelivery of an event
    // already counted, the same new event twice, and an event of a tenant that does not exist.
    const outcomes = await Promise.allSettled([
      events.handleTurn(turnEvent(a, sa, `${hour}:03:00Z`, { provider: 'openai', model: 'gpt-x' }), msg()),
      events.handleTurn(twice.turn, twice.meta),
      events.handleTurn(redelivered.turn, redelivered.meta),
      events.handleExtracted(extractedEvent(b, sb, `${hour}:02:05Z`, 0.5, ['Boiler repair', 'boiler repair']), msg()),
      events.handleTurn(turnEvent(ghost, randomUUID(), `${hour}:04:00Z`), msg()),
      events.handleTurn(twice.turn, twice.meta),
      events.handleExtracted(extractedEvent(a, sa, `${hour}:03:05Z`, -1, ['Boiler repair']), msg()),
    ]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : o.reason instanceof PermanentError))).toEqual([
      'counted',
      'counted',
      'duplicate',
      'counted',
      true,
      'duplicate',
      'counted',
    ]);
    const hourStart = new Date(`${hour}:00:00Z`);
    const bucket = (tenantId: string) =>
      owner.insightHourlyBucket.findUniqueOrThrow({ where: { tenantId_hourStart: { tenantId, hourStart } } });
    expect(await bucket(a)).toMatchObject({ turns: 2, sessionsStarted: 1, sentimentCount: 1, sentimentSum: -1, tokensIn: 200n });
    expect(await bucket(b)).toMatchObject({ turns: 1, sessionsStarted: 1, sentimentCount: 1, sentimentSum: 0.5, tokensIn: 100n });
    const terms = await owner.insightHourlyTerm.findMany({
      where: { tenantId: { in: [a, b] }, hourStart },
      orderBy: [{ tenantId: 'asc' }, { kind: 'asc' }],
    });
    expect(terms.map((t) => [t.tenantId, t.kind, t.key, t.count, Number(t.tokensIn)]).sort()).toEqual(
      [
        [a, 'model', 'openai/gpt-x', 2, 200],
        [a, 'topic', 'boiler repair', 1, 0],
        [b, 'model', 'offline/retrieval', 1, 100],
        [b, 'topic', 'boiler repair', 1, 0],
      ].sort(),
    );
    expect(await owner.insightSession.count({ where: { tenantId: { in: [a, b] } } })).toBe(2);
    expect(await owner.insightHourlyBucket.count({ where: { tenantId: ghost } })).toBe(0);
  });

  it('keeps nothing of a batch whose pipelined writes fail, and its redelivery counts once', async () => {
    const tenantId = (await createTenant(owner, { timezone: 'UTC' })).id;
    // The sessions' write fails; the bucket and term upserts sent with it run in the aborted transaction.
    class FailingSessionWrite extends InsightIngestRepository {
      override async saveSessions(tx: PgTx): Promise<void> {
        await tx.query('SELECT 1 / 0');
      }
    }
    const failing = new InsightEventsService(new TenantDb(prisma), new FailingSessionWrite());
    const turn = turnEvent(tenantId, randomUUID(), '2026-07-08T10:05:00Z');
    const extracted = extractedEvent(tenantId, turn.sessionId, '2026-07-08T10:05:02Z', 0.5, ['Boiler repair']);
    const [turnMeta, extractedMeta] = [msg(), msg()];
    const outcomes = await Promise.allSettled([failing.handleTurn(turn, turnMeta), failing.handleExtracted(extracted, extractedMeta)]);
    expect(outcomes.map((o) => o.status === 'rejected' && /division by zero/.test(String(o.reason)))).toEqual([true, true]);
    expect(await owner.insightHourlyBucket.count({ where: { tenantId } })).toBe(0);
    expect(await owner.insightHourlyTerm.count({ where: { tenantId } })).toBe(0);
    expect(await owner.insightSession.count({ where: { tenantId } })).toBe(0);
    expect(await owner.processedEvent.count({ where: { messageId: { in: [turnMeta.msgId, extractedMeta.msgId] } } })).toBe(0);

    // Redelivered to a healthy consumer: counted once, and a second redelivery changes nothing.
    expect(await Promise.all([events.handleTurn(turn, turnMeta), events.handleExtracted(extracted, extractedMeta)])).toEqual([
      'counted',
      'counted',
    ]);
    expect(await Promise.all([events.handleTurn(turn, turnMeta), events.handleExtracted(extracted, extractedMeta)])).toEqual([
      'duplicate',
      'duplicate',
    ]);
    const hourStart = new Date('2026-07-08T10:00:00Z');
    expect(await owner.insightHourlyBucket.findUniqueOrThrow({ where: { tenantId_hourStart: { tenantId, hourStart } } })).toMatchObject({
      turns: 1,
      sessionsStarted: 1,
      sentimentCount: 1,
      sentimentSum: 0.5,
    });
    expect(await owner.insightHourlyTerm.count({ where: { tenantId, kind: 'topic' } })).toBe(1);
  });

  it('dead-letters an event of an unknown tenant at once and writes nothing', async () => {
    const ghost = randomUUID();
    await expect(events.handleTurn(turnEvent(ghost, randomUUID(), '2026-07-06T08:00:00Z'), msg())).rejects.toBeInstanceOf(PermanentError);
    expect(await owner.insightHourlyBucket.count({ where: { tenantId: ghost } })).toBe(0);
    expect(await owner.insightSession.count({ where: { tenantId: ghost } })).toBe(0);
  });

  it("never counts another tenant's events, and that tenant sees only its own", async () => {
    const m = (await week(other)).metrics;
    expect(m.volume).toEqual({ sessions: 2, closedSessions: 0, turns: 2, previousSessions: 0, changePct: null });
    expect(m.escalation).toMatchObject({ escalatedSessions: 1, rate: 0.5 });
    expect(m.sentiment).toMatchObject({ average: -1, samples: 1 });
    expect(m.peakHours).toEqual([{ hour: 8, turns: 2 }]);
    expect(m.feedback).toEqual({ ratings: 1, positive: 0, negative: 1, score: -1 });
    expect(m.unmetNeeds).toEqual([]);
  });

  it('assigns a UTC hour to the local day and hour in which it starts in a half-hour zone', async () => {
    const kolkata = (await createTenant(owner, { timezone: 'Asia/Kolkata' })).id;
    const session = randomUUID();
    // 18:10 UTC = 23:40 IST on 6 Jul; 18:40 UTC = 00:10 IST on 7 Jul: one bucket starting 23:30 IST.
    await events.handleTurn(turnEvent(kolkata, session, '2026-07-06T18:10:00Z'), msg());
    await events.handleTurn(turnEvent(kolkata, session, '2026-07-06T18:40:00Z'), msg());
    const { rollups: days } = await rollups.list({ tenantId: kolkata, period: 'day', from: '2026-07-06', to: '2026-07-07' });
    expect(days.map((d) => [d.localDate, d.periodStart, d.metrics.volume.turns])).toEqual([
      ['2026-07-06', '2026-07-05T18:30:00.000Z', 2],
      ['2026-07-07', '2026-07-06T18:30:00.000Z', 0],
    ]);
    expect(days[0].metrics.peakHours).toEqual([{ hour: 23, turns: 2 }]);
  });

  it('stores rollups: the scheduled refresh writes today, yesterday, this and last week', async () => {
    const tenant = (await createTenant(owner, { timezone: 'Europe/London' })).id;
    await events.handleTurn(turnEvent(tenant, randomUUID(), '2026-07-07T09:00:00Z'), msg());
    await rollups.refreshCurrent(tenant);
    const stored = await owner.insightRollup.findMany({
      where: { tenantId: tenant },
      orderBy: [{ period: 'asc' }, { periodStart: 'asc' }],
    });
    expect(stored.map((r) => [r.period, r.periodStart.toISOString(), (r.metrics as { volume: { turns: number } }).volume.turns])).toEqual([
      ['day', '2026-07-05T23:00:00.000Z', 0],
      ['day', '2026-07-06T23:00:00.000Z', 1],
      ['week', '2026-06-28T23:00:00.000Z', 0],
      ['week', '2026-07-05T23:00:00.000Z', 1],
    ]);
  });

  it('defaults to the last 7 days, and rejects bad ranges and unknown tenants without writing', async () => {
    const { rollups: days } = await rollups.list({ tenantId: london, period: 'day' });
    expect(days.map((d) => d.localDate)).toEqual([
      '2026-07-01',
      '2026-07-02',
      '2026-07-03',
      '2026-07-04',
      '2026-07-05',
      '2026-07-06',
      '2026-07-07',
    ]);
    const before = await owner.insightRollup.count();
    await expect(rollups.list({ tenantId: london, period: 'day', from: '2026-07-08', to: '2026-07-07' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(rollups.list({ tenantId: london, period: 'day', from: '2026-01-01', to: '2026-07-07' })).rejects.toBeInstanceOf(
      InsightsError,
    );
    await expect(rollups.list({ tenantId: randomUUID(), period: 'week' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await owner.insightRollup.count()).toBe(before);
  });
});
