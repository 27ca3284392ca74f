// The contact store in TenantDb.transaction() (node-postgres, L1b's batch) against the real
// database as the app role: the same answers and rows as in TenantDb.run() (Prisma), RLS, and
// nothing kept when the transaction fails.
import { createChatSession, createTenant } from './fixtures';
import { openDbTestContext, rejection, type DbTestContext } from './db-test-context';
import { TenantDb } from '../tenant/tenant-db';
import { sqlTx } from '../tenant/sql-tx';
import {
  contactAttributes,
  findContact,
  lockTenantContacts,
  mergeDuplicateContact,
  resolveContact,
  setContactAttributes,
  type ContactObservation,
  type ResolvedContact,
} from '../contacts/contact-store';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 9, minute));
const field = (value: string, over: { confidence?: number; correction?: boolean } = {}) => ({
  value,
  sourceMessageId: null,
  confidence: over.confidence ?? 0.9,
  correction: over.correction ?? false,
});

/** One visitor story: a contact, a second one by phone with an external id, a message linking both (a merge), a conflict. */
const story: Array<Omit<ContactObservation, 'tenantId'>> = [
  { fields: { name: field('Anne Byrne'), email: field('Anne@Example.com') }, observedAt: at(1) },
  { fields: { phone: field('+447700900321') }, externalUserId: 'crm-9', observedAt: at(2) },
  { fields: { email: field('anne@example.com'), phone: field('+447700900321') }, observedAt: at(3) },
  { fields: { name: field('Carl Dunne'), email: field('carl@example.com'), phone: field('+447700900321') }, observedAt: at(4) },
  { fields: { name: field('Anne Burns', { correction: true }) }, email: 'anne@example.com', observedAt: at(5) },
];

describe('contact store in a node-postgres tenant transaction', () => {
  let ctx: DbTestContext;
  let db: TenantDb;

  beforeAll(() => {
    ctx = openDbTestContext(process.env, 4);
    db = new TenantDb(ctx.app);
  });
  afterAll(() => ctx.close());

  const rowsOf = async (tenantId: string) =>
    (
      await ctx.owner.query(
        'SELECT id::text, external_user_id, name, email, phone, attributes, first_seen_at, last_seen_at FROM tenant_contacts WHERE tenant_id = $1 ORDER BY created_at',
        [tenantId],
      )
    ).rows as Array<Record<string, unknown> & { id: string }>;

  /** Results and rows with each contact id replaced by its position among the tenant's contacts, so two tenants compare. */
  function comparable(results: Array<ResolvedContact | null>, rows: Array<Record<string, unknown> & { id: string }>) {
    const ids = new Map<string, string>();
    for (const r of results) if (r && !ids.has(r.id)) ids.set(r.id, `contact-${ids.size}`);
    let text = JSON.stringify({ results, rows });
    for (const [id, name] of ids) text = text.split(id).join(name);
    return JSON.parse(text) as unknown;
  }

  it('answers and writes as run() does, observation by observation (create, recognise, merge, conflict, correction)', async () => {
    const viaPrisma = await createTenant(ctx.owner);
    const viaPg = await createTenant(ctx.owner);
    const prismaResults: Array<ResolvedContact | null> = [];
    const pgResults: Array<ResolvedContact | null> = [];
    for (const o of story) {
      prismaResults.push(await db.run(viaPrisma.id, (tx) => resolveContact(tx, { tenantId: viaPrisma.id, ...o })));
      pgResults.push(await db.transaction(viaPg.id, (tx) => resolveContact(tx, { tenantId: viaPg.id, ...o })));
    }
    expect(pgResults[2]).toMatchObject({ mergedContactIds: [pgResults[1]?.id], externalUserId: 'crm-9', phone: '+447700900321' });
    expect(pgResults[3]).toMatchObject({ created: true, conflicts: [{ contactId: pgResults[0]?.id, matchedOn: 'phone' }] });
    expect(comparable(pgResults, await rowsOf(viaPg.id))).toEqual(comparable(prismaResults, await rowsOf(viaPrisma.id)));
    await expect(db.transaction(viaPg.id, (tx) => findContact(tx, viaPg.id, { externalUserId: 'crm-9' }))).resolves.toMatchObject({
      id: pgResults[0]?.id,
      name: 'Anne Burns',
    });
  });

  it("a staff merge moves the duplicate's sessions and answers the moved rows; the other tenant sees nothing", async () => {
    const tenant = await createTenant(ctx.owner);
    const other = await createTenant(ctx.owner);
    const first = await db.transaction(tenant.id, (tx) =>
      resolveContact(tx, { tenantId: tenant.id, fields: { name: field('Ed Ames'), phone: field('+447700900654') }, observedAt: at(10) }),
    );
    const second = await db.transaction(tenant.id, (tx) =>
      resolveContact(tx, { tenantId: tenant.id, fields: { name: field('Flo Gray'), phone: field('+447700900654') }, observedAt: at(11) }),
    );
    const session = await createChatSession(ctx.owner, tenant.id, { contact_id: second?.id });
    await expect(db.transaction(other.id, (tx) => mergeDuplicateContact(tx, other.id, first!.id, second!.id))).resolves.toBeNull();
    const merged = await db.transaction(tenant.id, (tx) => mergeDuplicateContact(tx, tenant.id, first!.id, second!.id));
    expect(merged).toMatchObject({ keptId: first?.id, duplicateId: second?.id, moved: { sessions: 1, interactions: 0, summaries: 0 } });
    expect((await rowsOf(tenant.id)).map((r) => r.id)).toEqual([first?.id]);
    const { rows } = await ctx.owner.query('SELECT contact_id::text FROM chat_sessions WHERE id = $1', [session.id]);
    expect(rows[0].contact_id).toBe(first?.id);
  });

  it('attributes read and write through either transaction; a contact the tenant cannot see is absent and not written', async () => {
    const tenant = await createTenant(ctx.owner);
    const other = await createTenant(ctx.owner);
    const contact = await db.transaction(tenant.id, (tx) =>
      resolveContact(tx, { tenantId: tenant.id, fields: { email: field('gil@example.com') }, observedAt: at(12) }),
    );
    const id = contact!.id;
    await db.transaction(tenant.id, async (tx) =>
      setContactAttributes(tx, id, { ...((await contactAttributes(tx, id)) as object), vip: true }),
    );
    await expect(db.run(tenant.id, (tx) => contactAttributes(tx, id))).resolves.toMatchObject({ vip: true, fields: expect.any(Object) });
    await expect(db.transaction(other.id, (tx) => contactAttributes(tx, id))).resolves.toBeUndefined();
    expect(String(await rejection(db.transaction(other.id, (tx) => setContactAttributes(tx, id, {}))))).toContain('is gone');
    await expect(db.run(tenant.id, (tx) => contactAttributes(tx, id))).resolves.toMatchObject({ vip: true });
  });

  it("a transaction that fails after resolving keeps no contact, no merge and no lock; sqlTx answers a Prisma transaction's rows as pg does", async () => {
    const tenant = await createTenant(ctx.owner);
    const kept = await db.transaction(tenant.id, (tx) =>
      resolveContact(tx, { tenantId: tenant.id, fields: { email: field('hal@example.com') }, observedAt: at(13) }),
    );
    const failure = await rejection(
      db.transaction(tenant.id, async (tx) => {
        await lockTenantContacts(tx, tenant.id);
        await resolveContact(tx, { tenantId: tenant.id, fields: { email: field('ida@example.com') }, observedAt: at(14) });
        await resolveContact(tx, {
          tenantId: tenant.id,
          fields: { name: field('Hal Ives', { correction: true }) },
          email: 'hal@example.com',
          observedAt: at(15),
        });
        throw new Error('after the resolves');
      }),
    );
    expect(String(failure)).toContain('after the resolves');
    expect((await rowsOf(tenant.id)).map((r) => [r.id, r.name, r.email])).toEqual([[kept?.id, null, 'hal@example.com']]);
    // The lock went with the rolled-back transaction: the next one takes it at once.
    await db.transaction(tenant.id, (tx) => lockTenantContacts(tx, tenant.id));
    const read = `SELECT id::text AS id, attributes, created_at, (count(*) OVER ())::int AS n FROM tenant_contacts WHERE tenant_id = $1::uuid`;
    const viaPrisma = await db.run(tenant.id, (tx) => sqlTx(tx).query(read, [tenant.id]));
    await expect(db.transaction(tenant.id, (tx) => sqlTx(tx).query(read, [tenant.id]))).resolves.toEqual(viaPrisma);
    expect(viaPrisma).toEqual([{ id: kept?.id, attributes: expect.any(Object), created_at: expect.any(Date), n: 1 }]);
  });
});
