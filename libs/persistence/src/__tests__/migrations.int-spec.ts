// The migration runner (scripts/migrate.mjs, the same code `npm run db:migrate` runs) against
// the test database and a scratch database of its own.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync, appendFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pgUrlWith, testDbEnv } from './fixtures';

const repoRoot = join(__dirname, '..', '..', '..', '..');
const migrationsDir = join(repoRoot, 'prisma', 'migrations');

function migrate(url: string, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(repoRoot, 'scripts', 'migrate.mjs'), ...args],
      { env: { ...process.env, DATABASE_MIGRATION_URL: url }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const withDatabase = (url: string, database: string): string => pgUrlWith(url, { database });

describe('migrations', () => {
  const env = testDbEnv(process.env);

  it('schema.prisma and the migrations agree (`migrate.mjs diff` proposes nothing)', async () => {
    // The diff applies every migration to a shadow database and compares it with schema.prisma:
    // a model or column added on one side only would be listed here as SQL to run.
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [join(repoRoot, 'scripts', 'migrate.mjs'), 'diff'],
        { env: { ...process.env, PGSUPERUSER_URL: env.TEST_SUPERUSER_URL, DATABASE_MIGRATION_URL: '' }, timeout: 120_000 },
        (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect({ code: result.code, stderr: result.stderr.includes('panic') ? result.stderr : '' }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toContain('schema.prisma and prisma/migrations are in sync: nothing to migrate');
  }, 150_000);

  it('re-running the migrations on a migrated database applies nothing and says so', async () => {
    const result = await migrate(env.TEST_DATABASE_OWNER_URL);
    expect(result).toMatchObject({ code: 0, stdout: 'migrations: up to date, nothing applied\n' });
    const status = await migrate(env.TEST_DATABASE_OWNER_URL, ['status']);
    const count = readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).length;
    expect(status.stdout).toBe(`applied: ${count}; pending: none; edited: none; failed: none\n`);
  });

  it('records every migration in _prisma_migrations with a checksum, like prisma migrate deploy', async () => {
    const owner = new pg.Client({ connectionString: env.TEST_DATABASE_OWNER_URL });
    await owner.connect();
    try {
      const { rows } = await owner.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
      }>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name');
      const names = readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
      expect(rows.map((r) => r.migration_name)).toEqual(names);
      for (const row of rows) {
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.rolled_back_at).toBeNull();
      }
    } finally {
      await owner.end();
    }
  });

  describe('on a scratch database', () => {
    const database = `${env.TEST_DATABASE_NAME}_mig`;
    const superuser = new pg.Client({ connectionString: env.TEST_SUPERUSER_URL });
    const ownerUrl = withDatabase(env.TEST_DATABASE_OWNER_URL, database);
    let connected = false;
    let dir = '';

    beforeAll(async () => {
      await superuser.connect();
      connected = true;
      await superuser.query(`CREATE DATABASE "${database}" OWNER parley_owner`);
      const scratch = new pg.Client({ connectionString: withDatabase(env.TEST_SUPERUSER_URL, database) });
      await scratch.connect();
      await scratch.query('CREATE EXTENSION vector');
      await scratch.end();
      dir = mkdtempSync(join(tmpdir(), 'parley-migrations-'));
      cpSync(migrationsDir, dir, { recursive: true });
    });

    // Cleans up whatever beforeAll got to before it failed, and hides no error of its own
    // behind another: the scratch directory is removed even when the drop fails.
    afterAll(async () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      if (!connected) return;
      try {
        await superuser.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await superuser.end();
      }
    });

    it('applies all migrations to an empty database', async () => {
      const result = await migrate(ownerUrl, ['--migrations', dir]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^migrations: \d+ applied \(/);
    });

    it('a failing migration leaves nothing behind (it runs as one transaction) and blocks later runs', async () => {
      const broken = join(dir, '29991231000000_broken');
      mkdirSync(broken);
      writeFileSync(join(broken, 'migration.sql'), 'CREATE TABLE half_done (id int);\nSELECT 1 / 0;\n');
      const result = await migrate(ownerUrl, ['--migrations', dir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('division by zero');

      const owner = new pg.Client({ connectionString: ownerUrl });
      await owner.connect();
      try {
        const { rows } = await owner.query("SELECT to_regclass('public.half_done') AS t");
        expect(rows).toEqual([{ t: null }]);
      } finally {
        await owner.end();
      }
      const again = await migrate(ownerUrl, ['--migrations', dir]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('failed migration(s) recorded in _prisma_migrations: 29991231000000_broken');
      rmSync(broken, { recursive: true });
      const scratch = new pg.Client({ connectionString: withDatabase(env.TEST_SUPERUSER_URL, database) });
      await scratch.connect();
      await scratch.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`);
      await scratch.end();
    });

    it('refuses to run when an applied migration was edited', async () => {
      const first = readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()[0];
      appendFileSync(join(dir, first, 'migration.sql'), '\n-- edited after it was applied\n');
      const result = await migrate(ownerUrl, ['--migrations', dir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`applied migration(s) were edited after being applied: ${first}`);
    });
  });
});
