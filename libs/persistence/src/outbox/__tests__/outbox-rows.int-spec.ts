// Outbox rows written by a hand-written statement through TenantDb.statement(), as the app role:
// committed with the tenant's rows or not at all, in order, each with its own id (the relay's
// Nats-Msg-Id), the same rows enqueueOutbox writes.
import { randomUUID } from 'node:crypto';
import { createChatSession, createTenant, type TenantRow } from '../../__tests__/fixtures';
import { openDbTestContext, rejection, type DbTestContext } from '../../__tests__/db-test-context';
import { TenantDb } from '../../tenant/tenant-db';
import { outboxInsertFromJson, outboxRowsJson } from '../outbox-rows.sql';

describe('outbox rows through TenantDb.statement()', () => {
  let ctx: DbTestContext;
  let db: TenantDb;
  let tenant: TenantRow;
  let other: TenantRow;

  // The session's counter and the outbox rows in one statement; nothing is written unless the session is the tenant's.
  const WRITE = `WITH s AS (UPDATE chat_sessions SET message_count = message_count + 1 WHERE id = $1::uuid RETURNING id),
    o AS (${outboxInsertFromJson(2, 's')})
    SELECT (SELECT count(*)::int FROM o) AS n, 1 / $3::int AS guard FROM s`;

  beforeAll(async () => {
    ctx = openDbTestContext(process.env, 2);
    db = new TenantDb(ctx.app);
    tenant = await createTenant(ctx.owner);
    other = await createTenant(ctx.owner);
  });
  afterAll(() => ctx.close());

  const outboxOf = async (marker: string) =>
    (
      await ctx.owner.query<{ id: string; subject: string; payload: { n: number }; headers: unknown; sent_at: Date | null }>(
        `SELECT id::text, subject, payload, headers, sent_at FROM outbox WHERE payload->>'marker' = $1 ORDER BY seq`,
        [marker],
      )
    ).rows;

  it('commits the rows with the statement (visible to another connection once it resolves), in array order, each with its own id', async () => {
    const session = await createChatSession(ctx.owner, tenant.id);
    const marker = randomUUID();
    const rows = outboxRowsJson([1, 2, 3, 4, 5].map((n) => ({ subject: `evt.test.${n}`, payload: { marker, n }, headers: { h: `${n}` } })));
    await expect(db.statement(tenant.id, { text: WRITE, values: [session.id, rows, 1] })).resolves.toEqual([{ n: 5, guard: 1 }]);
    const stored = await outboxOf(marker);
    expect(stored.map((r) => r.payload.n)).toEqual([1, 2, 3, 4, 5]);
    expect(stored[0]).toMatchObject({ subject: 'evt.test.1', headers: { h: '1' }, sent_at: null });
    expect(new Set(stored.map((r) => r.id)).size).toBe(5);
    const { rows: counted } = await ctx.owner.query('SELECT message_count FROM chat_sessions WHERE id = $1', [session.id]);
    expect(counted).toEqual([{ message_count: 1 }]);
  });

  it('keeps no outbox row when the statement fails after inserting them', async () => {
    const session = await createChatSession(ctx.owner, tenant.id);
    const marker = randomUUID();
    const rows = outboxRowsJson([{ subject: 'evt.test', payload: { marker, n: 1 } }]);
    await expect(rejection(db.statement(tenant.id, { text: WRITE, values: [session.id, rows, 0] }))).resolves.toMatchObject({
      message: expect.stringMatching(/division by zero/),
    });
    expect(await outboxOf(marker)).toEqual([]);
    const { rows: counted } = await ctx.owner.query('SELECT message_count FROM chat_sessions WHERE id = $1', [session.id]);
    expect(counted).toEqual([{ message_count: 0 }]);
  });

  it("writes nothing keyed on another tenant's session (RLS hides it from the update)", async () => {
    const foreign = await createChatSession(ctx.owner, other.id);
    const marker = randomUUID();
    const rows = outboxRowsJson([{ subject: 'evt.test', payload: { marker, n: 1 } }]);
    await expect(db.statement(tenant.id, { text: WRITE, values: [foreign.id, rows, 1] })).resolves.toEqual([]);
    expect(await outboxOf(marker)).toEqual([]);
    const { rows: counted } = await ctx.owner.query('SELECT message_count FROM chat_sessions WHERE id = $1', [foreign.id]);
    expect(counted).toEqual([{ message_count: 0 }]);
  });
});
