// Shared by the chat path's database micro-benchmarks (turn-db.mjs, turn-read-shapes.mjs): the
// built modules and a throw-away database seeded with one tenant, a session of 8 messages and a
// document of 20 knowledge chunks (as the owner role).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setupDatabase, dropDatabase, optionsFromEnv } from '../../scripts/db-setup.mjs';

export { arg, load } from './cli.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
export const pg = require('pg');
export const P = require(join(ROOT, 'libs', 'persistence', 'dist', 'index.js'));
export const repo = require(join(ROOT, 'apps', 'chat', 'dist', 'turn', 'turn.repository.js'));
export const QUERY = 'what is the call-out fee at weekends?';

/** A new database `parley_<label>_<random>` with the schema and the seed; drop() removes it. */
export async function openTurnDatabase(label) {
  const superuserUrl = process.env.PGSUPERUSER_URL || readFileSync(join(ROOT, '.parley', 'pgsuperuser-url'), 'utf8').trim();
  const database = `parley_${label}_${randomUUID().slice(0, 8)}`;
  const urls = await setupDatabase({ ...optionsFromEnv(process.env), superuserUrl, database });
  const owner = new pg.Pool({ connectionString: urls.ownerUrl, max: 1 });
  const q = (sql, params) => owner.query(sql, params).then((r) => r.rows);
  const [{ id: tenant }] = await q(`INSERT INTO tenants (slug, display_name) VALUES ($1, 'Bench') RETURNING id`, [`b${Date.now()}`]);
  const [{ id: session }] = await q(`INSERT INTO chat_sessions (tenant_id) VALUES ($1) RETURNING id`, [tenant]);
  for (let i = 0; i < 8; i++)
    await q(
      `INSERT INTO chat_messages (tenant_id, session_id, turn_id, role, content, created_at)
       VALUES ($1, $2, $3, $4, $5, now() - ($6 || ' s')::interval)`,
      [tenant, session, randomUUID(), i % 2 ? 'assistant' : 'user', `message ${i} about prices and opening hours`, String(60 - i)],
    );
  const [{ id: doc }] = await q(
    `INSERT INTO knowledge_documents (tenant_id, title, status, content_hash) VALUES ($1, 'Prices', 'ready', 'h') RETURNING id`,
    [tenant],
  );
  for (let i = 0; i < 20; i++)
    await q(`INSERT INTO knowledge_chunks (tenant_id, document_id, ordinal, text) VALUES ($1, $2, $3, $4)`, [
      tenant,
      doc,
      i,
      `Chunk ${i}: our call-out fee is ${60 + i} pounds on weekdays and more at weekends; we open at nine.`,
    ]);
  return {
    urls,
    owner,
    tenant,
    session,
    async drop() {
      await owner.end();
      await dropDatabase(superuserUrl, database);
    },
  };
}

/** The statement chat's prepareTurn sends for `fixture`'s session (its text and values), captured once through `db`. */
export async function captureTurnRead(db, { tenant, session }) {
  let read;
  const capture = Object.create(db);
  capture.statement = (tenantId, statement) => {
    read = statement;
    return db.statement(tenantId, statement);
  };
  await repo.prepareTurn(capture, tenant, session, randomUUID(), null, { query: QUERY, limit: 4, staff: false });
  return read;
}

/**
 * Runs every variant `n` times per round, the variants interleaved round by round; p50 / p90 ms
 * per variant and round, and this process's CPU per call (µs, user + system: the client's own
 * work, what a service pays; the database's is not in it).
 */
export async function interleaved(variants, n, rounds, warmup = 30) {
  for (const fn of Object.values(variants)) for (let i = 0; i < warmup; i++) await fn();
  const results = {};
  for (let round = 0; round < rounds; round++)
    for (const [name, fn] of Object.entries(variants)) {
      const t = [];
      const cpu = process.cpuUsage();
      for (let i = 0; i < n; i++) {
        const s = performance.now();
        await fn();
        t.push(performance.now() - s);
      }
      const used = process.cpuUsage(cpu);
      t.sort((a, b) => a - b);
      (results[name] ??= []).push({
        p50: +t[Math.floor(n / 2)].toFixed(2),
        p90: +t[Math.floor(n * 0.9)].toFixed(2),
        cpuUs: Math.round((used.user + used.system) / n),
      });
    }
  return results;
}

/** Prints interleaved() results as a Markdown table. */
export function printTable(title, results) {
  const first = Object.values(results)[0];
  console.log(title);
  console.log(`| variant | ${first.map((_, i) => `round ${i + 1} p50 / p90 ms (client CPU µs per call)`).join(' | ')} |`);
  console.log(`|---|${first.map(() => '---').join('|')}|`);
  for (const [name, rounds] of Object.entries(results))
    console.log(`| ${name} | ${rounds.map((r) => `${r.p50} / ${r.p90} (${r.cpuUs})`).join(' | ')} |`);
}
