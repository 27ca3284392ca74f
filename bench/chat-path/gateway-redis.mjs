#!/usr/bin/env node
// The gateway's Redis work before a planned tenant's turn reaches its handler, alone: the rate
// limits' script (TOKEN_BUCKETS_SCRIPT, one call for the IP, session, tenant buckets) and the quota
// read (HMGET of the tenant's period counters), sent one after the other (QuotaGuard reading after
// AuthGuard's answer) or together (the read started beside the script), interleaved in one process
// on one ioredis connection as the gateway has. Prints p50 / p90 of the wait per variant and round.
//
//   node scripts/build.mjs apps/gateway && node bench/chat-path/gateway-redis.mjs [--rounds 3 --n 2000]
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const Redis = require('ioredis');
const { TOKEN_BUCKETS_SCRIPT } = require(join(ROOT, 'apps', 'gateway', 'dist', 'rate-limit', 'token-bucket.script.js'));

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg('rounds', 3);
const N = arg('n', 2000);

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { keyPrefix: `bench-gw-redis-${randomUUID().slice(0, 8)}:` });
redis.defineCommand('tokenBuckets', { lua: TOKEN_BUCKETS_SCRIPT });
const tenant = randomUUID();
const session = randomUUID();
const keys = [`rl:ip:127.0.0.1`, `rl:session:${session}`, `rl:tenant:${tenant}`];
const limits = () => redis.tokenBuckets(keys.length, ...keys, '60000', '1', '100000000', '100000000', '100000000');
const quota = () => redis.hmget(`quota:${tenant}:2026-12`, 'messages', 'tokens', 'synced');
await redis.hset(`quota:${tenant}:2026-12`, 'messages', '12', 'tokens', '3400', 'synced', '1');

const variants = {
  'one after the other (rate limits, then the quota read)': async () => {
    await limits();
    await quota();
  },
  'together (the quota read started beside the rate limits)': async () => {
    const read = quota();
    await limits();
    await read;
  },
  'rate limits alone (no plan)': async () => {
    await limits();
  },
};

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
for (let i = 0; i < 300; i++) for (const run of Object.values(variants)) await run();
for (let round = 1; round <= ROUNDS; round++) {
  const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let i = 0; i < N; i++) {
    for (const [name, run] of Object.entries(variants)) {
      const t = performance.now();
      await run();
      times[name].push(performance.now() - t);
    }
  }
  console.log(
    `round ${round} (load ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' / ')}), ms p50 / p90 of ${N}:`,
  );
  for (const [name, list] of Object.entries(times)) {
    list.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(60)} ${pct(list, 0.5).toFixed(3)} / ${pct(list, 0.9).toFixed(3)}`);
  }
}
const leftovers = await redis.keys('*');
if (leftovers.length > 0) await redis.del(...leftovers.map((k) => k.slice(redis.options.keyPrefix.length)));
await redis.quit();
