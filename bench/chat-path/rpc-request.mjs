#!/usr/bin/env node
// What a request costs the caller before its bytes go out: RpcClient.request(chat.turn) as the
// gateway sends it (inside a server span, the stream subscription opened first) up to nats.js
// handing the message to its outbound buffer, on a real connection to the local NATS server, with
// nats.js' async traces (a RequestError and a TimeoutError built per request) and without
// (noAsyncTraces, NatsClient's setting). Two connections in one process, interleaved; nobody
// answers, so each request fails fast with UNAVAILABLE (no responders) after the part measured.
//
//   node scripts/build.mjs && node bench/chat-path/rpc-request.mjs [--rounds 3 --n 3000]
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { startTelemetry } = require(join(ROOT, 'libs', 'observability', 'dist', 'startup', 'index.js'));
startTelemetry({ serviceName: 'rpc-request-bench' });
const { NatsClient, RpcClient } = require(join(ROOT, 'libs', 'messaging', 'dist', 'index.js'));
const { ChatTurnRpc } = require(join(ROOT, 'libs', 'contracts', 'dist', 'index.js'));
const { trace } = require('@opentelemetry/api');
const { ProtocolHandler } = require(join(dirname(require.resolve('@nats-io/nats-core')), 'protocol.js'));

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg('rounds', 3);
const N = arg('n', 3000);

let calledAt = 0n;
let handedOver = 0n;
const publish = ProtocolHandler.prototype.publish;
ProtocolHandler.prototype.publish = function (subject, ...rest) {
  if (subject.endsWith('chat.turn')) handedOver = process.hrtime.bigint();
  return publish.call(this, subject, ...rest);
};

const namespace = `rpcbench${process.pid}`;
const withTraces = await NatsClient.connect({ url: process.env.NATS_URL ?? 'nats://127.0.0.1:4222', name: 'rpc-bench-traces', namespace });
withTraces.nc.protocol.options.noAsyncTraces = false;
const withoutTraces = await NatsClient.connect({ url: process.env.NATS_URL ?? 'nats://127.0.0.1:4222', name: 'rpc-bench', namespace });
const variants = {
  "with nats.js' async traces (its default)": withTraces,
  'noAsyncTraces (NatsClient)': withoutTraces,
};
const tracer = trace.getTracer('rpc-request-bench');

async function once(nats) {
  return tracer.startActiveSpan('POST /api/v1/chat', async (span) => {
    const turnId = randomUUID();
    const sub = nats.nc.subscribe(nats.namer.subject(`chat.stream.${turnId}`), { callback: () => undefined });
    const request = {
      version: 1,
      tenantId: randomUUID(),
      sessionId: randomUUID(),
      turnId,
      message: 'How much is the call-out fee at weekends?',
      stream: true,
      channel: 'widget',
      requestId: randomUUID(),
    };
    calledAt = process.hrtime.bigint();
    await new RpcClient(nats).request(ChatTurnRpc, request, { timeoutMs: 1000 }).catch(() => undefined);
    sub.unsubscribe();
    span.end();
    return Number(handedOver - calledAt) / 1000;
  });
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
for (let i = 0; i < 500; i++) for (const nats of Object.values(variants)) await once(nats);
for (let round = 1; round <= ROUNDS; round++) {
  const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let i = 0; i < N; i++) for (const [name, nats] of Object.entries(variants)) times[name].push(await once(nats));
  console.log(
    `round ${round} (load ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' / ')}), µs from request() to the message in nats.js' buffer, p50 / p90 of ${N}:`,
  );
  for (const [name, list] of Object.entries(times)) {
    list.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(44)} ${pct(list, 0.5).toFixed(1)} / ${pct(list, 0.9).toFixed(1)}`);
  }
}
await withTraces.drain();
await withoutTraces.drain();
