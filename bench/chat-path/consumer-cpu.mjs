#!/usr/bin/env node
// A durable consumer's CPU per delivered event, as the services run it (libs/messaging startConsumer
// with the services' telemetry on), two builds of libs/messaging interleaved in one process.
//
// Variants (each round: a fresh runner, `--n` events published by a child process at `--rate` per
// second, as turns arrive under load, the round ends when the runner has settled all of them):
//   skip    the notifier's durable (its three filters; on NATS < 2.10 one covering filter `evt.>`)
//           at the notifier's concurrency (4), fed evt.chat.turn_completed, which it acks and skips:
//           what every turn's events cost the notifier on the local 2.9 server;
//   handle  tenant-intelligence's durable at concurrency 32 with a handler that returns at once:
//           the runner's own cost per handled event (decode, contract check, span, timers, ack).
// Reported per variant and build: client CPU µs per event (process.cpuUsage, user + system, the
// publisher's excluded) and nats-server's CPU µs per event (/proc, 10 ms ticks), by round.
//
//   node scripts/build.mjs libs/messaging && \
//     node bench/chat-path/consumer-cpu.mjs --a /tmp/wt-base [--n 600] [--rate 150] [--rounds 4] [--only skip,handle]
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg, load } from './cli.mjs';
import { flag } from './traced-db.fixture.mjs';
import { ANSWER } from './mock-answers.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const A = flag('a', null);
if (!A) throw new Error('--a <checkout of the build to compare with> is required');
const N = arg('n', 600);
const RATE = arg('rate', 150);
const ROUNDS = arg('rounds', 4);
const ONLY = flag('only', 'skip,handle').split(',');
/** B's ackDelayMs (A's runner has no such option and ignores it). */
const ACK_DELAY = arg('ack-delay', undefined);
const URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

const { startTelemetry } = require(join(ROOT, 'libs', 'observability', 'dist', 'startup', 'index.js'));
const stopTelemetry = startTelemetry({ serviceName: 'consumer-cpu-bench' });
const { CONSUMERS, ChatTurnCompletedEvent } = require(join(ROOT, 'libs', 'contracts', 'dist', 'index.js'));

const natsPid = Number(execFileSync('pgrep', ['-o', 'nats-server']).toString().trim());
/** nats-server's user + system CPU so far, µs (clock ticks of 10 ms). */
const natsCpuUs = () => {
  const fields = readFileSync(`/proc/${natsPid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
};

const tenantId = randomUUID();
/** A chat.turn_completed payload like the bench's turns (fresh ids each). */
const turn = () => {
  const ids = Object.fromEntries(['sessionId', 'turnId', 'userMessageId', 'assistantMessageId'].map((k) => [k, randomUUID()]));
  return {
    version: 1,
    tenantId,
    ...ids,
    contactId: null,
    userText: 'How long does a boiler service take and what does it cost? (ref q17)',
    assistantText: ANSWER,
    signals: { urgency: 'low', sentiment: 'neutral', sentimentScore: 0, intents: ['pricing'], flags: [], entityCount: 0 },
    actionIds: [],
    usage: { inputTokens: 820, outputTokens: 41, model: 'mock', provider: 'openai', latencyMs: 12 },
    occurredAt: new Date().toISOString(),
  };
};

/** Publishes `n` events to `subject` at `rate` per second from a child process (its CPU is not ours). */
function publishFromChild(subject, n, rate) {
  const code = `
    const { connect } = require('@nats-io/transport-node');
    const { jetstream } = require('@nats-io/jetstream');
    const { randomUUID } = require('node:crypto');
    const payloads = JSON.parse(process.argv[1]);
    (async () => {
      const nc = await connect({ servers: ${JSON.stringify(URL)} });
      const js = jetstream(nc);
      const started = Date.now();
      const sends = [];
      for (let i = 0; i < ${n}; i++) {
        const due = started + (i * 1000) / ${rate};
        const wait = due - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        sends.push(js.publish(${JSON.stringify(subject)}, JSON.stringify(payloads[i % payloads.length]), { msgID: randomUUID() }));
      }
      await Promise.all(sends);
      await nc.drain();
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const payloads = Array.from({ length: 50 }, turn);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code, JSON.stringify(payloads)], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`publisher exited ${c}`))));
  });
}

const VARIANTS = {
  skip: { def: CONSUMERS.notifier, concurrency: 4, counts: 'skipped' },
  handle: { def: CONSUMERS.tenantIntelligence, concurrency: 32, counts: 'processed' },
};

/** One build's libs/messaging on its own connection and namespace (its streams deleted at the end). */
async function build(checkout, label) {
  const m = require(join(checkout, 'libs', 'messaging', 'dist', 'index.js'));
  const client = await m.NatsClient.connect({
    url: URL,
    name: `consumer-cpu-${label}`,
    namespace: `cc${label}${randomUUID().slice(0, 6)}`,
  });
  await m.ensureStreams(client.jsm, client.namer);
  // socket writes of this connection (nats.js writes every command of one tick in one write)
  const b = { m, client, label, writes: 0 };
  const socket = client.nc.protocol?.transport?.socket;
  if (socket) {
    const write = socket.write.bind(socket);
    socket.write = (...args) => (b.writes++, write(...args));
  }
  return b;
}

async function round(b, variant) {
  const { def, concurrency, counts } = VARIANTS[variant];
  const seen = { skipped: 0, processed: 0 };
  let done;
  const finished = new Promise((r) => (done = r));
  const bump = (k) => {
    seen[k]++;
    if (seen[counts] === N) done();
  };
  const runner = await b.m.startConsumer({
    client: b.client,
    consumer: def,
    concurrency,
    handler: async () => undefined,
    ...(ACK_DELAY === undefined ? {} : { ackDelayMs: ACK_DELAY }),
    metrics: { consumerSkipped: () => bump('skipped'), consumerProcessed: () => bump('processed') },
  });
  const subject = b.client.namer.subject(ChatTurnCompletedEvent.subjectFor(tenantId));
  const writes0 = b.writes;
  const cpu0 = process.cpuUsage();
  const nats0 = natsCpuUs();
  const t0 = Date.now();
  await publishFromChild(subject, N, RATE);
  await finished;
  const cpu = process.cpuUsage(cpu0);
  const nats = natsCpuUs() - nats0;
  const wall = Date.now() - t0;
  await runner.stop();
  return { client: (cpu.user + cpu.system) / N, system: cpu.system / N, nats: nats / N, wall, writes: (b.writes - writes0) / N };
}

const builds = [await build(A, 'a'), await build(ROOT, 'b')];
const results = {};
try {
  console.log(`load before: ${load()}; ${N} events per round at ${RATE}/s, ${ROUNDS} rounds, A = ${A}, B = this checkout`);
  for (const variant of ONLY) {
    // warm-up round per build, not reported
    for (const b of builds) await round(b, variant);
    for (let r = 0; r < ROUNDS; r++) {
      for (const b of r % 2 === 0 ? builds : [...builds].reverse()) {
        const res = await round(b, variant);
        ((results[variant] ??= {})[b.label] ??= []).push(res);
      }
    }
    console.log(`\n${variant} (load now ${load()}): µs per event by round`);
    for (const b of builds) {
      const rows = results[variant][b.label];
      const med = (k) => [...rows.map((x) => x[k])].sort((x, y) => x - y)[Math.floor(rows.length / 2)].toFixed(k === 'writes' ? 2 : 0);
      console.log(
        `  ${b.label.toUpperCase()} client ${rows.map((x) => x.client.toFixed(0)).join(' / ')} (median ${med('client')}; system ${med('system')}); ` +
          `nats-server ${rows.map((x) => x.nats.toFixed(0)).join(' / ')} (median ${med('nats')}); writes per event ${med('writes')}; wall ms ${rows.map((x) => x.wall).join(' / ')}`,
      );
    }
  }
  console.log(`load after: ${load()}`);
} finally {
  for (const b of builds) {
    for await (const name of b.client.jsm.streams.names())
      if (name.startsWith(`${b.client.namer.stream('')}`)) await b.client.jsm.streams.delete(name);
    await b.client.drain();
  }
  await stopTelemetry?.();
}
