// Fails the build when a tenant-owned table is not isolated, or when the roles or the search
// indexes are not what the architecture requires.
import pg from 'pg';
import { testDbEnv } from './fixtures';

describe('database guarantees (catalog checks)', () => {
  let owner: pg.Client;

  beforeAll(async () => {
    owner = new pg.Client({ connectionString: testDbEnv(process.env).TEST_DATABASE_OWNER_URL });
    await owner.connect();
  });
  afterAll(() => owner.end());

  it('every table with a tenant_id column has ENABLE + FORCE row-level security and a tenant_isolation policy for ALL commands', async () => {
    const { rows } = await owner.query<{
      table: string;
      rls: boolean;
      forced: boolean;
      policies: string[];
      commands: string[];
      qual: string | null;
      check: string | null;
    }>(`
      SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
             coalesce(array_agg(p.policyname) FILTER (WHERE p.policyname IS NOT NULL), '{}') AS policies,
             coalesce(array_agg(p.cmd) FILTER (WHERE p.policyname IS NOT NULL), '{}') AS commands,
             max(p.qual) AS qual, max(p.with_check) AS check
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        LEFT JOIN pg_policies p ON p.schemaname = 'public' AND p.tablename = c.relname
       WHERE c.relkind IN ('r', 'p')
       GROUP BY c.relname, c.relrowsecurity, c.relforcerowsecurity
       ORDER BY c.relname`);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    const problems = rows.flatMap((r) => {
      const issues: string[] = [];
      if (!r.rls) issues.push(`${r.table}: RLS not enabled`);
      if (!r.forced) issues.push(`${r.table}: RLS not forced`);
      if (!r.policies.includes('tenant_isolation')) issues.push(`${r.table}: no tenant_isolation policy`);
      if (!r.commands.includes('ALL')) issues.push(`${r.table}: policy does not cover ALL commands`);
      if (!r.qual?.includes("current_setting('app.tenant_id'")) issues.push(`${r.table}: USING does not compare to app.tenant_id`);
      if (!r.check?.includes("current_setting('app.tenant_id'")) issues.push(`${r.table}: WITH CHECK does not compare to app.tenant_id`);
      return issues;
    });
    expect(problems).toEqual([]);
  });

  it('every tenant-owned table has an index led by tenant_id', async () => {
    const { rows } = await owner.query<{ table: string }>(`
      SELECT c.relname AS table
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
       WHERE c.relkind = 'r'
         AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indkey[0] = a.attnum)`);
    expect(rows.map((r) => r.table)).toEqual([]);
  });

  it('outbox and processed_events have no tenant_id (the relay and consumers read across tenants)', async () => {
    const { rows } = await owner.query(`
      SELECT table_name FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name = 'tenant_id' AND table_name IN ('outbox', 'processed_events')`);
    expect(rows).toEqual([]);
  });

  it('the app role is not superuser and cannot bypass RLS; the analytics role bypasses RLS but is not superuser', async () => {
    const { rows } = await owner.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
      "SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname IN ('parley_app', 'parley_analytics', 'parley_owner') ORDER BY rolname",
    );
    expect(rows).toEqual([
      { rolname: 'parley_analytics', rolsuper: false, rolbypassrls: true },
      { rolname: 'parley_app', rolsuper: false, rolbypassrls: false },
      { rolname: 'parley_owner', rolsuper: false, rolbypassrls: true },
    ]);
  });

  it('the app role may read and write but not truncate; the analytics role may only read; neither touches _prisma_migrations', async () => {
    const { rows } = await owner.query<{ role: string; sel: boolean; ins: boolean; del: boolean; trunc: boolean; mig: boolean }>(`
      SELECT r AS role,
             has_table_privilege(r, 'public.chat_messages', 'SELECT') AS sel,
             has_table_privilege(r, 'public.chat_messages', 'INSERT') AS ins,
             has_table_privilege(r, 'public.chat_messages', 'DELETE') AS del,
             has_table_privilege(r, 'public.chat_messages', 'TRUNCATE') AS trunc,
             has_table_privilege(r, 'public._prisma_migrations', 'SELECT') AS mig
        FROM unnest(ARRAY['parley_app', 'parley_analytics']) AS r ORDER BY r`);
    expect(rows).toEqual([
      { role: 'parley_analytics', sel: true, ins: false, del: false, trunc: false, mig: false },
      { role: 'parley_app', sel: true, ins: true, del: true, trunc: false, mig: false },
    ]);
  });

  it('pgvector is installed, with an HNSW cosine index on embeddings and a GIN index on the generated tsvector', async () => {
    const ext = await owner.query("SELECT extversion FROM pg_extension WHERE extname = 'vector'");
    expect(ext.rowCount).toBe(1);
    const { rows } = await owner.query<{ indexname: string; indexdef: string }>(
      "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'knowledge_chunks' ORDER BY indexname",
    );
    const defs = rows.map((r) => r.indexdef);
    expect(defs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/USING hnsw \(embedding vector_cosine_ops\)/),
        expect.stringMatching(/USING gin \(search\)/),
      ]),
    );
    const generated = await owner.query<{ attgenerated: string; expr: string }>(`
      SELECT a.attgenerated, pg_get_expr(d.adbin, d.adrelid) AS expr
        FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE a.attrelid = 'public.knowledge_chunks'::regclass AND a.attname = 'search'`);
    expect(generated.rows[0]).toEqual({ attgenerated: 's', expr: expect.stringContaining('to_tsvector') });
  });
});
