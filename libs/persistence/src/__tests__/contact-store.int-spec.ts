// Contact identity resolution against the real database, as the app role (RLS applies).
import { createChatSession, createTenant, type TenantRow } from './fixtures';
import { openDbTestContext, type DbTestContext } from './db-test-context';
import { TenantDb } from '../tenant/tenant-db';
import { findContact, resolveContact, type ContactObservation } from '../contacts/contact-store';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 10, minute));
const field = (value: string, over: { confidence?: number; correction?: boolean; sourceMessageId?: string | null } = {}) => ({
  value,
  sourceMessageId: over.sourceMessageId ?? null,
  confidence: over.confidence ?? 0.9,
  correction: over.correction ?? false,
});

describe('contact store (identity resolution)', () => {
  let ctx: DbTestContext;
  let db: TenantDb;
  let tenantA: TenantRow;
  let tenantB: TenantRow;

  beforeAll(async () => {
    ctx = openDbTestContext(process.env, 4);
    db = new TenantDb(ctx.app);
    tenantA = await createTenant(ctx.owner);
    tenantB = await createTenant(ctx.owner);
  });
  afterAll(() => ctx.close());

  const resolve = (tenantId: string, o: Omit<ContactObservation, 'tenantId'>) =>
    db.run(tenantId, (tx) => resolveContact(tx, { tenantId, ...o }));
  const contactsOf = async (tenantId: string) =>
    (await ctx.owner.query('SELECT * FROM tenant_contacts WHERE tenant_id = $1 ORDER BY created_at', [tenantId])).rows;

  it('creates one contact from an email and recognises it again by that email, lower-cased', async () => {
    const first = await resolve(tenantA.id, { fields: { name: field('Dave'), email: field('Dave.Smith@Example.com') }, observedAt: at(1) });
    expect(first).toMatchObject({ created: true, name: 'Dave', email: 'dave.smith@example.com' });
    const again = await resolve(tenantA.id, {
      fields: { phone: field('+447700900123') },
      email: 'dave.smith@example.com',
      observedAt: at(2),
    });
    expect(again).toMatchObject({ id: first?.id, created: false, phone: '+447700900123', email: 'dave.smith@example.com' });
    expect(await db.run(tenantA.id, (tx) => findContact(tx, tenantA.id, { phone: '+447700900123' }))).toMatchObject({
      id: first?.id,
      name: 'Dave',
    });
  });

  it('never matches or shows a contact of another tenant', async () => {
    const a = await resolve(tenantA.id, { fields: { email: field('shared@example.com') }, observedAt: at(3) });
    await expect(db.run(tenantB.id, (tx) => findContact(tx, tenantB.id, { email: 'shared@example.com' }))).resolves.toBeNull();
    const b = await resolve(tenantB.id, { fields: { email: field('shared@example.com') }, observedAt: at(4) });
    expect(b?.created).toBe(true);
    expect(b?.id).not.toBe(a?.id);
  });

  it('a name alone creates nothing', async () => {
    const before = (await contactsOf(tenantB.id)).length;
    await expect(resolve(tenantB.id, { fields: { name: field('Nobody') }, observedAt: at(5) })).resolves.toBeNull();
    expect((await contactsOf(tenantB.id)).length).toBe(before);
  });

  it('merges two contacts when one message links them, moving their sessions', async () => {
    const tenant = await createTenant(ctx.owner);
    const byEmail = await resolve(tenant.id, {
      fields: { email: field('anne-marie@example.com'), name: field("Anne-Marie O'Brien") },
      observedAt: at(6),
    });
    const byPhone = await resolve(tenant.id, { fields: { phone: field('+447700900555') }, externalUserId: 'cust-77', observedAt: at(7) });
    const session = await createChatSession(ctx.owner, tenant.id, { contact_id: byPhone?.id });
    const merged = await resolve(tenant.id, {
      fields: { email: field('anne-marie@example.com'), phone: field('+447700900555') },
      observedAt: at(8),
    });
    expect(merged).toMatchObject({
      id: byEmail?.id,
      mergedContactIds: [byPhone?.id],
      name: "Anne-Marie O'Brien",
      phone: '+447700900555',
      externalUserId: 'cust-77',
    });
    const rows = await contactsOf(tenant.id);
    expect(rows.map((r) => r.id)).toEqual([byEmail?.id]);
    const { rows: sessions } = await ctx.owner.query('SELECT contact_id FROM chat_sessions WHERE id = $1', [session.id]);
    expect(sessions[0].contact_id).toBe(byEmail?.id);
  });

  it('an explicit correction replaces the number, keeping the old one as an alternate with its source', async () => {
    const tenant = await createTenant(ctx.owner);
    const first = await resolve(tenant.id, {
      externalUserId: 'u1',
      fields: { phone: field('+447700900111', { confidence: 0.95, sourceMessageId: null }) },
      observedAt: at(9),
    });
    const corrected = await resolve(tenant.id, {
      externalUserId: 'u1',
      fields: { phone: field('+447700900222', { confidence: 0.7, correction: true }) },
      observedAt: at(10),
    });
    expect(corrected).toMatchObject({ id: first?.id, phone: '+447700900222' });
    const [row] = await contactsOf(tenant.id);
    expect(row.attributes.fields.phone).toMatchObject({
      value: '+447700900222',
      correction: true,
      alternates: [{ value: '+447700900111' }],
    });
  });

  it('concurrent resolutions for one new person create exactly one contact', async () => {
    const tenant = await createTenant(ctx.owner);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        resolve(tenant.id, {
          fields: { email: field('race@example.com'), name: field(`Racer ${i}`, { confidence: 0.5 + i / 100 }) },
          observedAt: at(11),
        }),
      ),
    );
    expect(new Set(results.map((r) => r?.id)).size).toBe(1);
    expect(results.filter((r) => r?.created)).toHaveLength(1);
    expect(await contactsOf(tenant.id)).toHaveLength(1);
  });
});

describe('contact store: identity conflicts (docs/extraction.md, Identity)', () => {
  let ctx: DbTestContext;
  let db: TenantDb;

  beforeAll(() => {
    ctx = openDbTestContext(process.env, 2);
    db = new TenantDb(ctx.app);
  });
  afterAll(() => ctx.close());

  const resolve = (tenantId: string, o: Omit<ContactObservation, 'tenantId'>) =>
    db.run(tenantId, (tx) => resolveContact(tx, { tenantId, ...o }));
  const contactsOf = async (tenantId: string) =>
    (await ctx.owner.query('SELECT * FROM tenant_contacts WHERE tenant_id = $1 ORDER BY created_at', [tenantId])).rows;

  it('a new visitor whose phone matches but whose name and email differ gets a contact of their own, flagged as a possible duplicate', async () => {
    const tenant = await createTenant(ctx.owner);
    const alice = await resolve(tenant.id, {
      fields: { name: field('Alice Smith'), email: field('alice@example.com'), phone: field('+447700900123') },
      observedAt: at(20),
    });
    const bob = await resolve(tenant.id, {
      fields: { name: field('Bob Jones'), email: field('bob@example.com'), phone: field('+447700900123') },
      observedAt: at(21),
    });
    // The number stays Alice's column (unique per tenant); Bob's record keeps it as a shared phone.
    expect(bob).toMatchObject({
      created: true,
      name: 'Bob Jones',
      email: 'bob@example.com',
      phone: null,
      conflicts: [{ contactId: alice?.id, matchedOn: 'phone' }],
    });
    const rows = await contactsOf(tenant.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: alice?.id, name: 'Alice Smith', email: 'alice@example.com' });
    expect(rows[1].attributes.identity).toEqual({
      possibleDuplicates: [{ contactId: alice?.id, matchedOn: 'phone', conflicts: ['name', 'email'] }],
      sharedPhone: '+447700900123',
    });
    expect(rows[1].attributes.fields.phone).toMatchObject({ value: '+447700900123' });
  });

  it('a name given earlier in the session is checked when the phone arrives in a later message', async () => {
    const tenant = await createTenant(ctx.owner);
    const alice = await resolve(tenant.id, { fields: { name: field('Alice Smith'), phone: field('+447700900124') }, observedAt: at(22) });
    const later = await resolve(tenant.id, { claims: { name: 'Bob' }, fields: { phone: field('+447700900124') }, observedAt: at(23) });
    expect(later?.id).not.toBe(alice?.id);
    const same = await resolve(tenant.id, { claims: { name: 'Alice' }, fields: { phone: field('+447700900124') }, observedAt: at(24) });
    expect(same?.id).toBe(alice?.id);
  });

  it("the session's contact takes a corrected name; the earlier value stays in the field history", async () => {
    const tenant = await createTenant(ctx.owner);
    const first = await resolve(tenant.id, { fields: { name: field('Tom Smith'), email: field('tom@example.com') }, observedAt: at(25) });
    const corrected = await resolve(tenant.id, {
      sessionContactId: first?.id,
      fields: { name: field('Tom Smyth', { correction: true }) },
      observedAt: at(26),
    });
    expect(corrected).toMatchObject({ id: first?.id, name: 'Tom Smyth' });
    const [row] = await contactsOf(tenant.id);
    expect(row.attributes.fields.name).toMatchObject({ value: 'Tom Smyth', alternates: [{ value: 'Tom Smith' }] });
  });
});
