// Jest globalSetup of the `integration` project: one fresh, migrated database per run,
// published to the tests through process.env (see test-env.ts for the variables).
import pg from 'pg';
import { loadDbSetup } from './db-scripts';
import { pick, randomId, testDatabaseCreatedAt, testDatabaseName } from './test-env';

/** Leftovers of crashed runs older than this are dropped at the next run. */
const STALE_AFTER_MS = 12 * 60 * 60 * 1000;

export default async function globalSetup(): Promise<void> {
  const env = process.env;
  const dbSetup = await loadDbSetup();
  const defaults = dbSetup.optionsFromEnv(env);
  const superuserUrl = pick(env, 'PARLEY_TEST_SUPERUSER_URL', defaults.superuserUrl);
  const runId = pick(env, 'PARLEY_TEST_RUN_ID', randomId(8));
  const database = testDatabaseName(new Date(), randomId(6));

  await dropStaleTestDatabases(superuserUrl, dbSetup.dropDatabase);
  const urls = await dbSetup.setupDatabase({ ...defaults, superuserUrl, database });

  env.TEST_SUPERUSER_URL = superuserUrl;
  env.TEST_DATABASE_NAME = urls.database;
  env.TEST_DATABASE_URL = urls.appUrl;
  env.TEST_DATABASE_OWNER_URL = urls.ownerUrl;
  env.TEST_DATABASE_ANALYTICS_URL = urls.analyticsUrl;
  env.TEST_NATS_URL = pick(env, 'PARLEY_TEST_NATS_URL', 'nats://127.0.0.1:4222');
  env.TEST_REDIS_URL = pick(env, 'PARLEY_TEST_REDIS_URL', 'redis://127.0.0.1:6379');
  env.TEST_RUN_ID = runId;
}

async function dropStaleTestDatabases(superuserUrl: string, drop: (url: string, db: string) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  let names: string[];
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'parley\\_test\\_%'");
    names = rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
  const cutoff = Date.now() - STALE_AFTER_MS;
  for (const name of names) {
    const createdAt = testDatabaseCreatedAt(name);
    if (createdAt && createdAt.getTime() < cutoff) await drop(superuserUrl, name);
  }
}
