// Staff merge of a possible duplicate (intel.contact.merge) over the real database as the app
// role (RLS applies): the conflict is produced by the contact store itself, then merged.
import { randomUUID } from 'node:crypto';
import { createPrismaClient, readFieldRecords, resolveContact, TenantDb, type PrismaClient } from '@parley/persistence';
import { createChatSession, createTenant } from '@parley/testing';
import { ChatTablesRepository } from '../../chat-tables/chat-tables.repository';
import { CrmRepository } from '../crm.repository';
import { CrmService } from '../crm.service';
import { InsightTablesRepository } from '../insight-tables.repository';

type Person = { name?: string; email?: string; phone?: string; externalUserId?: string };

describe('merging a possible duplicate contact', () => {
  let prisma: PrismaClient;
  /** Owner role (BYPASSRLS): fixtures and checks only. */
  let owner: PrismaClient;
  let db: TenantDb;
  let crm: CrmService;
  const actor = { type: 'tenant_user' as const, id: randomUUID() };

  beforeAll(() => {
    prisma = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_URL as string, poolMax: 8 });
    owner = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_OWNER_URL as string, poolMax: 2 });
    db = new TenantDb(prisma);
    crm = new CrmService(db, new CrmRepository(), new ChatTablesRepository(), new InsightTablesRepository());
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await owner.$disconnect();
  });

  /** One visitor's message as extraction hands it to the contact store. */
  async function observe(tenantId: string, person: Person, observedAt = new Date()): Promise<string> {
    const field = (value: string | undefined) => (value ? { value, sourceMessageId: null, confidence: 0.9, correction: false } : undefined);
    const resolved = await db.run(tenantId, (tx) =>
      resolveContact(tx, {
        tenantId,
        externalUserId: person.externalUserId ?? null,
        fields: { name: field(person.name), email: field(person.email), phone: field(person.phone) },
        observedAt,
      }),
    );
    return resolved!.id;
  }

  /** A session of the contact with its interaction and (optionally) its summary. */
  async function conversation(tenantId: string, contactId: string, summary?: string) {
    const session = await createChatSession(owner, tenantId, { contact_id: contactId });
    await owner.$executeRaw`
      INSERT INTO tenant_interactions (tenant_id, contact_id, session_id, kind, summary)
      VALUES (${tenantId}::uuid, ${contactId}::uuid, ${session.id}::uuid, 'conversation', 'boiler')`;
    if (summary) {
      await owner.$executeRaw`
        INSERT INTO session_summaries (tenant_id, session_id, contact_id, summary)
        VALUES (${tenantId}::uuid, ${session.id}::uuid, ${contactId}::uuid, ${summary})`;
    }
    return session.id;
  }

  const merge = (tenantId: string, contactId: string, duplicateId: string) =>
    crm.mergeContacts({ version: 1, actor, tenantId, contactId, duplicateId });

  const row = async (id: string) =>
    (
      await owner.$queryRaw<
        Array<{ name: string | null; email: string | null; phone: string | null; external_user_id: string | null; attributes: unknown }>
      >`
        SELECT name, email, phone, external_user_id, attributes FROM tenant_contacts WHERE id = ${id}::uuid`
    )[0];

  it('moves sessions, interactions and summaries, keeps the field history, takes over the freed phone and the external id, and is audited', async () => {
    const tenant = await createTenant(owner);
    const alice = await observe(tenant.id, {
      name: 'Alice Smith',
      email: 'alice@example.com',
      phone: '+447700900555',
      externalUserId: 'crm-7',
    });
    const bob = await observe(tenant.id, { name: 'Bob Jones', email: 'bob@example.com', phone: '+447700900555' });
    expect(bob).not.toBe(alice);
    const aliceSession = await conversation(tenant.id, alice, 'Alice Smith asked about a boiler.');
    const bobSession = await conversation(tenant.id, bob);
    await owner.$executeRaw`
      INSERT INTO insight_sessions (tenant_id, session_id, contact_id, first_hour, started_at)
      VALUES (${tenant.id}::uuid, ${aliceSession}::uuid, ${alice}::uuid, date_trunc('hour', now()), now())`;

    // Both sides see the other, with its current values and why they were kept apart.
    const seenFromBob = await crm.getContact({ version: 1, tenantId: tenant.id, contactId: bob });
    expect(seenFromBob.contact.possibleDuplicates).toEqual([
      {
        contactId: alice,
        name: 'Alice Smith',
        email: 'alice@example.com',
        phone: '+447700900555',
        reason: 'Same phone number; the name and email differ',
      },
    ]);
    const seenFromAlice = await crm.getContact({ version: 1, tenantId: tenant.id, contactId: alice });
    expect(seenFromAlice.contact.possibleDuplicates).toEqual([expect.objectContaining({ contactId: bob, name: 'Bob Jones', phone: null })]);

    const merged = await merge(tenant.id, bob, alice);

    expect(merged.duplicateId).toBe(alice);
    expect(merged.moved).toEqual({ sessions: 1, interactions: 1, summaries: 1 });
    expect(merged.contact).toMatchObject({
      id: bob,
      name: 'Bob Jones',
      email: 'bob@example.com',
      phone: '+447700900555',
      externalUserId: 'crm-7',
      interactionCount: 2,
      possibleDuplicates: [],
    });
    expect(await row(alice)).toBeUndefined();
    const sessions = await owner.$queryRaw<Array<{ id: string; contact_id: string }>>`
      SELECT id::text, contact_id::text FROM chat_sessions WHERE tenant_id = ${tenant.id}::uuid`;
    expect(sessions.map((s) => s.contact_id)).toEqual([bob, bob]);
    expect(sessions.map((s) => s.id).sort()).toEqual([aliceSession, bobSession].sort());
    const [summary] = await owner.$queryRaw<Array<{ contact_id: string }>>`
      SELECT contact_id::text FROM session_summaries WHERE session_id = ${aliceSession}::uuid`;
    expect(summary.contact_id).toBe(bob);
    const [insight] = await owner.$queryRaw<Array<{ contact_id: string }>>`
      SELECT contact_id::text FROM insight_sessions WHERE session_id = ${aliceSession}::uuid`;
    expect(insight.contact_id).toBe(bob);

    // Earlier values stay in the field history; the shared number is this contact's column now.
    const kept = await row(bob);
    const records = readFieldRecords(kept.attributes);
    expect(records.name?.value).toBe('Bob Jones');
    expect(records.name?.alternates.map((a) => a.value)).toContain('Alice Smith');
    expect(records.email?.alternates.map((a) => a.value)).toContain('alice@example.com');
    expect((kept.attributes as { identity?: unknown }).identity).toBeUndefined();

    const audits = await owner.$queryRaw<Array<{ actor_id: string; target_id: string; data: Record<string, unknown> }>>`
      SELECT actor_id, target_id::text, data FROM audit_log WHERE tenant_id = ${tenant.id}::uuid AND action = 'contact.merged'`;
    expect(audits).toEqual([
      {
        actor_id: actor.id,
        target_id: bob,
        data: expect.objectContaining({ duplicateId: alice, sessions: 1, interactions: 1, summaries: 1, insightSessions: 1 }),
      },
    ]);
  });

  it("keeps a number a third contact holds in the field record only, and inherits the duplicate's other possible duplicates", async () => {
    const tenant = await createTenant(owner);
    const carol = await observe(tenant.id, { name: 'Carol White', email: 'carol@example.com', phone: '+447700900777' });
    // Dan shares Carol's number but not her name or email: kept apart, the number in his record only.
    const dan = await observe(tenant.id, { name: 'Dan Brown', email: 'dan@example.com', phone: '+447700900777' });
    const danOther = await observe(tenant.id, { name: 'Dan Brown', email: 'dan.brown@work.example' });
    expect((await row(dan)).phone).toBeNull();

    const merged = await merge(tenant.id, danOther, dan);

    expect(merged.contact).toMatchObject({ id: danOther, phone: null });
    expect(merged.contact.fields.phone?.value).toBe('+447700900777');
    expect(merged.contact.possibleDuplicates).toEqual([expect.objectContaining({ contactId: carol, phone: '+447700900777' })]);
    expect((await row(danOther)).attributes).toMatchObject({ identity: { sharedPhone: '+447700900777' } });
    expect((await row(carol)).phone).toBe('+447700900777');
    // Carol's record named the merged contact: it names the one kept now.
    const fromCarol = await crm.getContact({ version: 1, tenantId: tenant.id, contactId: carol });
    expect(fromCarol.contact.possibleDuplicates).toEqual([expect.objectContaining({ contactId: danOther, name: 'Dan Brown' })]);
  });

  it("answers NOT_FOUND for an unknown id or another tenant's contact and changes nothing", async () => {
    const tenant = await createTenant(owner);
    const other = await createTenant(owner);
    const mine = await observe(tenant.id, { name: 'Erin Green', email: 'erin@example.com' });
    const theirs = await observe(other.id, { name: 'Erin Green', email: 'erin@example.com' });

    await expect(merge(tenant.id, mine, theirs)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(merge(tenant.id, theirs, mine)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(merge(tenant.id, mine, randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(merge(other.id, mine, theirs)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await row(mine)).toMatchObject({ email: 'erin@example.com' });
    expect(await row(theirs)).toMatchObject({ email: 'erin@example.com' });
  });

  it('answers VALIDATION for a contact merged into itself', async () => {
    const tenant = await createTenant(owner);
    const frank = await observe(tenant.id, { name: 'Frank', email: 'frank@example.com' });
    await expect(merge(tenant.id, frank, frank)).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [expect.objectContaining({ path: 'duplicateId' })] },
    });
    expect(await row(frank)).toBeDefined();
  });

  it('merges once when several requests merge the same pair at once, either way round; the others find a contact gone', async () => {
    const tenant = await createTenant(owner);
    const gina = await observe(tenant.id, { name: 'Gina Hill', email: 'gina@example.com', phone: '+447700900888' });
    const hal = await observe(tenant.id, { name: 'Hal Ivy', email: 'hal@example.com', phone: '+447700900888' });
    await conversation(tenant.id, gina);
    await conversation(tenant.id, hal);

    const outcomes = await Promise.allSettled([
      merge(tenant.id, gina, hal),
      merge(tenant.id, hal, gina),
      merge(tenant.id, gina, hal),
      merge(tenant.id, hal, gina),
    ]);

    const merged = outcomes.filter((o) => o.status === 'fulfilled');
    expect(merged).toHaveLength(1);
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { code?: string }).code] : []));
    expect(failures).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    const contacts = await owner.$queryRaw<Array<{ id: string }>>`
      SELECT id::text FROM tenant_contacts WHERE tenant_id = ${tenant.id}::uuid`;
    expect(contacts).toHaveLength(1);
    const sessions = await owner.$queryRaw<Array<{ contact_id: string }>>`
      SELECT contact_id::text FROM chat_sessions WHERE tenant_id = ${tenant.id}::uuid`;
    expect(sessions.map((s) => s.contact_id)).toEqual([contacts[0].id, contacts[0].id]);
    const [audits] = await owner.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM audit_log WHERE tenant_id = ${tenant.id}::uuid AND action = 'contact.merged'`;
    expect(Number(audits.n)).toBe(1);
  });
});
