#!/usr/bin/env node
// The retention job at platform scale (issue 17 point 5): a throw-away database filled with
// T tenants x M messages per day x D days (default 1,000 x 100 x 60: 10 sessions of 10 messages
// a day per tenant, every other message an answer by openai/gpt-4o-mini with tokens) plus one
// tool execution per tenant per day over 2D days, all tenants at the default retention of 30
// days. Then, as the app role under RLS, the real RetentionScheduler (apps/client-insights
// dist) runs once (the first run: seal and delete 30 days, refresh every open day, prune tool
// executions), then the steady hourly run, a run after a restart (every open day refreshed) and
// a steady run after VACUUM. Prints each run's time and the table sizes
// (pg_total_relation_size, live and dead rows) before, after the first run, and after VACUUM. The
// database is created here and dropped at the end; nothing else is touched.
//
//   npm run bench:retention            (builds the projects it loads, then runs)
//   node bench/retention/bench.mjs [--tenants 1000] [--per-day 100] [--days 60] [--batch 5000] [--keep]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setupDatabase, dropDatabase, optionsFromEnv } from '../../scripts/db-setup.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const pg = require('pg');
const P = require(join(ROOT, 'libs', 'persistence', 'dist', 'index.js'));
const dist = (path) => require(join(ROOT, 'apps', 'client-insights', 'dist', path));
const { RetentionRepository } = dist('retention/retention.repository.js');
const { RetentionLockRepository } = dist('retention/retention-lock.repository.js');
const { RetentionService } = dist('retention/retention.service.js');
const { RetentionScheduler } = dist('retention/retention.scheduler.js');
const { DEFAULT_MODEL_PRICES } = dist('shared/model-prices.util.js');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TENANTS = arg('tenants', 1000);
const PER_DAY = arg('per-day', 100);
const DAYS = arg('days', 60);
const BATCH = arg('batch', 5000);
const SESSION_MESSAGES = 10;
const SESSIONS_PER_DAY = Math.max(1, Math.round(PER_DAY / SESSION_MESSAGES));
const TABLES = ['chat_messages', 'chat_sessions', 'usage_daily', 'tool_executions'];

const superuserUrl = process.env.PGSUPERUSER_URL || readFileSync(join(ROOT, '.parley', 'pgsuperuser-url'), 'utf8').trim();
const database = `parley_retbench_${randomUUID().slice(0, 8)}`;
const log = (...a) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...a);
const mb = (bytes) => `${(Number(bytes) / 1048576).toFixed(1)} MB`;

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
log(`commit ${commit}, ${cpus().length} CPU (${cpus()[0].model}), database ${database}`);
log(`dataset: ${TENANTS} tenants x ${SESSIONS_PER_DAY * SESSION_MESSAGES} messages/day x ${DAYS} days, retention 30 days, batch ${BATCH}`);

const urls = await setupDatabase({ ...optionsFromEnv(process.env), superuserUrl, database });
const owner = new pg.Pool({ connectionString: urls.ownerUrl, max: 2 });
const q = (sql, params) => owner.query(sql, params).then((r) => r.rows);
let prisma;
try {
  const fillStart = Date.now();
  await q(
    `INSERT INTO tenants (slug, display_name, retention_days)
     SELECT 'bench-' || i, 'Bench ' || i, 30 FROM generate_series(1, $1) i`,
    [TENANTS],
  );
  // Day d = 0 is today; sessions at 08:00 UTC + k * 40 min, so every one falls inside its UTC day.
  const tenants = (await q(`SELECT id FROM tenants ORDER BY slug`)).map((r) => r.id);
  const CHUNK = 50;
  for (let i = 0; i < tenants.length; i += CHUNK) {
    const ids = tenants.slice(i, i + CHUNK);
    await q(
      `INSERT INTO chat_sessions (tenant_id, started_at, last_activity_at, status, message_count)
       SELECT t, date_trunc('day', now()) - d * interval '1 day' + interval '8 hours' + k * interval '40 minutes',
              date_trunc('day', now()) - d * interval '1 day' + interval '8 hours 10 minutes' + k * interval '40 minutes',
              'closed', $4
         FROM unnest($1::uuid[]) t, generate_series(0, $2 - 1) d, generate_series(0, $3 - 1) k`,
      [ids, DAYS, SESSIONS_PER_DAY, SESSION_MESSAGES],
    );
    await q(
      `INSERT INTO chat_messages (tenant_id, session_id, role, content, tokens_in, tokens_out, provider, model, created_at)
       SELECT s.tenant_id, s.id,
              (CASE WHEN m % 2 = 0 THEN 'user' ELSE 'assistant' END)::message_role,
              CASE WHEN m % 2 = 0 THEN 'Hello, can you come round on Tuesday to look at a leaking radiator valve in the hall? ' || m
                   ELSE 'Yes: we have a slot on Tuesday between 10:00 and 12:00. The call-out fee is 65 pounds. Shall I book it? ' || m END,
              CASE WHEN m % 2 = 0 THEN 0 ELSE 420 END, CASE WHEN m % 2 = 0 THEN 0 ELSE 60 END,
              CASE WHEN m % 2 = 0 THEN NULL ELSE 'openai' END, CASE WHEN m % 2 = 0 THEN NULL ELSE 'gpt-4o-mini' END,
              s.started_at + m * interval '1 minute'
         FROM chat_sessions s, generate_series(0, $2 - 1) m
        WHERE s.tenant_id = ANY($1::uuid[])`,
      [ids, SESSION_MESSAGES],
    );
    await q(
      `INSERT INTO tool_executions (tenant_id, tool_key, status, input, created_at)
       SELECT t, 'book_appointment', 'succeeded', '{"day":"tuesday"}', date_trunc('day', now()) - d * interval '1 day' + interval '9 hours'
         FROM unnest($1::uuid[]) t, generate_series(0, $2 - 1) d`,
      [ids, 2 * DAYS],
    );
    if ((i / CHUNK) % 5 === 4) log(`  filled ${i + ids.length} tenants`);
  }
  await q('VACUUM ANALYZE');
  log(`filled in ${((Date.now() - fillStart) / 1000).toFixed(0)} s`);
  const before = await sizes();
  print('before', before);

  prisma = P.createPrismaClient({ databaseUrl: urls.appUrl, poolMax: 4, applicationName: 'retention-bench' });
  const logger = { debug() {}, info() {}, warn: (...a) => console.warn(...a), error: (...a) => console.error(...a) };
  logger.child = () => logger;
  const options = {
    modelPrices: DEFAULT_MODEL_PRICES,
    retention: { intervalMs: 3_600_000, batchSize: BATCH, toolExecutionDays: 90, maxRunMs: 6 * 3_600_000 },
  };
  // The simulated tenants keep derived data (the default policy): the job never erases a contact.
  const noErasure = {
    erase: async () => {
      throw new Error('the bench tenants keep their contacts: nothing should be erased');
    },
  };
  const scheduler = () =>
    new RetentionScheduler(
      new RetentionLockRepository(prisma),
      new RetentionService(new P.TenantDb(prisma), new RetentionRepository(prisma), noErasure, options),
      logger,
      options,
    );
  const job = scheduler();
  const first = await job.runOnce();
  log(`first run: ${(first.durationMs / 1000).toFixed(1)} s`, summaryLine(first));
  const afterRun = await sizes();
  print('after the first run', afterRun);
  const second = await job.runOnce();
  log(`second run (steady state, same process): ${(second.durationMs / 1000).toFixed(1)} s`, summaryLine(second));
  const restart = await scheduler().runOnce();
  log(`third run (after a restart: refreshes every open day): ${(restart.durationMs / 1000).toFixed(1)} s`, summaryLine(restart));
  await q('VACUUM ANALYZE');
  print('after VACUUM', await sizes());
  const vacuumed = await job.runOnce();
  log(`fourth run (steady state after VACUUM): ${(vacuumed.durationMs / 1000).toFixed(1)} s`, summaryLine(vacuumed));

  const [usage] = await q(
    `SELECT count(*)::int AS rows, count(*) FILTER (WHERE sealed_at IS NOT NULL)::int AS sealed, sum(messages)::bigint AS messages,
            sum(sessions)::bigint AS sessions, sum(tokens_in)::bigint AS tokens_in, sum(cost_usd)::numeric(18,6) AS cost
       FROM usage_daily`,
  );
  const expected = TENANTS * DAYS * SESSIONS_PER_DAY * SESSION_MESSAGES;
  log(
    `usage_daily: ${usage.rows} rows (${usage.sealed} sealed), ${usage.messages} messages (dataset ${expected}), ${usage.sessions} sessions, ${usage.tokens_in} tokens in, ${usage.cost} USD`,
  );
  if (Number(usage.messages) !== expected) throw new Error('usage_daily does not count every message of the dataset');
} finally {
  await prisma?.$disconnect();
  await owner.end();
  if (process.argv.includes('--keep')) log(`kept ${database}`);
  else await dropDatabase(superuserUrl, database);
}

async function sizes() {
  const rows = await q(
    `SELECT c.relname AS table, pg_total_relation_size(c.oid) AS bytes, s.n_live_tup AS live, s.n_dead_tup AS dead
       FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname = ANY($1) ORDER BY c.relname`,
    [TABLES],
  );
  const counts = await Promise.all(TABLES.map((t) => q(`SELECT count(*)::bigint AS n FROM ${t}`).then((r) => [t, r[0].n])));
  const exact = Object.fromEntries(counts);
  return rows.map((r) => ({ table: r.table, size: mb(r.bytes), rows: Number(exact[r.table]), dead: Number(r.dead) }));
}

function print(label, rows) {
  log(`table sizes ${label}:`);
  for (const r of rows)
    console.log(`  ${r.table.padEnd(16)} ${r.size.padStart(10)}  ${String(r.rows).padStart(9)} rows  ${String(r.dead).padStart(9)} dead`);
}

function summaryLine(s) {
  return `(tenants ${s.tenants}, failed ${s.failed}, sealed days ${s.sealedDays}, refreshed days ${s.refreshedDays}, messages deleted ${s.deletedMessages}, tool executions deleted ${s.deletedToolExecutions}, complete ${s.complete})`;
}
