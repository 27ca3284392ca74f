// Row-level security as the services see it: the app role, TenantDb.run(), pooled connections.
import { context, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createChatSession, createTenant, type ChatSessionRow, type TenantRow, testDbEnv } from './fixtures';
import { createPrismaClient, poolOf } from '../client/prisma-client.factory';
import { isInsufficientPrivilege } from '../errors/database-error.util';
import { DatabaseBusyError } from '../errors/database-busy.error';
import { PersistenceError } from '../errors/persistence.error';
import { TenantDb } from '../tenant/tenant-db';
import { Prisma } from '../generated/prisma/client';
import { openDbTestContext, rejection, type DbTestContext } from './db-test-context';

/** The companion pool's connection statement() runs on (poolMax 1), after one statement on it; released again. */
async function statementClient(one: TenantDb, client: ReturnType<typeof createPrismaClient>): Promise<pg.PoolClient> {
  const statements = poolOf(client)?.statements;
  if (!statements) throw new Error('no companion pool');
  await one.statement(randomUUID(), { text: 'SELECT 1 AS n', values: [] });
  // The pool hands back its most recently released connection: the one statement() used.
  const connection = await statements.connect();
  connection.release();
  return connection;
}

describe('tenant isolation (RLS through TenantDb)', () => {
  let ctx: DbTestContext;
  let db: TenantDb;
  let tenantA: TenantRow;
  let tenantB: TenantRow;
  let sessionA: ChatSessionRow;
  let sessionB: ChatSessionRow;

  beforeAll(async () => {
    ctx = openDbTestContext(process.env, 2);
    db = new TenantDb(ctx.app);
    tenantA = await createTenant(ctx.owner);
    tenantB = await createTenant(ctx.owner);
    sessionA = await createChatSession(ctx.owner, tenantA.id);
    sessionB = await createChatSession(ctx.owner, tenantB.id);
  });
  afterAll(() => ctx.close());

  it("with tenant A set, A's rows are visible and B's are not", async () => {
    const seen = await db.run(tenantA.id, (tx) => tx.chatSession.findMany({ where: { id: { in: [sessionA.id, sessionB.id] } } }));
    expect(seen.map((s) => s.id)).toEqual([sessionA.id]);
    await expect(db.run(tenantA.id, (tx) => tx.chatSession.findUnique({ where: { id: sessionB.id } }))).resolves.toBeNull();
  });

  it("with tenant A set, B's rows cannot be updated or deleted (0 rows affected)", async () => {
    const updated = await db.run(tenantA.id, (tx) => tx.chatSession.updateMany({ where: { id: sessionB.id }, data: { needsHuman: true } }));
    const deleted = await db.run(tenantA.id, (tx) => tx.chatSession.deleteMany({ where: { id: sessionB.id } }));
    const raw = await db.run(tenantA.id, (tx) => tx.$executeRaw`UPDATE chat_sessions SET needs_human = true`);
    expect(updated.count).toBe(0);
    expect(deleted.count).toBe(0);
    expect(raw).toBe(1); // only A's own session
    const { rows } = await ctx.owner.query('SELECT needs_human FROM chat_sessions WHERE id = $1', [sessionB.id]);
    expect(rows).toEqual([{ needs_human: false }]);
  });

  it("with tenant A set, inserting a row with B's tenant_id is rejected", async () => {
    const attempt = db.run(tenantA.id, (tx) => tx.chatSession.create({ data: { tenantId: tenantB.id } }));
    expect(isInsufficientPrivilege(await rejection(attempt))).toBe(true);
  });

  it("with tenant A set, moving A's row to tenant B is rejected (WITH CHECK)", async () => {
    const attempt = db.run(tenantA.id, (tx) => tx.chatSession.update({ where: { id: sessionA.id }, data: { tenantId: tenantB.id } }));
    expect(isInsufficientPrivilege(await rejection(attempt))).toBe(true);
  });

  it('with no tenant set, the app role sees zero rows and cannot insert', async () => {
    await expect(ctx.app.chatSession.count()).resolves.toBe(0);
    await expect(ctx.app.tenantContact.findMany()).resolves.toEqual([]);
    expect(isInsufficientPrivilege(await rejection(ctx.app.chatSession.create({ data: { tenantId: tenantA.id } })))).toBe(true);
  });

  it('commits what fn wrote, and rolls everything back when fn throws', async () => {
    const contactId = await db.run(
      tenantA.id,
      async (tx) => (await tx.tenantContact.create({ data: { tenantId: tenantA.id, name: 'Kept' } })).id,
    );
    const failure = db.run(tenantA.id, async (tx) => {
      await tx.tenantContact.create({ data: { tenantId: tenantA.id, name: 'Rolled back' } });
      throw new Error('boom');
    });
    await expect(failure).rejects.toThrow('boom');
    const names = await db.run(tenantA.id, (tx) => tx.tenantContact.findMany({ select: { id: true, name: true } }));
    expect(names).toEqual([{ id: contactId, name: 'Kept' }]);
  });

  it("batch(): the statements run with tenant A set (A's rows only), and the setting does not outlive the batch", async () => {
    const [sessions, raw] = await db.batch(tenantA.id, (c) => [
      c.chatSession.findMany({ where: { id: { in: [sessionA.id, sessionB.id] } }, select: { id: true } }),
      c.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM chat_sessions`,
    ]);
    expect(sessions).toEqual([{ id: sessionA.id }]);
    expect(raw).toEqual([{ id: sessionA.id }]);
    for (let i = 0; i < 3; i++) {
      const [{ t }] = await ctx.app.$queryRaw<{ t: string | null }[]>`SELECT current_setting('app.tenant_id', true) AS t`;
      expect(['', null]).toContain(t);
    }
    await expect(db.batch('not-a-uuid', (c) => [c.chatSession.count()])).rejects.toMatchObject({ code: 'INVALID_TENANT' });
  });

  it('batch(): a failing statement rolls back the whole batch', async () => {
    const failing = db.batch(tenantA.id, (c) => [
      c.tenantContact.create({ data: { tenantId: tenantA.id, name: 'Batch rolled back' } }),
      c.$executeRaw`SELECT 1 / 0`,
    ]);
    await expect(failing).rejects.toThrow();
    const names = await db.run(tenantA.id, (tx) => tx.tenantContact.findMany({ where: { name: 'Batch rolled back' } }));
    expect(names).toEqual([]);
  });

  it("statement(): runs with tenant A set (A's rows only) on the app role, and the setting does not outlive it", async () => {
    const sessions = Prisma.sql`SELECT id::text AS id, current_setting('app.tenant_id', true) AS t FROM chat_sessions WHERE id = ANY(${[sessionA.id, sessionB.id]}::uuid[])`;
    for (const [tenant, expected] of [
      [tenantA, sessionA],
      [tenantB, sessionB],
      [tenantA, sessionA],
    ] as const) {
      // The same text twice and for both tenants: the prepared statement is reused, the tenant is not.
      await expect(db.statement(tenant.id, { text: sessions.text, values: sessions.values })).resolves.toEqual([
        { id: expected.id, t: tenant.id },
      ]);
    }
    await expect(db.statement(randomUUID(), { text: sessions.text, values: sessions.values })).resolves.toEqual([]);
    for (let i = 0; i < 3; i++) {
      const [{ t }] = await ctx.app.$queryRaw<{ t: string | null }[]>`SELECT current_setting('app.tenant_id', true) AS t`;
      expect(['', null]).toContain(t);
    }
    await expect(ctx.app.$queryRaw`SELECT 1 FROM chat_sessions`).resolves.toEqual([]);
    await expect(db.statement('not-a-uuid', { text: 'SELECT 1', values: [] })).rejects.toMatchObject({ code: 'INVALID_TENANT' });
  });

  it('statement(): a failing statement rolls back and leaves the connection usable; WITH CHECK still applies', async () => {
    const single = createPrismaClient({ databaseUrl: testDbEnv(process.env).TEST_DATABASE_URL, poolMax: 1 });
    try {
      const one = new TenantDb(single);
      const write = Prisma.sql`INSERT INTO tenant_contacts (tenant_id, name) VALUES (${tenantA.id}::uuid, 'Statement rolled back') RETURNING 1 / ${0}::int AS x`;
      await expect(one.statement(tenantA.id, { text: write.text, values: write.values })).rejects.toThrow(/division by zero/);
      const foreign = Prisma.sql`INSERT INTO tenant_contacts (tenant_id, name) VALUES (${tenantB.id}::uuid, 'Not mine') RETURNING id`;
      expect(isInsufficientPrivilege(await rejection(one.statement(tenantA.id, { text: foreign.text, values: foreign.values })))).toBe(
        true,
      );
      const names = Prisma.sql`SELECT name FROM tenant_contacts WHERE name IN ('Statement rolled back', 'Not mine')`;
      await expect(one.statement(tenantA.id, { text: names.text, values: names.values })).resolves.toEqual([]);
      const { rows } = await ctx.owner.query(`SELECT name FROM tenant_contacts WHERE name IN ('Statement rolled back', 'Not mine')`);
      expect(rows).toEqual([]);
      // The one pooled connection is not left inside a transaction, nor with a tenant set.
      const [after] = await single.$queryRaw<{ t: string | null; tx: boolean }[]>`
        SELECT current_setting('app.tenant_id', true) AS t, now() = statement_timestamp() AS tx`;
      expect(['', null]).toContain(after.t);
      expect(after.tx).toBe(true);
      // The statement's own (pipelined) connection too: the next call on it reads fine and sees no leftover tenant.
      const setting = Prisma.sql`SELECT current_setting('app.tenant_id', true) AS t, ${'x'}::text AS x`;
      await expect(one.statement(tenantB.id, { text: setting.text, values: setting.values })).resolves.toEqual([{ t: tenantB.id, x: 'x' }]);
    } finally {
      await single.$disconnect();
    }
    // $disconnect() ends every pool of the client.
    expect(poolOf(single)?.ended).toBe(true);
    expect(poolOf(single)?.statements.ended).toBe(true);
    expect(poolOf(single)?.writes.ended).toBe(true);
  });

  it("transaction(): fn's statements see tenant A's rows only, an unknown tenant sees nothing, and the setting ends with the transaction", async () => {
    const single = createPrismaClient({ databaseUrl: testDbEnv(process.env).TEST_DATABASE_URL, poolMax: 1 });
    try {
      const one = new TenantDb(single);
      const read = `SELECT id::text AS id, current_setting('app.tenant_id', true) AS t FROM chat_sessions WHERE id = ANY($1::uuid[])`;
      const both = [[sessionA.id, sessionB.id]];
      await expect(one.transaction(tenantA.id, (tx) => tx.query(read, both))).resolves.toEqual([{ id: sessionA.id, t: tenantA.id }]);
      await expect(one.transaction(tenantB.id, (tx) => tx.query(read, both))).resolves.toEqual([{ id: sessionB.id, t: tenantB.id }]);
      await expect(one.transaction(randomUUID(), (tx) => tx.query(read, both))).resolves.toEqual([]);
      // Several statements of one transaction: a row written is read back by the next statement, with the tenant still set.
      const name = `Tx ${randomUUID()}`;
      const seen = await one.transaction(tenantA.id, async (tx) => {
        await tx.query(`INSERT INTO tenant_contacts (tenant_id, name) VALUES ($1::uuid, $2)`, [tenantA.id, name]);
        return tx.query<{ name: string; t: string }>(
          `SELECT name, current_setting('app.tenant_id', true) AS t, now() <> statement_timestamp() AS tx FROM tenant_contacts WHERE name = $1`,
          [name],
        );
      });
      expect(seen).toEqual([{ name, t: tenantA.id, tx: true }]);
      await expect(
        one.transaction(tenantB.id, (tx) => tx.query(`SELECT name FROM tenant_contacts WHERE name = $1`, [name])),
      ).resolves.toEqual([]);
      // The connection (the writes' companion, poolMax 1 -> 2) is back without a tenant and outside a transaction.
      const writes = poolOf(single)?.writes;
      if (!writes) throw new Error('no companion pool');
      const connection = await writes.connect();
      try {
        const { rows } = await connection.query(
          `SELECT current_setting('app.tenant_id', true) AS t, now() = statement_timestamp() AS idle`,
        );
        expect(['', null]).toContain(rows[0].t);
        expect(rows[0].idle).toBe(true);
        await expect(connection.query('SELECT count(*)::int AS n FROM chat_sessions')).resolves.toMatchObject({ rows: [{ n: 0 }] });
      } finally {
        connection.release();
      }
      await expect(one.transaction('not-a-uuid', (tx) => tx.query('SELECT 1'))).rejects.toMatchObject({ code: 'INVALID_TENANT' });
    } finally {
      await single.$disconnect();
    }
  });

  it("transaction(): fn's error or a failing statement rolls back everything it wrote; RLS's WITH CHECK applies; the connection serves the next one", async () => {
    const single = createPrismaClient({ databaseUrl: testDbEnv(process.env).TEST_DATABASE_URL, poolMax: 1 });
    try {
      const one = new TenantDb(single);
      const name = `Tx rolled back ${randomUUID()}`;
      const insert = `INSERT INTO tenant_contacts (tenant_id, name) VALUES ($1::uuid, $2) RETURNING id`;
      const thrown = new Error('fn failed');
      await expect(
        one.transaction(tenantA.id, async (tx) => {
          await tx.query(insert, [tenantA.id, name]);
          throw thrown;
        }),
      ).rejects.toBe(thrown);
      await expect(
        one.transaction(tenantA.id, async (tx) => {
          await tx.query(insert, [tenantA.id, name]);
          return tx.query('SELECT 1 / $1::int AS x', [0]);
        }),
      ).rejects.toThrow(/division by zero/);
      // A row of another tenant cannot be written (and the first insert of the transaction goes with it).
      const foreign = await rejection(
        one.transaction(tenantA.id, async (tx) => {
          await tx.query(insert, [tenantA.id, name]);
          return tx.query(insert, [tenantB.id, name]);
        }),
      );
      expect(isInsufficientPrivilege(foreign)).toBe(true);
      const { rows } = await ctx.owner.query('SELECT name FROM tenant_contacts WHERE name = $1', [name]);
      expect(rows).toEqual([]);
      await expect(
        one.transaction(tenantB.id, (tx) => tx.query(`SELECT current_setting('app.tenant_id', true) AS t, $1::text AS x`, ['x'])),
      ).resolves.toEqual([{ t: tenantB.id, x: 'x' }]);
    } finally {
      await single.$disconnect();
    }
  });

  it('statement(): the four messages go out in one socket write, and the socket is never left corked (after a success or a failure)', async () => {
    const single = createPrismaClient({ databaseUrl: testDbEnv(process.env).TEST_DATABASE_URL, poolMax: 1 });
    try {
      const one = new TenantDb(single);
      const client = await statementClient(one, single);
      const socket = (client as unknown as { connection: { stream: import('node:net').Socket } }).connection.stream;
      const writes: number[] = [];
      const write = socket.write.bind(socket);
      const spy = jest.spyOn(socket, 'write').mockImplementation(((...args: Parameters<typeof write>) => {
        writes.push(socket.writableCorked);
        return write(...args);
      }) as typeof socket.write);
      try {
        await expect(one.statement(tenantA.id, { text: 'SELECT $1::int AS n', values: [2] })).resolves.toEqual([{ n: 2 }]);
        // Every message was queued while corked; uncorking sends them together.
        expect(writes.length).toBeGreaterThan(0);
        expect(writes.every((corked) => corked > 0)).toBe(true);
        expect(socket.writableCorked).toBe(0);
        await expect(one.statement(tenantA.id, { text: 'SELECT 1 / $1::int AS n', values: [0] })).rejects.toThrow(/division by zero/);
        expect(socket.writableCorked).toBe(0);
      } finally {
        spy.mockRestore();
      }
      await expect(one.statement(tenantA.id, { text: 'SELECT $1::int AS n', values: [3] })).resolves.toEqual([{ n: 3 }]);
    } finally {
      await single.$disconnect();
    }
  });

  it("statement(): BEGIN and set_config go out without the caller's span (no pg span of their own), the statement and COMMIT with it", async () => {
    // What OpenTelemetry's pg instrumentation reads (requireParentSpan): the active span when query() is called.
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    const single = createPrismaClient({ databaseUrl: testDbEnv(process.env).TEST_DATABASE_URL, poolMax: 1 });
    try {
      const one = new TenantDb(single);
      const client = await statementClient(one, single);
      // pg's own pipeline mode (pg 8.23 and later): the four queries never queue behind a running one on
      // an ordinary client, which pg deprecates ('already executing') and pg 9 removes.
      expect((client as unknown as { pipeline: boolean }).pipeline).toBe(true);
      const seen: Array<[string, boolean]> = [];
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      const spy = jest.spyOn(client, 'query').mockImplementation(((config: string | { text: string }, ...rest: unknown[]) => {
        seen.push([typeof config === 'string' ? config : config.text, trace.getSpan(context.active()) !== undefined]);
        return query(config, ...rest);
      }) as unknown as typeof client.query);
      try {
        const parent = trace.wrapSpanContext({ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: TraceFlags.SAMPLED });
        await expect(
          context.with(trace.setSpan(context.active(), parent), () =>
            one.statement(tenantA.id, { text: 'SELECT $1::int AS n', values: [4] }),
          ),
        ).resolves.toEqual([{ n: 4 }]);
      } finally {
        spy.mockRestore();
      }
      expect(seen).toEqual([
        ['BEGIN', false],
        ["SELECT set_config('app.tenant_id', $1, true)", false],
        ['SELECT $1::int AS n', true],
        ['COMMIT', true],
      ]);
    } finally {
      await single.$disconnect();
      context.disable();
    }
  });

  it("run(): Prisma's BEGIN, set_config and COMMIT go out without the caller's span, fn and its statements run with it", async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    const seen: Array<[string, boolean]> = [];
    const query = pg.Client.prototype.query;
    const spy = jest.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const config = args[0] as string | { text: string };
      seen.push([
        (typeof config === 'string' ? config : config.text).trim().split(/\s+/)[0] ?? '',
        trace.getSpan(context.active()) !== undefined,
      ]);
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as unknown as typeof query);
    try {
      const parent = trace.wrapSpanContext({ traceId: 'c'.repeat(32), spanId: 'd'.repeat(16), traceFlags: TraceFlags.SAMPLED });
      const inside = await context.with(trace.setSpan(context.active(), parent), () =>
        db.run(tenantA.id, async (tx) => {
          await tx.$queryRaw`SELECT 1 AS n`;
          return trace.getSpan(context.active())?.spanContext().spanId;
        }),
      );
      expect(inside).toBe('d'.repeat(16));
    } finally {
      spy.mockRestore();
      context.disable();
    }
    expect(seen.map(([text]) => text.toUpperCase())).toEqual(['BEGIN', 'SELECT', 'SELECT', 'COMMIT']);
    // set_config (the first SELECT) is Prisma's step, the second the caller's.
    expect(seen.map(([, traced]) => traced)).toEqual([false, false, true, false]);
  });

  it('statement(): writes run on their own companion pool, so reads never wait behind writes blocked on a row lock', async () => {
    const single = createPrismaClient({ databaseUrl: testDbEnv(process.env).TEST_DATABASE_URL, poolMax: 1 });
    const locker = await ctx.owner.connect();
    try {
      const one = new TenantDb(single);
      await locker.query('BEGIN');
      await locker.query('SELECT id FROM chat_sessions WHERE id = $1 FOR UPDATE', [sessionA.id]);
      // Both write connections (poolMax 1: two per companion) wait on the lock.
      const bump = {
        text: 'UPDATE chat_sessions SET message_count = message_count + 1 WHERE id = $1::uuid RETURNING message_count',
        values: [sessionA.id],
      };
      const writes = [one.statement(tenantA.id, bump, { write: true }), one.statement(tenantA.id, bump, { write: true })];
      const read = { text: 'SELECT id::text AS id FROM chat_sessions WHERE id = $1::uuid', values: [sessionA.id] };
      await expect(one.statement(tenantA.id, read)).resolves.toEqual([{ id: sessionA.id }]);
      await expect(one.statement(tenantA.id, read)).resolves.toEqual([{ id: sessionA.id }]);
      expect(poolOf(single)?.writes.waitingCount).toBe(0);
      await locker.query('COMMIT');
      // Both applied, one after the other (which of the two got the lock first is up to PostgreSQL).
      const counts = (await Promise.all(writes)).map(([r]) => (r as { message_count: number }).message_count).sort((a, b) => a - b);
      expect(counts[1] - counts[0]).toBe(1);
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      locker.release();
      await single.$disconnect();
    }
  });

  it('statement(): a statement stuck on a lock is cancelled by the server after statementTimeoutMs, rolled back, and the connection serves the next one', async () => {
    const single = createPrismaClient({ databaseUrl: testDbEnv(process.env).TEST_DATABASE_URL, poolMax: 1, statementTimeoutMs: 300 });
    const locker = await ctx.owner.connect();
    try {
      const one = new TenantDb(single);
      const before = await one.statement(tenantA.id, {
        text: 'SELECT message_count FROM chat_sessions WHERE id = $1::uuid',
        values: [sessionA.id],
      });
      await locker.query('BEGIN');
      await locker.query('SELECT id FROM chat_sessions WHERE id = $1 FOR UPDATE', [sessionA.id]);
      const bump = {
        text: 'UPDATE chat_sessions SET message_count = message_count + 1 WHERE id = $1::uuid RETURNING message_count',
        values: [sessionA.id],
      };
      const cancelled = await one.statement(tenantA.id, bump, { write: true }).catch((error: unknown) => error);
      expect(cancelled).toBeInstanceOf(DatabaseBusyError);
      expect((cancelled as DatabaseBusyError).code).toBe('UNAVAILABLE');
      expect(((cancelled as Error).cause as Error).message).toMatch(/statement timeout/);
      await locker.query('COMMIT');
      // Nothing of the cancelled statement stayed, and the same small pool answers again.
      await expect(
        one.statement(tenantA.id, { text: 'SELECT message_count FROM chat_sessions WHERE id = $1::uuid', values: [sessionA.id] }),
      ).resolves.toEqual(before);
      expect(poolOf(single)?.writes.totalCount).toBeLessThanOrEqual(2);
      await expect(one.statement(tenantA.id, bump, { write: true })).resolves.toHaveLength(1);
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      locker.release();
      await single.$disconnect();
    }
  });

  it("run(), batch() and statement() answer DatabaseBusyError (UNAVAILABLE) when no connection frees up within the pool's wait, and serve again once one does", async () => {
    const single = createPrismaClient({ databaseUrl: testDbEnv(process.env).TEST_DATABASE_URL, poolMax: 1, connectionTimeoutMs: 300 });
    try {
      const one = new TenantDb(single);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      // The only Prisma connection is held by a transaction until released.
      const holder = one.run(tenantA.id, () => held, { timeoutMs: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = Date.now();
      const busy = await one.run(tenantA.id, (tx) => tx.chatSession.count()).catch((error: unknown) => error);
      expect(busy).toBeInstanceOf(DatabaseBusyError);
      expect((busy as DatabaseBusyError).code).toBe('UNAVAILABLE');
      // It waited as long as the pool's connection timeout, not Prisma's 2 s default.
      expect(Date.now() - started).toBeLessThan(2000);
      await expect(one.batch(tenantA.id, (db) => [db.chatSession.count()] as const)).rejects.toBeInstanceOf(DatabaseBusyError);
      release();
      await holder;
      await expect(one.run(tenantA.id, (tx) => tx.chatSession.count())).resolves.toBeGreaterThanOrEqual(1);
      // statement(): both companion connections held by writes stuck on a row lock, a third write times out waiting.
      const locker = await ctx.owner.connect();
      try {
        await locker.query('BEGIN');
        await locker.query('SELECT id FROM chat_sessions WHERE id = $1 FOR UPDATE', [sessionA.id]);
        const bump = {
          text: 'UPDATE chat_sessions SET message_count = message_count WHERE id = $1::uuid RETURNING id',
          values: [sessionA.id],
        };
        const stuck = [one.statement(tenantA.id, bump, { write: true }), one.statement(tenantA.id, bump, { write: true })];
        await expect(one.statement(tenantA.id, bump, { write: true })).rejects.toBeInstanceOf(DatabaseBusyError);
        await locker.query('COMMIT');
        await expect(Promise.all(stuck)).resolves.toHaveLength(2);
      } finally {
        await locker.query('ROLLBACK').catch(() => undefined);
        locker.release();
      }
    } finally {
      await single.$disconnect();
    }
  });

  it('rejects a tenant id that is not a UUID before touching the database', async () => {
    for (const bad of ['', 'not-a-uuid', "' OR 1=1 --", `${tenantA.id}x`]) {
      await expect(db.run(bad, async () => 'never')).rejects.toMatchObject({ name: 'PersistenceError', code: 'INVALID_TENANT' });
    }
    await expect(db.run('nope', async () => 'never')).rejects.toBeInstanceOf(PersistenceError);
  });

  it('a tenant that does not exist sees nothing', async () => {
    await expect(db.run(randomUUID(), (tx) => tx.chatSession.count())).resolves.toBe(0);
  });

  it('concurrent transactions for different tenants on one small pool never see each other’s setting', async () => {
    const runs = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? tenantA : tenantB));
    const results = await Promise.all(
      runs.map((tenant, i) =>
        db.run(
          tenant.id,
          async (tx) => {
            const [before] = await tx.$queryRaw<{ t: string }[]>`SELECT current_setting('app.tenant_id', true) AS t`;
            await tx.$executeRaw`SELECT pg_sleep(${(i % 5) / 1000})`;
            const sessions = await tx.chatSession.findMany({ select: { tenantId: true } });
            const [after] = await tx.$queryRaw<{ t: string }[]>`SELECT current_setting('app.tenant_id', true) AS t`;
            return { expected: tenant.id, before: before.t, after: after.t, tenants: [...new Set(sessions.map((s) => s.tenantId))] };
          },
          { maxWaitMs: 10_000, timeoutMs: 10_000 },
        ),
      ),
    );
    for (const r of results) {
      expect(r.before).toBe(r.expected);
      expect(r.after).toBe(r.expected);
      expect(r.tenants).toEqual([r.expected]);
    }
  });

  it('after a tenant transaction, a later plain query on the same pooled connection sees nothing (and does not fail on the empty setting)', async () => {
    const single = createPrismaClient({ databaseUrl: testDbEnv(process.env).TEST_DATABASE_URL, poolMax: 1 });
    try {
      const pidInTx = await new TenantDb(single).run(tenantA.id, async (tx) => {
        expect(await tx.chatSession.count()).toBe(1);
        const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        return row.pid;
      });
      const [after] = await single.$queryRaw<{ pid: number; setting: string | null }[]>`
        SELECT pg_backend_pid() AS pid, current_setting('app.tenant_id', true) AS setting`;
      expect(after.pid).toBe(pidInTx);
      expect(after.setting).toBe(''); // what PostgreSQL leaves behind: the policy maps it to NULL
      await expect(single.chatSession.count()).resolves.toBe(0);
      await expect(single.chatSession.findMany({ where: { tenantId: tenantA.id } })).resolves.toEqual([]);
    } finally {
      await single.$disconnect();
    }
  });
});
