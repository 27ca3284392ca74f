// L1b + L2 + CRM over the real database as the app role: what tenant-intelligence does with a
// demo conversation, exactly once per event, never across tenants.
import { randomUUID } from 'node:crypto';
import {
  CHAT_DEGRADE_AUTOMATIC_SUBJECT,
  NO_DEGRADE,
  PLATFORM_TENANT_ID,
  TenantUpdatedEvent,
  type ChatSessionClosed,
  type ChatTurnCompleted,
} from '@parley/contracts';
import { encodeJson, NatsClient } from '@parley/messaging';
import { createPrismaClient, TenantDb, type PrismaClient } from '@parley/persistence';
import { createLlmRouter } from '@parley/llm';
import { createChatMessage, createChatSession, createTenant, startMockLlm, testEnvironment, type MockLlm } from '@parley/testing';
import { Registry } from 'prom-client';
import { ChatTablesRepository } from '../chat-tables/chat-tables.repository';
import { CrmRepository } from '../crm/crm.repository';
import { CrmService } from '../crm/crm.service';
import { InsightTablesRepository } from '../crm/insight-tables.repository';
import { ExtractionRepository } from '../extraction/extraction.repository';
import { ServiceMetrics } from '@parley/observability';
import { AutomaticDegradeListener } from '../extraction/automatic-degrade.listener';
import { ModelExtractionService } from '../extraction/model-extraction.service';
import { SecondOpinionMetrics } from '../extraction/second-opinion.metrics';
import { TurnExtractionService } from '../extraction/turn-extraction.service';
import { SessionSummaryService } from '../summary/session-summary.service';
import { SummaryRepository } from '../summary/summary.repository';
import { TenantSettingsCache } from '../tenants/tenant-settings.cache';

const silent = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silent;
  },
} as never;

describe('tenant intelligence pipeline', () => {
  let prisma: PrismaClient;
  /** Owner role (BYPASSRLS): fixtures only, as chat would have written them. */
  let owner: PrismaClient;
  let db: TenantDb;
  let extraction: TurnExtractionService;
  let summaries: SessionSummaryService;
  let crm: CrmService;

  beforeAll(() => {
    prisma = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_URL as string, poolMax: 4 });
    owner = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_OWNER_URL as string, poolMax: 2 });
    db = new TenantDb(prisma);
    extraction = new TurnExtractionService(db, new ExtractionRepository(), new ChatTablesRepository(), silent);
    summaries = new SessionSummaryService(db, new SummaryRepository(), new ChatTablesRepository(), silent);
    crm = new CrmService(db, new CrmRepository(), new ChatTablesRepository(), new InsightTablesRepository());
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await owner.$disconnect();
  });

  async function turn(tenantId: string, sessionId: string, userText: string, assistantText = 'Thanks, noted.') {
    const session = { id: sessionId, tenant_id: tenantId };
    const turnId = randomUUID();
    const user = await createChatMessage(owner, session, { role: 'user', content: userText, turn_id: turnId });
    const assistant = await createChatMessage(owner, session, { role: 'assistant', content: assistantText, turn_id: turnId });
    const event: ChatTurnCompleted = {
      version: 1,
      tenantId,
      sessionId,
      turnId,
      userMessageId: user.id,
      assistantMessageId: assistant.id,
      contactId: null,
      userText,
      assistantText,
      signals: { urgency: 'high', sentiment: 'negative', sentimentScore: -0.4, intents: [], flags: ['urgent'], entityCount: 0 },
      actionIds: [],
      usage: { inputTokens: 10, outputTokens: 5, model: 'retrieval', provider: 'offline', latencyMs: 3 },
      occurredAt: new Date().toISOString(),
    };
    return { event, msgId: randomUUID(), user, assistant };
  }

  const closed = (tenantId: string, sessionId: string): ChatSessionClosed => ({
    version: 1,
    tenantId,
    sessionId,
    contactId: null,
    reason: 'client',
    turnCount: 1,
    startedAt: new Date().toISOString(),
    closedAt: new Date().toISOString(),
    occurredAt: new Date().toISOString(),
  });

  it('turns the demo conversation into a contact, an interaction and, after close, a summary with the follow-up', async () => {
    const tenant = await createTenant(owner);
    const session = await createChatSession(owner, tenant.id);
    const t = await turn(tenant.id, session.id, "Hi, I'm Dave, my boiler's leaking, call me on 07700 900123 — not before 10am please");

    const outcome = await extraction.handle(t.event, { msgId: t.msgId });
    expect(outcome.status).toBe('extracted');
    const contacts = await crm.listContacts({ version: 1, tenantId: tenant.id, limit: 10, cursor: null });
    expect(contacts.items).toHaveLength(1);
    const contact = contacts.items[0];
    expect(contact).toMatchObject({ name: 'Dave', phone: '+447700900123', interactionCount: 1 });
    expect(contact.fields.phone).toMatchObject({ value: '+447700900123', sourceMessageId: t.user.id });
    expect(contact.preferences).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'avoid', value: 'phone before 10:00' })]));

    const detail = await crm.getContact({ version: 1, tenantId: tenant.id, contactId: contact.id });
    expect(detail.timeline).toHaveLength(1);
    expect(detail.timeline[0]).toMatchObject({ sessionId: session.id, contactId: contact.id });
    const outbox = await owner.$queryRaw<
      Array<{ subject: string }>
    >`SELECT subject FROM outbox WHERE payload->>'sessionId' = ${session.id} ORDER BY created_at`;
    expect(outbox.map((o) => o.subject)).toEqual([`evt.intel.message_extracted.${tenant.id}`]);

    const summary = await summaries.handle(closed(tenant.id, session.id), { msgId: randomUUID() });
    expect(summary.summary).toMatchObject({ outcome: 'needs_follow_up' });
    const view = await crm.getSummary({ version: 1, tenantId: tenant.id, sessionId: session.id });
    expect(view.summary.followUps[0].action).toBe('Call Dave back on +447700900123 (not before 10:00)');
    expect(view.summary.summary).toContain('Dave (+447700900123)');
    const after = await owner.$queryRaw<
      Array<{ subject: string }>
    >`SELECT subject FROM outbox WHERE payload->>'sessionId' = ${session.id} OR payload->>'link' = ${`/contacts/${contact.id}`} ORDER BY created_at`;
    expect(after.map((o) => o.subject)).toEqual([
      `evt.intel.message_extracted.${tenant.id}`,
      `evt.intel.session_summarized.${tenant.id}`,
      `evt.notify.requested.${tenant.id}`,
    ]);
  });

  it('processing the same event twice changes nothing', async () => {
    const tenant = await createTenant(owner);
    const session = await createChatSession(owner, tenant.id);
    const t = await turn(tenant.id, session.id, 'This is Priya, email me at Priya.Shah@Example.com about a quote for a new kitchen tap');
    await extraction.handle(t.event, { msgId: t.msgId });
    const snapshot = async () => ({
      contacts: await owner.$queryRaw`SELECT name, email, phone, attributes FROM tenant_contacts WHERE tenant_id = ${tenant.id}::uuid`,
      interactions:
        await owner.$queryRaw`SELECT intent, sentiment_score, products, lead, data FROM tenant_interactions WHERE tenant_id = ${tenant.id}::uuid`,
      signals: await owner.$queryRaw`SELECT count(*)::int AS n FROM message_signals WHERE tenant_id = ${tenant.id}::uuid`,
      outbox: await owner.$queryRaw`SELECT count(*)::int AS n FROM outbox WHERE subject LIKE ${`%.${tenant.id}`}`,
    });
    const first = await snapshot();
    await expect(extraction.handle(t.event, { msgId: t.msgId })).resolves.toMatchObject({ status: 'duplicate' });
    expect(await snapshot()).toEqual(first);
    expect(first.contacts).toEqual([expect.objectContaining({ name: 'Priya', email: 'priya.shah@example.com' })]);
  });

  it("never shows one tenant's contacts, interactions or summaries to another", async () => {
    const a = await createTenant(owner);
    const b = await createTenant(owner);
    const session = await createChatSession(owner, a.id);
    const t = await turn(a.id, session.id, "I'm Zoë O'Brien, my number is 07700 900456");
    await extraction.handle(t.event, { msgId: t.msgId });
    await summaries.handle(closed(a.id, session.id), { msgId: randomUUID() });
    const [contact] = (await crm.listContacts({ version: 1, tenantId: a.id, limit: 5, cursor: null })).items;
    expect(contact.name).toBe("Zoë O'Brien");
    await expect(crm.listContacts({ version: 1, tenantId: b.id, limit: 5, cursor: null })).resolves.toMatchObject({ items: [] });
    await expect(crm.getContact({ version: 1, tenantId: b.id, contactId: contact.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(crm.getSummary({ version: 1, tenantId: b.id, sessionId: session.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(crm.listInteractions({ version: 1, tenantId: b.id, limit: 5, cursor: null })).resolves.toMatchObject({ items: [] });
    await expect(
      crm.eraseContact({ version: 1, tenantId: b.id, contactId: contact.id, actor: { type: 'tenant_user', id: randomUUID() } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // An event claiming tenant B for A's session is refused, not applied to B.
    const forged = { ...t.event, tenantId: b.id, turnId: randomUUID() };
    await expect(extraction.handle(forged, { msgId: randomUUID() })).rejects.toMatchObject({ name: 'PermanentError' });
  });

  it("a batch with several tenants writes each tenant's rows under its own tenant; a redelivery in it counts once; a bad event fails alone", async () => {
    const a = await createTenant(owner);
    const b = await createTenant(owner);
    const [sa, sb] = [await createChatSession(owner, a.id), await createChatSession(owner, b.id)];
    const ta1 = await turn(a.id, sa.id, "I'm Amal, call me on 07700 900111");
    const tb1 = await turn(b.id, sb.id, 'This is Bea, bea@example.com, my tap is dripping');
    const ta2 = await turn(a.id, sa.id, 'Also the boiler pressure keeps dropping');
    const already = await turn(b.id, sb.id, 'Is Thursday fine?');
    await extraction.handle(already.event, { msgId: already.msgId });
    // A forged event: tenant A's id on tenant B's session, which A cannot see.
    const forged = { ...tb1.event, tenantId: a.id, turnId: randomUUID() };
    // In flight together, so one batch: two tenants interleaved, the same new event twice, an
    // event committed before, and a forged one.
    const outcomes = await Promise.allSettled([
      extraction.handle(ta1.event, { msgId: ta1.msgId }),
      extraction.handle(tb1.event, { msgId: tb1.msgId }),
      extraction.handle(forged, { msgId: randomUUID() }),
      extraction.handle(ta2.event, { msgId: ta2.msgId }),
      extraction.handle(tb1.event, { msgId: tb1.msgId }),
      extraction.handle(already.event, { msgId: already.msgId }),
    ]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value.status : (o.reason as Error).name))).toEqual([
      'extracted',
      'extracted',
      'PermanentError',
      'extracted',
      'duplicate',
      'duplicate',
    ]);
    const rows = async (table: 'tenant_contacts' | 'tenant_interactions' | 'message_signals', tenantId: string) =>
      (await owner.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1::uuid`, tenantId))[0]
        .n;
    const [contactA] = (await crm.listContacts({ version: 1, tenantId: a.id, limit: 5, cursor: null })).items;
    const [contactB] = (await crm.listContacts({ version: 1, tenantId: b.id, limit: 5, cursor: null })).items;
    expect(contactA).toMatchObject({ name: 'Amal', phone: '+447700900111', interactionCount: 1 });
    expect(contactB).toMatchObject({ name: 'Bea', email: 'bea@example.com', interactionCount: 1 });
    expect([await rows('tenant_contacts', a.id), await rows('tenant_contacts', b.id)]).toEqual([1, 1]);
    expect([await rows('tenant_interactions', a.id), await rows('tenant_interactions', b.id)]).toEqual([1, 1]);
    // Every l1b row sits under the tenant of its session's message, none under the other tenant.
    const misplaced = await owner.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM message_signals s JOIN chat_messages m ON m.id = s.message_id
       WHERE s.session_id IN (${sa.id}::uuid, ${sb.id}::uuid) AND s.tenant_id <> m.tenant_id`;
    expect(misplaced[0].n).toBe(0);
    const perMessage = await owner.$queryRaw<Array<{ message_id: string; n: number }>>`
      SELECT message_id::text, count(*)::int AS n FROM message_signals
       WHERE source = 'l1b' AND kind = 'extraction' AND session_id IN (${sa.id}::uuid, ${sb.id}::uuid) GROUP BY message_id`;
    expect(perMessage.map((r) => r.n)).toEqual([1, 1, 1, 1]);
    const outbox = await owner.$queryRaw<Array<{ subject: string; n: number }>>`
      SELECT subject, count(*)::int AS n FROM outbox WHERE payload->>'sessionId' IN (${sa.id}, ${sb.id}) GROUP BY subject ORDER BY subject`;
    expect(outbox).toEqual(
      [
        { subject: `evt.intel.message_extracted.${a.id}`, n: 2 },
        { subject: `evt.intel.message_extracted.${b.id}`, n: 2 },
      ].sort((x, y) => (x.subject < y.subject ? -1 : 1)),
    );
  });

  it('erasure removes the contact and pseudonymizes their messages; export returns everything held', async () => {
    const tenant = await createTenant(owner);
    const session = await createChatSession(owner, tenant.id);
    const t = await turn(
      tenant.id,
      session.id,
      "Hi, I'm Dave, call me on 07700 900123 or dave@example.com",
      'Thanks Dave, we will call 07700 900123.',
    );
    await extraction.handle(t.event, { msgId: t.msgId });
    const [contact] = (await crm.listContacts({ version: 1, tenantId: tenant.id, limit: 5, cursor: null })).items;
    const actor = { type: 'tenant_user' as const, id: randomUUID() };

    const exported = await crm.exportContact({ version: 1, tenantId: tenant.id, contactId: contact.id, actor });
    expect(exported.contact.id).toBe(contact.id);
    expect(exported.sessions[0].messages.map((m) => m.content)).toEqual([t.event.userText, t.event.assistantText]);

    const erased = await crm.eraseContact({ version: 1, tenantId: tenant.id, contactId: contact.id, actor });
    expect(erased).toMatchObject({ contactId: contact.id, sessions: 1, messagesPseudonymized: 2 });
    const messages = await owner.$queryRaw<
      Array<{ content: string }>
    >`SELECT content FROM chat_messages WHERE session_id = ${session.id}::uuid`;
    for (const { content } of messages) {
      expect(content).not.toMatch(/Dave|07700 900123|dave@example\.com/);
    }
    await expect(crm.getContact({ version: 1, tenantId: tenant.id, contactId: contact.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const l1b = await owner.$queryRaw<
      Array<{ n: number }>
    >`SELECT count(*)::int AS n FROM message_signals WHERE session_id = ${session.id}::uuid AND source = 'l1b'`;
    expect(l1b[0].n).toBe(0);
    const audit = await owner.$queryRaw<
      Array<{ action: string }>
    >`SELECT action FROM audit_log WHERE target_id = ${contact.id} ORDER BY created_at`;
    expect(audit.map((a) => a.action)).toEqual(['contact.exported', 'contact.erased']);
  });

  it('records the questions the bot could not answer as unmet needs, with a knowledge follow-up', async () => {
    const tenant = await createTenant(owner);
    const session = await createChatSession(owner, tenant.id);
    const t = await turn(
      tenant.id,
      session.id,
      'Do you do gas safety certificates for landlords?',
      "I'm sorry, I don't know the answer to that.",
    );
    await owner.$executeRaw`INSERT INTO message_signals (tenant_id, message_id, session_id, source, kind, label, score)
      VALUES (${tenant.id}::uuid, ${t.user.id}::uuid, ${session.id}::uuid, 'offline', 'intent', 'unanswered_question', 1)`;
    await extraction.handle(t.event, { msgId: t.msgId });
    const result = await summaries.handle(closed(tenant.id, session.id), { msgId: randomUUID() });
    expect(result.summary?.unmetNeeds).toEqual(['Do you do gas safety certificates for landlords?']);
    expect(result.summary?.followUps.map((f) => f.action)).toContain('Add to the knowledge base: 1 question(s) the bot could not answer');
    expect(result.summary?.outcome).toBe('needs_follow_up');
  });

  it('an unmet need is only a real question, with names, emails and phones redacted; erasure leaves no trace in the insight tables', async () => {
    const tenant = await createTenant(owner);
    const session = await createChatSession(owner, tenant.id);
    const unanswered = async (text: string) => {
      const t = await turn(tenant.id, session.id, text, "I'm sorry, I don't know the answer to that.");
      await owner.$executeRaw`INSERT INTO message_signals (tenant_id, message_id, session_id, source, kind, label, score)
        VALUES (${tenant.id}::uuid, ${t.user.id}::uuid, ${session.id}::uuid, 'offline', 'intent', 'unanswered_question', 1)`;
      await extraction.handle(t.event, { msgId: t.msgId });
    };
    await unanswered("Hi, I'm Priya Shah, you can reach me on priya.shah@example.com or 07700 900777");
    await unanswered('I would like to book a boiler service for Friday.');
    await unanswered('Priya Shah here again - do you fit heat pumps in SW1A 1AA?');
    const result = await summaries.handle(closed(tenant.id, session.id), { msgId: randomUUID() });
    expect(result.summary?.unmetNeeds).toEqual(['[name] here again - do you fit heat pumps in [postcode]?']);
    expect(JSON.stringify(result.summary?.topics)).not.toMatch(/priya|shah|07700|example\.com/i);

    // What client-insights stores from earlier, unredacted events (rows written before this rule) and the L3 session link.
    const [contact] = await owner.$queryRaw<
      Array<{ id: string }>
    >`SELECT id::text FROM tenant_contacts WHERE tenant_id = ${tenant.id}::uuid`;
    const hour = new Date(Date.UTC(2026, 11, 6, 9));
    await owner.$executeRaw`INSERT INTO insight_hourly_terms (tenant_id, hour_start, kind, key, count)
      VALUES (${tenant.id}::uuid, ${hour}, 'unmet_need', 'you can reach me on priya.shah@example.com', 1), (${tenant.id}::uuid, ${hour}, 'topic', 'boiler service', 1)`;
    await owner.$executeRaw`INSERT INTO insight_sessions (tenant_id, session_id, contact_id, first_hour, started_at) VALUES (${tenant.id}::uuid, ${session.id}::uuid, ${contact.id}::uuid, ${hour}, ${hour})`;
    await owner.$executeRaw`INSERT INTO insight_rollups (tenant_id, period, period_start, metrics, insights)
      VALUES (${tenant.id}::uuid, 'day', ${hour}, ${JSON.stringify({ topUnmetNeeds: [{ key: 'ask priya shah about +447700900777', count: 1 }] })}::jsonb, '[]'::jsonb)`;

    await crm.eraseContact({ version: 1, tenantId: tenant.id, contactId: contact.id, actor: { type: 'system', id: null } });
    const terms = await owner.$queryRaw<Array<{ key: string }>>`SELECT key FROM insight_hourly_terms WHERE tenant_id = ${tenant.id}::uuid`;
    expect(terms.map((t) => t.key)).toEqual(['boiler service']);
    const sessions = await owner.$queryRaw<
      Array<{ contact_id: string | null }>
    >`SELECT contact_id::text FROM insight_sessions WHERE tenant_id = ${tenant.id}::uuid`;
    expect(sessions).toEqual([{ contact_id: null }]);
    const rollups = await owner.$queryRaw<
      Array<{ metrics: unknown }>
    >`SELECT metrics FROM insight_rollups WHERE tenant_id = ${tenant.id}::uuid`;
    expect(JSON.stringify(rollups)).not.toMatch(/priya|shah|7700900777/i);
    const summary = await owner.$queryRaw<
      Array<{ unmet_needs: string[] }>
    >`SELECT unmet_needs FROM session_summaries WHERE session_id = ${session.id}::uuid`;
    expect(JSON.stringify(summary)).not.toMatch(/priya|shah|07700|example\.com/i);
  });

  it('a malformed cursor is a VALIDATION error', async () => {
    const tenant = await createTenant(owner);
    await expect(crm.listContacts({ version: 1, tenantId: tenant.id, limit: 5, cursor: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it("reads a local number in the tenant's country: set explicitly, else from its time zone", async () => {
    const chicago = await createTenant(owner, { timezone: 'America/Chicago' });
    const s1 = await createChatSession(owner, chicago.id);
    const t1 = await turn(chicago.id, s1.id, 'this is Tyler Brooks, call me at (312) 555-0147');
    await extraction.handle(t1.event, { msgId: t1.msgId });
    const lisbonTz = await createTenant(owner, { timezone: 'UTC', country: 'PT' });
    const s2 = await createChatSession(owner, lisbonTz.id);
    const t2 = await turn(lisbonTz.id, s2.id, 'Chamo-me Inês Costa, o meu número é 912 345 678');
    await extraction.handle(t2.event, { msgId: t2.msgId });
    const rows = await owner.$queryRaw<
      Array<{ phone: string }>
    >`SELECT phone FROM tenant_contacts WHERE tenant_id IN (${chicago.id}::uuid, ${lisbonTz.id}::uuid) ORDER BY phone`;
    expect(rows.map((r) => r.phone)).toEqual(['+13125550147', '+351912345678']);
  });

  it('two turns of one session give the same contacts in either order or at the same time (a number the session gave earlier, held by another contact, stays out of the column)', async () => {
    for (let round = 0; round < 4; round += 1) {
      const tenant = await createTenant(owner);
      const first = await createChatSession(owner, tenant.id);
      const a = await turn(tenant.id, first.id, "I'm Alice Smith, alice@example.com, 07700 900555");
      await extraction.handle(a.event, { msgId: a.msgId });
      const second = await createChatSession(owner, tenant.id);
      const b1 = await turn(tenant.id, second.id, 'Hello, my name is Bob Jones and my email is bob@example.com');
      const b2 = await turn(tenant.id, second.id, 'you can reach me on bob@example.com or 07700 900555');
      // Each order in turn (the consumer runs several at once, so either can come first), then at once.
      if (round === 0) {
        await extraction.handle(b2.event, { msgId: b2.msgId });
        await extraction.handle(b1.event, { msgId: b1.msgId });
      } else if (round === 1) {
        await extraction.handle(b1.event, { msgId: b1.msgId });
        await extraction.handle(b2.event, { msgId: b2.msgId });
      } else {
        await Promise.all([extraction.handle(b1.event, { msgId: b1.msgId }), extraction.handle(b2.event, { msgId: b2.msgId })]);
      }
      const rows = await owner.$queryRaw<Array<{ name: string | null; email: string | null; phone: string | null }>>`
        SELECT name, email, phone FROM tenant_contacts WHERE tenant_id = ${tenant.id}::uuid ORDER BY created_at`;
      expect(rows).toEqual([
        { name: 'Alice Smith', email: 'alice@example.com', phone: '+447700900555' },
        { name: 'Bob Jones', email: 'bob@example.com', phone: null },
      ]);
    }
  });

  it('a new visitor whose phone matches a contact but whose name and email differ is not merged; both contacts show the other as a possible duplicate; the summary names the right person', async () => {
    const tenant = await createTenant(owner);
    const first = await createChatSession(owner, tenant.id);
    const a = await turn(tenant.id, first.id, "I'm Alice Smith, alice@example.com, 07700 900555");
    await extraction.handle(a.event, { msgId: a.msgId });
    const second = await createChatSession(owner, tenant.id);
    const b1 = await turn(tenant.id, second.id, 'Hi, my name is Bob Jones and my email is bob@example.com');
    await extraction.handle(b1.event, { msgId: b1.msgId });
    const b2 = await turn(tenant.id, second.id, 'you can call me on 07700 900555, can you ring me back?');
    const outcome = await extraction.handle(b2.event, { msgId: b2.msgId });
    const rows = await owner.$queryRaw<
      Array<{ id: string; name: string; email: string; phone: string | null; attributes: { identity?: unknown } }>
    >`
      SELECT id::text, name, email, phone, attributes FROM tenant_contacts WHERE tenant_id = ${tenant.id}::uuid ORDER BY created_at`;
    expect(rows.map((r) => [r.name, r.email, r.phone])).toEqual([
      ['Alice Smith', 'alice@example.com', '+447700900555'],
      ['Bob Jones', 'bob@example.com', null],
    ]);
    expect(outcome.contactId).toBe(rows[1].id);
    expect(rows[1].attributes.identity).toMatchObject({
      possibleDuplicates: [{ contactId: rows[0].id, matchedOn: 'phone' }],
      sharedPhone: '+447700900555',
    });
    // Staff see the possible duplicate from either contact, with the other's current values.
    const bob = await crm.getContact({ version: 1, tenantId: tenant.id, contactId: rows[1].id });
    expect(bob.contact.possibleDuplicates).toEqual([
      {
        contactId: rows[0].id,
        name: 'Alice Smith',
        email: 'alice@example.com',
        phone: '+447700900555',
        // Each session of the fixture has its own external user id (the tenant's visitor id).
        reason: 'Same phone number; the name, email and external user id differ',
      },
    ]);
    const alice = await crm.getContact({ version: 1, tenantId: tenant.id, contactId: rows[0].id });
    expect(alice.contact.possibleDuplicates).toEqual([
      expect.objectContaining({ contactId: rows[1].id, name: 'Bob Jones', email: 'bob@example.com', phone: null }),
    ]);
    const listed = await crm.listContacts({ version: 1, tenantId: tenant.id, limit: 10, cursor: null });
    expect(listed.items.find((c) => c.id === rows[1].id)?.possibleDuplicates.map((d) => d.contactId)).toEqual([rows[0].id]);
    await summaries.handle(closed(tenant.id, second.id), { msgId: randomUUID() });
    const view = await crm.getSummary({ version: 1, tenantId: tenant.id, sessionId: second.id });
    expect(view.summary.summary).toContain('Bob Jones');
    expect(view.summary.summary).not.toContain('Alice');
  });

  it('a corrected surname becomes the contact name, the earlier one stays in its history, and the summary uses the current name', async () => {
    const tenant = await createTenant(owner);
    const session = await createChatSession(owner, tenant.id);
    const t1 = await turn(tenant.id, session.id, 'Hello, this is Sarah Smith, sarah.s@example.com');
    await extraction.handle(t1.event, { msgId: t1.msgId });
    const t2 = await turn(tenant.id, session.id, "sorry, it's Sarah Smyth not Smith");
    await extraction.handle(t2.event, { msgId: t2.msgId });
    const [row] = await owner.$queryRaw<
      Array<{ name: string; attributes: { fields: { name: { alternates: Array<{ value: string }> } } } }>
    >`
      SELECT name, attributes FROM tenant_contacts WHERE tenant_id = ${tenant.id}::uuid`;
    expect(row.name).toBe('Sarah Smyth');
    expect(row.attributes.fields.name.alternates.map((a) => a.value)).toContain('Sarah Smith');
    await summaries.handle(closed(tenant.id, session.id), { msgId: randomUUID() });
    const view = await crm.getSummary({ version: 1, tenantId: tenant.id, sessionId: session.id });
    expect(view.summary.summary).toContain('Sarah Smyth');
  });

  it('three turns of one session extracted in one batch give the contact they give one by one', async () => {
    const tenant = await createTenant(owner);
    const session = await createChatSession(owner, tenant.id);
    const t1 = await turn(tenant.id, session.id, 'Hello, this is Sarah Smith, sarah.s@example.com');
    const t2 = await turn(tenant.id, session.id, "sorry, it's Sarah Smyth not Smith");
    const t3 = await turn(tenant.id, session.id, 'and my number is 07700 900222');
    const outcomes = await Promise.all([t1, t2, t3].map((t) => extraction.handle(t.event, { msgId: t.msgId })));
    expect(outcomes.map((o) => o.status)).toEqual(['extracted', 'extracted', 'extracted']);
    expect(new Set(outcomes.map((o) => o.contactId)).size).toBe(1);
    const [row] = await owner.$queryRaw<Array<{ name: string; email: string; phone: string; n: number }>>`
      SELECT name, email, phone, (SELECT count(*)::int FROM tenant_contacts WHERE tenant_id = ${tenant.id}::uuid) AS n
        FROM tenant_contacts WHERE tenant_id = ${tenant.id}::uuid`;
    expect(row).toEqual({ name: 'Sarah Smyth', email: 'sarah.s@example.com', phone: '+447700900222', n: 1 });
  });
});

const quiet: ChatTurnCompleted['signals'] = {
  urgency: 'none',
  sentiment: 'neutral',
  sentimentScore: 0,
  intents: [],
  flags: [],
  entityCount: 0,
};
const modelAnswer = (risk?: { urgent: boolean; safety: boolean }) =>
  JSON.stringify({
    customer: { name: null, email: null, phone: null },
    intent: 'support',
    sentiment: -0.2,
    products: [],
    purchaseIntent: false,
    preferences: [],
    ...(risk ? { risk } : {}),
  });

describe('model-assisted extraction (tenant with a model configured)', () => {
  let prisma: PrismaClient;
  let owner: PrismaClient;
  let mock: MockLlm;
  let service: TurnExtractionService;
  let metrics: ServiceMetrics;
  let nats: NatsClient;
  let automatic: AutomaticDegradeListener;
  let tenants: TenantSettingsCache;

  beforeAll(async () => {
    prisma = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_URL as string, poolMax: 4 });
    owner = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_OWNER_URL as string, poolMax: 2 });
    mock = await startMockLlm({ apiKey: 'sk-intel', models: ['mock-chat'] });
    const router = createLlmRouter(
      {
        openai: { apiKey: 'sk-intel', baseUrl: mock.url },
        gemini: {},
        ollama: {},
        llamacpp: {},
        timeouts: { overallMs: 10_000, firstTokenMs: 10_000 },
        embedding: { provider: 'none' },
      },
      { logger: silent, metrics: { registry: new Registry() } },
    );
    metrics = new ServiceMetrics('tenant-intelligence');
    nats = await NatsClient.connect({
      url: testEnvironment().TEST_NATS_URL,
      name: 'intel-degrade',
      namespace: `intel-${randomUUID().slice(0, 8)}`,
    });
    automatic = new AutomaticDegradeListener(nats, metrics, silent);
    automatic.onApplicationBootstrap();
    tenants = new TenantSettingsCache(prisma, new TenantDb(prisma), nats, { tenantCacheTtlMs: 600_000 }, silent);
    tenants.onApplicationBootstrap();
    await tenants.ready();
    service = new TurnExtractionService(
      new TenantDb(prisma),
      new ExtractionRepository(),
      new ChatTablesRepository(),
      silent,
      new ModelExtractionService(router, tenants, { llmTimeoutMs: 10_000 }, silent, automatic),
      new SecondOpinionMetrics(metrics),
      tenants,
    );
  });
  afterEach(() => mock.reset());
  afterAll(async () => {
    automatic.beforeApplicationShutdown();
    tenants.beforeApplicationShutdown();
    await nats.drain();
    await mock.close();
    await prisma.$disconnect();
    await owner.$disconnect();
  });

  async function turnFor(userText: string, signals: ChatTurnCompleted['signals'] = quiet, known?: { id: string }) {
    const tenant = known ?? (await createTenant(owner, { llm_provider: 'openai', llm_model: 'mock-chat' }));
    const session = await createChatSession(owner, tenant.id, { external_user_id: 'cust-9' });
    const turnId = randomUUID();
    const user = await createChatMessage(owner, session, { role: 'user', content: userText, turn_id: turnId });
    const assistant = await createChatMessage(owner, session, { role: 'assistant', content: 'Sure.', turn_id: turnId });
    const event: ChatTurnCompleted = {
      version: 1,
      tenantId: tenant.id,
      sessionId: session.id,
      turnId,
      userMessageId: user.id,
      assistantMessageId: assistant.id,
      contactId: null,
      userText,
      assistantText: 'Sure.',
      signals,
      actionIds: [],
      usage: { inputTokens: 1, outputTokens: 1, model: 'mock-chat', provider: 'openai', latencyMs: 1 },
      occurredAt: new Date().toISOString(),
    };
    return { tenant, session, event };
  }

  /**
   * Turns the platform-wide skip_model_extraction on (the other switches off) and returns what puts
   * the shared row's values back as they were read (the columns' defaults, all off, when there was
   * no row), without deleting it: other suites of the run use the same database and its switches.
   */
  async function platformSkipOn(): Promise<() => Promise<void>> {
    const [
      previous = {
        cheaper_model: false,
        lean_context: false,
        skip_model_extraction: false,
        offline_only: false,
        reason: null,
        updated_by: null,
        updated_at: new Date(),
      },
    ] = await owner.$queryRaw<
      Array<{
        cheaper_model: boolean;
        lean_context: boolean;
        skip_model_extraction: boolean;
        offline_only: boolean;
        reason: string | null;
        updated_by: string | null;
        updated_at: Date;
      }>
    >`SELECT cheaper_model, lean_context, skip_model_extraction, offline_only, reason, updated_by, updated_at
        FROM platform_degrade_switches WHERE id = 1`;
    await owner.$executeRaw`INSERT INTO platform_degrade_switches (id, skip_model_extraction) VALUES (1, true)
      ON CONFLICT (id) DO UPDATE SET skip_model_extraction = true, cheaper_model = false, lean_context = false, offline_only = false`;
    return async () => {
      await owner.$executeRaw`UPDATE platform_degrade_switches SET cheaper_model = ${previous.cheaper_model},
        lean_context = ${previous.lean_context}, skip_model_extraction = ${previous.skip_model_extraction},
        offline_only = ${previous.offline_only}, reason = ${previous.reason}, updated_by = ${previous.updated_by}::uuid,
        updated_at = ${previous.updated_at} WHERE id = 1`;
    };
  }

  it('merges what the model adds that is grounded in the message, and drops what it invents', async () => {
    mock.enqueue({
      type: 'text',
      text: JSON.stringify({
        customer: { name: null, email: 'invented@example.com', phone: null },
        intent: 'booking',
        sentiment: 0.6,
        products: ['annual boiler service', 'solar panels'],
        purchaseIntent: true,
        preferences: [],
      }),
    });
    const { tenant, event } = await turnFor("Could we sort out the annual boiler service for my mum's place sometime soon");
    const outcome = await service.handle(event, { msgId: randomUUID() });
    expect(outcome).toMatchObject({ status: 'extracted', method: 'llm' });
    const [interaction] = await owner.$queryRaw<
      Array<{ intent: string; products: string[]; lead: boolean }>
    >`SELECT intent, products, lead FROM tenant_interactions WHERE tenant_id = ${tenant.id}::uuid`;
    expect(interaction.products).toContain('annual boiler service');
    expect(interaction.products).not.toContain('solar panels');
    expect(interaction.lead).toBe(true);
    const contacts = await owner.$queryRaw<
      Array<{ email: string | null }>
    >`SELECT email FROM tenant_contacts WHERE tenant_id = ${tenant.id}::uuid`;
    expect(contacts.every((c) => c.email !== 'invented@example.com')).toBe(true);
    const [published] = await owner.$queryRaw<
      Array<{ method: string }>
    >`SELECT payload->>'method' AS method FROM outbox WHERE subject = ${`evt.intel.message_extracted.${tenant.id}`}`;
    expect(published.method).toBe('llm');
    expect(mock.requests).toHaveLength(1);
  });

  it('falls back to the deterministic extraction when the model fails', async () => {
    mock.enqueue({ type: 'error', status: 500 });
    const { tenant, event } = await turnFor("Hi, I'm Dave, my number is 07700 900123");
    const outcome = await service.handle(event, { msgId: randomUUID() });
    expect(outcome).toMatchObject({ status: 'extracted', method: 'deterministic' });
    const contacts = await owner.$queryRaw<
      Array<{ name: string; phone: string }>
    >`SELECT name, phone FROM tenant_contacts WHERE tenant_id = ${tenant.id}::uuid`;
    expect(contacts).toEqual([{ name: 'Dave', phone: '+447700900123' }]);
  });

  it('skip_model_extraction (tenant or platform switch) keeps L1b deterministic: the model gets no request', async () => {
    const first = await turnFor("Hi, I'm Dave, my number is 07700 900123");
    await owner.$executeRaw`INSERT INTO tenant_degrade_switches (tenant_id, skip_model_extraction) VALUES (${first.tenant.id}::uuid, true)`;
    expect(await service.handle(first.event, { msgId: randomUUID() })).toMatchObject({ status: 'extracted', method: 'deterministic' });
    const contacts = await owner.$queryRaw<
      Array<{ name: string; phone: string }>
    >`SELECT name, phone FROM tenant_contacts WHERE tenant_id = ${first.tenant.id}::uuid`;
    expect(contacts).toEqual([{ name: 'Dave', phone: '+447700900123' }]);
    expect(mock.requests).toHaveLength(0);

    // Another tenant still gets the model ...
    mock.enqueue({ type: 'text', text: modelAnswer() });
    const other = await turnFor('Could you service my boiler next week');
    expect(await service.handle(other.event, { msgId: randomUUID() })).toMatchObject({ method: 'llm' });
    expect(mock.requests).toHaveLength(1);

    // ... until the platform switch is on.
    mock.reset();
    const restorePlatform = await platformSkipOn();
    try {
      const third = await turnFor('Could you service my boiler next week');
      expect(await service.handle(third.event, { msgId: randomUUID() })).toMatchObject({ method: 'deterministic' });
      expect(mock.requests).toHaveLength(0);
    } finally {
      await restorePlatform();
    }
  });

  it('a degrade switch flip or a settings change reaches L1b with its evt.tenant.updated, for that tenant only (the platform switch: for all)', async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createTenant(owner, { llm_provider: 'openai', llm_model: 'mock-chat' })));
    // As provisioning commits a change: the row, then evt.tenant.updated (here straight on NATS).
    const changed = async (tenantId: string, field: string) => {
      const event = { version: 1, tenantId, changedFields: [field], occurredAt: new Date().toISOString() };
      nats.nc.publish(nats.namer.subject(TenantUpdatedEvent.subjectFor(tenantId)), encodeJson(TenantUpdatedEvent.schema.parse(event)));
      await nats.nc.flush();
    };
    // Polls every 20 ms until the event has arrived, for up to 15 s (a busy CI machine); the assertion after it decides.
    const until = async (check: () => Promise<boolean>) => {
      const deadline = Date.now() + 15_000;
      while (!(await check()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    const method = async (tenant: { id: string }) => {
      mock.enqueue({ type: 'text', text: modelAnswer() });
      const { event } = await turnFor('Could you service my boiler next week', quiet, tenant);
      const outcome = await service.handle(event, { msgId: randomUUID() });
      mock.reset();
      return outcome.method;
    };
    // Read once and kept: all three use the model.
    expect([await method(a), await method(b), await method(c)]).toEqual(['llm', 'llm', 'llm']);

    await owner.$executeRaw`INSERT INTO tenant_degrade_switches (tenant_id, skip_model_extraction) VALUES (${a.id}::uuid, true)`;
    expect(await tenants.modelExtractionSkipped(a.id)).toBe(false); // kept until the event
    await changed(a.id, 'degrade');
    await until(() => tenants.modelExtractionSkipped(a.id));
    expect([await method(a), await method(b)]).toEqual(['deterministic', 'llm']);

    await owner.$executeRaw`UPDATE tenants SET llm_provider = 'offline' WHERE id = ${b.id}::uuid`;
    await changed(b.id, 'llm');
    await until(async () => (await tenants.runtime(b.id))?.config.llm.primary.provider === 'offline');
    expect([await method(b), await method(c)]).toEqual(['deterministic', 'llm']);

    const restorePlatform = await platformSkipOn();
    try {
      await changed(PLATFORM_TENANT_ID, 'degrade');
      await until(() => tenants.modelExtractionSkipped(c.id));
      expect(await method(c)).toBe('deterministic');
    } finally {
      await restorePlatform();
      await changed(PLATFORM_TENANT_ID, 'degrade');
    }
    await until(async () => !(await tenants.modelExtractionSkipped(c.id)));
    expect(await method(c)).toBe('llm');
  }, 90_000);

  it("chat's automatic skip_model_extraction reaches L1b over NATS: deterministic while a replica's message is valid, the model again once it lapses", async () => {
    const publish = async (skip: boolean, validForMs: number) => {
      const switches = { ...NO_DEGRADE, skipModelExtraction: skip, leanContext: true };
      nats.nc.publish(
        nats.namer.subject(CHAT_DEGRADE_AUTOMATIC_SUBJECT),
        encodeJson({ version: 1, replica: 'chat-a', switches, validForMs }),
      );
      await nats.nc.flush();
    };
    const gauge = async () =>
      (await metrics.registry.getSingleMetric('parley_degrade_automatic_skip_model_extraction')?.get())?.values[0]?.value;
    await publish(true, 60_000);
    for (let tries = 0; !automatic.skipModelExtraction() && tries < 750; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await gauge()).toBe(1);
    const skipped = await turnFor("Hi, I'm Erin, my number is 07700 900456");
    expect(await service.handle(skipped.event, { msgId: randomUUID() })).toMatchObject({ status: 'extracted', method: 'deterministic' });
    expect(mock.requests).toHaveLength(0);

    // The replica leaves the mode: the next turn gets the model again.
    await publish(false, 60_000);
    for (let tries = 0; automatic.skipModelExtraction() && tries < 750; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    mock.enqueue({ type: 'text', text: modelAnswer() });
    const served = await turnFor('Could you service my boiler next week');
    expect(await service.handle(served.event, { msgId: randomUUID() })).toMatchObject({ method: 'llm' });
    expect(mock.requests).toHaveLength(1);
    expect(await gauge()).toBe(0);
  });

  async function opinionCount(signal: string, outcome: string): Promise<number> {
    const metric = await metrics.registry.getSingleMetric('parley_signal_second_opinions_total')?.get();
    return metric?.values.find((v) => v.labels.signal === signal && v.labels.outcome === outcome)?.value ?? 0;
  }

  it('second opinion: a flag the inline pass missed is stored late, told to staff and counted, once', async () => {
    mock.enqueue({ type: 'text', text: modelAnswer({ urgent: true, safety: true }) });
    const before = { urgency: await opinionCount('urgency', 'model_only'), safety: await opinionCount('safety', 'model_only') };
    const text = 'my dad is acting strange, slurring his words and one side of his face looks droopy';
    const { tenant, session, event } = await turnFor(text);
    const msgId = randomUUID();
    const outcome = await service.handle(event, { msgId });
    expect(outcome.secondOpinions).toEqual([
      { signal: 'urgency', outcome: 'model_only' },
      { signal: 'safety', outcome: 'model_only' },
    ]);
    const rows = await owner.$queryRaw<Array<{ kind: string; label: string; message_id: string }>>`
      SELECT kind, label, message_id::text FROM message_signals
      WHERE tenant_id = ${tenant.id}::uuid AND label IN ('late_flag', 'model_disagrees') ORDER BY kind`;
    expect(rows).toEqual([
      { kind: 'safety', label: 'late_flag', message_id: event.userMessageId },
      { kind: 'urgency', label: 'late_flag', message_id: event.userMessageId },
    ]);
    const told = await owner.$queryRaw<Array<{ payload: Record<string, unknown> }>>`
      SELECT payload FROM outbox WHERE subject = ${`evt.notify.requested.${tenant.id}`} ORDER BY payload->>'kind'`;
    expect(told.map((r) => r.payload)).toEqual([
      expect.objectContaining({ audience: 'tenant', kind: 'safety', severity: 'critical', link: `/sessions/${session.id}` }),
      expect.objectContaining({ audience: 'tenant', kind: 'urgent_callback', severity: 'warning', link: `/sessions/${session.id}` }),
    ]);
    expect(String(told[0].payload.body)).toContain('slurring his words');
    expect(await opinionCount('urgency', 'model_only')).toBe(before.urgency + 1);
    expect(await opinionCount('safety', 'model_only')).toBe(before.safety + 1);

    // Redelivered: nothing is stored, told or counted again (the model is asked again, before the transaction).
    mock.enqueue({ type: 'text', text: modelAnswer({ urgent: true, safety: true }) });
    await expect(service.handle(event, { msgId })).resolves.toMatchObject({ status: 'duplicate', secondOpinions: [] });
    const [again] = await owner.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM outbox WHERE subject = ${`evt.notify.requested.${tenant.id}`}`;
    expect(again.n).toBe(2);
    expect(await opinionCount('urgency', 'model_only')).toBe(before.urgency + 1);
  });

  it('second opinion: an inline flag the model does not share stays, is kept for retraining, and nobody is told twice', async () => {
    mock.enqueue({ type: 'text', text: modelAnswer({ urgent: false, safety: false }) });
    const before = await opinionCount('urgency', 'inline_only');
    const urgent = { ...quiet, urgency: 'high' as const, flags: ['urgent' as const] };
    const { tenant, event } = await turnFor('URGENT!!! need a quote for new kitchen taps asap lol', urgent);
    const outcome = await service.handle(event, { msgId: randomUUID() });
    expect(outcome.secondOpinions).toEqual([
      { signal: 'urgency', outcome: 'inline_only' },
      { signal: 'safety', outcome: 'agree_clear' },
    ]);
    const rows = await owner.$queryRaw<Array<{ kind: string; label: string }>>`
      SELECT kind, label FROM message_signals WHERE tenant_id = ${tenant.id}::uuid AND label IN ('late_flag', 'model_disagrees')`;
    expect(rows).toEqual([{ kind: 'urgency', label: 'model_disagrees' }]);
    const [told] = await owner.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM outbox WHERE subject = ${`evt.notify.requested.${tenant.id}`}`;
    expect(told.n).toBe(0);
    expect(await opinionCount('urgency', 'inline_only')).toBe(before + 1);
  });

  it('second opinion: none when the model leaves it out (its extraction still counts)', async () => {
    mock.enqueue({ type: 'text', text: modelAnswer() });
    const { tenant, event } = await turnFor('Do you do emergency call-outs at weekends?');
    await expect(service.handle(event, { msgId: randomUUID() })).resolves.toMatchObject({ method: 'llm', secondOpinions: [] });
    const [rows] = await owner.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM message_signals WHERE tenant_id = ${tenant.id}::uuid AND label IN ('late_flag', 'model_disagrees')`;
    expect(rows.n).toBe(0);
  });
});
