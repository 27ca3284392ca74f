// L1b's batch transaction (node-postgres, TenantDb.transaction()) over the real database as the app
// role: a failure anywhere in it keeps nothing of the batch (processed_events, the contact, the
// session's link, the preferences, the interaction, the l1b rows, the outbox rows), the connection
// serves the next batch, and the redelivered event is then extracted exactly once.
import { randomUUID } from 'node:crypto';
import { CONSUMERS, type ChatTurnCompleted } from '@parley/contracts';
import { createPrismaClient, TenantDb, type OutboxMessageInput, type PgTx, type PrismaClient } from '@parley/persistence';
import { createLogger } from '@parley/observability';
import { createChatMessage, createChatSession, createTenant } from '@parley/testing';
import { ChatTablesRepository, type InteractionWrite, type NewSignalRow } from '../../chat-tables/chat-tables.repository';
import { ExtractionRepository } from '../extraction.repository';
import { TurnExtractionService } from '../turn-extraction.service';

const silent = createLogger({ service: 'tenant-intelligence', level: 'silent' });

/** The batch's writes go through, then the batch fails while `failing` is set (after every write of the turn). */
class WritesThenFails extends ChatTablesRepository {
  failing = true;

  override async writeL1bBatch(
    tx: PgTx,
    writes: { signals: readonly NewSignalRow[]; interactions: readonly InteractionWrite[]; outbox: readonly OutboxMessageInput[] },
  ): Promise<void> {
    await super.writeL1bBatch(tx, writes);
    if (this.failing) throw new Error('the batch fails after its writes');
  }
}

/** A statement the database rejects once the contact is resolved and the session linked, while `failing` is set. */
class DatabaseFailsMidBatch extends ExtractionRepository {
  failing = true;

  override async setContactAttributes(tx: PgTx, contactId: string, attributes: Record<string, unknown>): Promise<void> {
    if (this.failing) await tx.query('SELECT 1 / $1::int AS x', [0]);
    return super.setContactAttributes(tx, contactId, attributes);
  }
}

describe('L1b batch transaction (node-postgres)', () => {
  let prisma: PrismaClient;
  /** Owner role (BYPASSRLS): fixtures and checks only. */
  let owner: PrismaClient;
  let db: TenantDb;

  beforeAll(() => {
    // A small pool (the writes' companion has two connections): the batches after a failure reuse its connection.
    prisma = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_URL as string, poolMax: 2 });
    owner = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_OWNER_URL as string, poolMax: 2 });
    db = new TenantDb(prisma);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await owner.$disconnect();
  });

  /** A customer message that names the visitor, gives a number and a preference: every write of a turn. */
  async function turn(tenantId: string, sessionId: string): Promise<{ event: ChatTurnCompleted; msgId: string }> {
    const session = { id: sessionId, tenant_id: tenantId };
    const turnId = randomUUID();
    const userText = "Hi, I'm Nadia, the radiator is cold, call me on 07700 900777 — not before 10am please";
    const user = await createChatMessage(owner, session, { role: 'user', content: userText, turn_id: turnId });
    const assistant = await createChatMessage(owner, session, { role: 'assistant', content: 'Noted.', turn_id: turnId });
    const event: ChatTurnCompleted = {
      version: 1,
      tenantId,
      sessionId,
      turnId,
      userMessageId: user.id,
      assistantMessageId: assistant.id,
      contactId: null,
      userText,
      assistantText: 'Noted.',
      signals: { urgency: 'medium', sentiment: 'neutral', sentimentScore: 0, intents: [], flags: [], entityCount: 0 },
      actionIds: [],
      usage: { inputTokens: 10, outputTokens: 5, model: 'retrieval', provider: 'offline', latencyMs: 3 },
      occurredAt: new Date().toISOString(),
    };
    return { event, msgId: randomUUID() };
  }

  /** Everything an extraction writes for the tenant, the session and the event. */
  async function state(tenantId: string, sessionId: string, msgId: string) {
    const count = async (sql: string, ...values: unknown[]) => (await owner.$queryRawUnsafe<Array<{ n: number }>>(sql, ...values))[0].n;
    return {
      processed: await count(
        'SELECT count(*)::int AS n FROM processed_events WHERE consumer = $1 AND message_id = $2',
        CONSUMERS.tenantIntelligence.durable,
        msgId,
      ),
      contacts: await owner.$queryRawUnsafe<Array<{ name: string | null; phone: string | null; attributes: unknown }>>(
        'SELECT name, phone, attributes FROM tenant_contacts WHERE tenant_id = $1::uuid',
        tenantId,
      ),
      sessionContact: (
        await owner.$queryRawUnsafe<Array<{ contact_id: string | null }>>(
          'SELECT contact_id::text FROM chat_sessions WHERE id = $1::uuid',
          sessionId,
        )
      )[0].contact_id,
      interactions: await count('SELECT count(*)::int AS n FROM tenant_interactions WHERE tenant_id = $1::uuid', tenantId),
      signals: await count("SELECT count(*)::int AS n FROM message_signals WHERE tenant_id = $1::uuid AND source = 'l1b'", tenantId),
      outbox: await count('SELECT count(*)::int AS n FROM outbox WHERE subject LIKE $1', `%.${tenantId}`),
    };
  }

  const nothing = { processed: 0, contacts: [], sessionContact: null, interactions: 0, signals: 0, outbox: 0 };

  it('a failure after all of a turn’s writes keeps none of them; the redelivery extracts once and a second one doubles nothing', async () => {
    const tenant = await createTenant(owner);
    const session = await createChatSession(owner, tenant.id);
    const t = await turn(tenant.id, session.id);
    const chat = new WritesThenFails();
    const extraction = new TurnExtractionService(db, new ExtractionRepository(), chat, silent);

    await expect(extraction.handle(t.event, { msgId: t.msgId })).rejects.toThrow('the batch fails after its writes');
    expect(await state(tenant.id, session.id, t.msgId)).toEqual(nothing);

    chat.failing = false;
    await expect(extraction.handle(t.event, { msgId: t.msgId })).resolves.toMatchObject({ status: 'extracted' });
    const extracted = await state(tenant.id, session.id, t.msgId);
    expect(extracted).toMatchObject({ processed: 1, interactions: 1, outbox: 1 });
    expect(extracted.contacts).toEqual([
      expect.objectContaining({
        name: 'Nadia',
        phone: '+447700900777',
        attributes: expect.objectContaining({
          preferences: expect.arrayContaining([expect.objectContaining({ value: 'phone before 10:00' })]),
        }),
      }),
    ]);
    expect(extracted.signals).toBeGreaterThan(0);
    expect(extracted.sessionContact).not.toBeNull();

    await expect(extraction.handle(t.event, { msgId: t.msgId })).resolves.toMatchObject({ status: 'duplicate' });
    expect(await state(tenant.id, session.id, t.msgId)).toEqual(extracted);
  });

  it('a statement the database rejects mid-batch (after the contact was created and the session linked) rolls everything back; the next batch runs', async () => {
    const tenant = await createTenant(owner);
    const session = await createChatSession(owner, tenant.id);
    const t = await turn(tenant.id, session.id);
    const repo = new DatabaseFailsMidBatch();
    const extraction = new TurnExtractionService(db, repo, new ChatTablesRepository(), silent);

    await expect(extraction.handle(t.event, { msgId: t.msgId })).rejects.toMatchObject({ code: '22012' });
    expect(await state(tenant.id, session.id, t.msgId)).toEqual(nothing);

    repo.failing = false;
    await expect(extraction.handle(t.event, { msgId: t.msgId })).resolves.toMatchObject({ status: 'extracted' });
    const extracted = await state(tenant.id, session.id, t.msgId);
    expect(extracted).toMatchObject({ processed: 1, interactions: 1, outbox: 1, contacts: [expect.objectContaining({ name: 'Nadia' })] });
    await expect(extraction.handle(t.event, { msgId: t.msgId })).resolves.toMatchObject({ status: 'duplicate' });
    expect(await state(tenant.id, session.id, t.msgId)).toEqual(extracted);
  });
});
