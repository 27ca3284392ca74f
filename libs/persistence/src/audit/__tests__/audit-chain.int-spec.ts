// The audit trail's hash chains as the services write them (app role, TenantDb, audit_append())
// and as the verifier walks them (analytics role): intact after many and concurrent writes,
// append-only for every role, and tampering by a superuser detected with the row named.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createTenant, pgUrlWith, testDbEnv, type TenantRow } from '../../__tests__/fixtures';
import { openDbTestContext, rejection, type DbTestContext } from '../../__tests__/db-test-context';
import { createPrismaClient } from '../../client/prisma-client.factory';
import type { PrismaClient } from '../../generated/prisma/client';
import { TenantDb } from '../../tenant/tenant-db';
import { AUDIT_GENESIS_HASH, AUDIT_PLATFORM_CHAIN_ID } from '../audit-chain.util';
import { verifyAuditChains } from '../audit-chain.verifier';
import { writeAudit, type AuditEntry } from '../audit-log.repository';

const entry = (tenantId: string | null, action: string, data: AuditEntry['data'] = {}): AuditEntry => ({
  tenantId,
  actor: { type: 'tenant_user', id: randomUUID() },
  action,
  targetType: 'test',
  targetId: randomUUID(),
  data,
});

describe('audit chains', () => {
  let ctx: DbTestContext;
  let db: TenantDb;
  let analytics: PrismaClient;
  let superuser: pg.Client;
  let tenantA: TenantRow;
  let tenantB: TenantRow;

  beforeAll(async () => {
    const env = testDbEnv(process.env);
    ctx = openDbTestContext(process.env, 8);
    db = new TenantDb(ctx.app);
    analytics = createPrismaClient({ databaseUrl: env.TEST_DATABASE_ANALYTICS_URL, poolMax: 2, applicationName: 'audit-int-test' });
    superuser = new pg.Client({ connectionString: pgUrlWith(env.TEST_SUPERUSER_URL, { database: env.TEST_DATABASE_NAME }) });
    await superuser.connect();
    tenantA = await createTenant(ctx.owner);
    tenantB = await createTenant(ctx.owner);
  });
  afterAll(async () => {
    await superuser.end();
    await analytics.$disconnect();
    await ctx.close();
  });

  const rowsOf = async (chainId: string) =>
    (
      await ctx.owner.query<{ id: string; seq: string; prev_hash: string; hash: string; action: string }>(
        'SELECT a.id, a.seq::text, a.prev_hash, a.hash, a.action FROM audit_log a WHERE a.chain_id = $1 ORDER BY a.seq',
        [chainId],
      )
    ).rows;
  const verify = (chainId: string) => verifyAuditChains(analytics, { chainIds: [chainId] });

  it('links each row to the one before (seq 1.., prev_hash = previous hash) and the verifier agrees', async () => {
    for (const action of ['test.one', 'test.two', 'test.three']) {
      await db.run(tenantA.id, (tx) => writeAudit(tx, entry(tenantA.id, action, { n: 1, nested: { b: 'x', a: ['é', 2] } })));
    }
    const rows = await rowsOf(tenantA.id);
    expect(rows.map((r) => [r.seq, r.action])).toEqual([
      ['1', 'test.one'],
      ['2', 'test.two'],
      ['3', 'test.three'],
    ]);
    expect(rows[0].prev_hash).toBe(AUDIT_GENESIS_HASH);
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(rows[2].prev_hash).toBe(rows[1].hash);
    await expect(verify(tenantA.id)).resolves.toEqual({ ok: true, chains: 1, rows: 3, breaks: [] });
  });

  it('parallel writers on one tenant keep one unbroken chain (each append waits for the chain head)', async () => {
    const before = (await rowsOf(tenantA.id)).length;
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        db.run(tenantA.id, async (tx) => {
          await writeAudit(tx, entry(tenantA.id, 'test.parallel', { i }));
          // Hold the chain head a little, so the others queue on it.
          await tx.$executeRaw`SELECT pg_sleep(0.01)`;
        }),
      ),
    );
    const rows = await rowsOf(tenantA.id);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: before + 24 }, (_, i) => i + 1));
    await expect(verify(tenantA.id)).resolves.toMatchObject({ ok: true, rows: before + 24 });
  });

  it('a rolled-back change leaves no audit row and no gap', async () => {
    const before = (await rowsOf(tenantA.id)).length;
    await rejection(
      db.run(tenantA.id, async (tx) => {
        await writeAudit(tx, entry(tenantA.id, 'test.rolled_back'));
        throw new Error('the change failed');
      }),
    );
    await db.run(tenantA.id, (tx) => writeAudit(tx, entry(tenantA.id, 'test.after_rollback')));
    const rows = await rowsOf(tenantA.id);
    expect(rows.map((r) => r.action)).not.toContain('test.rolled_back');
    expect(rows.length).toBe(before + 1);
    await expect(verify(tenantA.id)).resolves.toMatchObject({ ok: true });
  });

  it("a tenant row is refused for another tenant's transaction, and tenant B never reads A's rows", async () => {
    const error = await rejection(db.run(tenantB.id, (tx) => writeAudit(tx, entry(tenantA.id, 'test.cross'))));
    expect(String(error)).toContain("is not this transaction's tenant");
    await db.run(tenantB.id, (tx) => writeAudit(tx, entry(tenantB.id, 'test.b')));
    const seenByB = await db.run(tenantB.id, (tx) => tx.auditLog.findMany({ select: { tenantId: true } }));
    expect(seenByB.length).toBeGreaterThan(0);
    expect(new Set(seenByB.map((r) => r.tenantId))).toEqual(new Set([tenantB.id]));
    expect(await ctx.app.auditLog.count()).toBe(0); // no tenant set: nothing
  });

  it('platform rows (no tenant) go to the platform chain, invisible to every tenant', async () => {
    await ctx.app.$transaction((tx) => writeAudit(tx, entry(null, 'test.platform')));
    const platform = await rowsOf(AUDIT_PLATFORM_CHAIN_ID);
    expect(platform.map((r) => r.action)).toContain('test.platform');
    const seenByA = await db.run(tenantA.id, (tx) => tx.auditLog.count({ where: { action: 'test.platform' } }));
    expect(seenByA).toBe(0);
    await expect(verify(AUDIT_PLATFORM_CHAIN_ID)).resolves.toMatchObject({ ok: true });
  });

  it('is append-only: the app role may not insert, update or delete; nobody may update, delete or truncate', async () => {
    const [row] = await rowsOf(tenantA.id);
    const asApp = (sql: string) => rejection(db.run(tenantA.id, (tx) => tx.$executeRawUnsafe(sql)));
    expect(String(await asApp(`UPDATE audit_log SET action = 'x' WHERE id = '${row.id}'`))).toMatch(/permission denied/);
    expect(String(await asApp(`DELETE FROM audit_log WHERE id = '${row.id}'`))).toMatch(/permission denied/);
    expect(
      String(
        await asApp(
          `INSERT INTO audit_log (tenant_id, chain_id, seq, prev_hash, hash, actor_type, action) VALUES ('${tenantA.id}', '${tenantA.id}', 999, '', '', 'system', 'forged')`,
        ),
      ),
    ).toMatch(/permission denied/);
    expect(String(await asApp('UPDATE audit_chain_heads SET seq = 0'))).toMatch(/permission denied/);
    // The owner role (migrations, BYPASSRLS) and the superuser hit the trigger.
    await expect(ctx.owner.query(`UPDATE audit_log SET action = 'x' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(ctx.owner.query(`DELETE FROM audit_log WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(superuser.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await expect(verify(tenantA.id)).resolves.toMatchObject({ ok: true });
  });

  describe('tampering by a superuser (triggers switched off) is detected with the row named', () => {
    let tenant: TenantRow;
    let ids: string[];
    const tamper = async (sql: string, params: unknown[]) => {
      await superuser.query('BEGIN');
      await superuser.query("SET LOCAL session_replication_role = 'replica'");
      await superuser.query(sql, params);
      await superuser.query('COMMIT');
    };

    beforeEach(async () => {
      tenant = await createTenant(ctx.owner);
      for (let i = 0; i < 5; i++) await db.run(tenant.id, (tx) => writeAudit(tx, entry(tenant.id, `test.row${i + 1}`, { amount: i })));
      ids = (await rowsOf(tenant.id)).map((r) => r.id);
      await expect(verify(tenant.id)).resolves.toMatchObject({ ok: true, rows: 5 });
    });

    it("a changed row's metadata breaks its hash", async () => {
      await tamper(`UPDATE audit_log SET data = '{"amount": 100}' WHERE id = $1`, [ids[2]]);
      const report = await verify(tenant.id);
      expect(report.ok).toBe(false);
      expect(report.breaks).toEqual([expect.objectContaining({ chainId: tenant.id, rowId: ids[2], seq: '3', reason: 'hash_mismatch' })]);
    });

    it('a row rewritten with a fresh hash breaks the next link', async () => {
      await tamper(`UPDATE audit_log SET actor_id = 'someone-else', hash = repeat('a', 64) WHERE id = $1`, [ids[1]]);
      const report = await verify(tenant.id);
      expect(report.breaks[0]).toMatchObject({ rowId: ids[1], reason: 'hash_mismatch' });
    });

    it('a deleted row leaves a gap, named by the row after it', async () => {
      await tamper('DELETE FROM audit_log WHERE id = $1', [ids[1]]);
      const report = await verify(tenant.id);
      expect(report.breaks).toEqual([expect.objectContaining({ rowId: ids[2], seq: '3', reason: 'seq_gap' })]);
      expect(report.breaks[0].detail).toContain('2..2');
    });

    it('a deleted last row no longer matches the chain head', async () => {
      await tamper('DELETE FROM audit_log WHERE id = $1', [ids[4]]);
      const report = await verify(tenant.id);
      expect(report.breaks).toEqual([expect.objectContaining({ rowId: ids[3], seq: '4', reason: 'head_mismatch' })]);
    });

    it('the whole-database walk reports the broken chain and only that one', async () => {
      await tamper(`UPDATE audit_log SET action = 'test.renamed' WHERE id = $1`, [ids[0]]);
      const report = await verifyAuditChains(analytics);
      expect(report.chains).toBeGreaterThanOrEqual(3);
      expect(report.breaks.filter((b) => b.chainId === tenant.id)).toEqual([
        expect.objectContaining({ rowId: ids[0], reason: 'hash_mismatch' }),
      ]);
      expect(report.breaks.filter((b) => [tenantA.id, tenantB.id, AUDIT_PLATFORM_CHAIN_ID].includes(b.chainId))).toEqual([]);
    });
  });
});
