// Exit 0 when argv[2] connects to PostgreSQL (and, with argv[3] = "superuser", as a superuser).
import pg from 'pg';

const [url, need] = process.argv.slice(2);
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  const { rows } = await client.query("select current_setting('is_superuser') = 'on' as su");
  process.exit(need === 'superuser' && !rows[0].su ? 1 : 0);
} catch {
  process.exit(1);
} finally {
  await client.end().catch(() => undefined);
}
