// Jest globalTeardown of the `integration` project: terminates the run's connections and drops
// its database, unless PARLEY_KEEP_TEST_DB=1 (then it says where the database is).
import { loadDbSetup } from './db-scripts';
import { deleteNamespacedStreams } from './nats-cleanup';

export default async function globalTeardown(): Promise<void> {
  const natsUrl = process.env.TEST_NATS_URL;
  const runId = process.env.TEST_RUN_ID;
  if (natsUrl && runId) await deleteNamespacedStreams(natsUrl, runId);
  const database = process.env.TEST_DATABASE_NAME;
  const superuserUrl = process.env.TEST_SUPERUSER_URL;
  if (!database || !superuserUrl) return;
  if (process.env.PARLEY_KEEP_TEST_DB === '1') {
    process.stdout.write(`\nkept test database ${database} (PARLEY_KEEP_TEST_DB=1)\n`);
    return;
  }
  const dbSetup = await loadDbSetup();
  await dbSetup.dropDatabase(superuserUrl, database);
}
