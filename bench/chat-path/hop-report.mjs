#!/usr/bin/env node
// Splits the NATS hops of streamed turns from a `bench.mjs --hop-trace` run (see hop-trace.mjs):
//   node bench/chat-path/hop-report.mjs [/tmp/chat-path-hops-<id>]   (default: the newest such dir)
// Turns are grouped into the bench's phases by overlap: the c=1 turns before the first turns that
// overlap, the concurrent block, and the sequential (offline) turns after it. Prints p50 / p90 /
// mean in ms per segment and phase, and writes the JSON beside the trace.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir =
  process.argv[2] ??
  readdirSync('/tmp')
    .filter((d) => d.startsWith('chat-path-hops-'))
    .map((d) => join('/tmp', d))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
if (!dir) throw new Error('no /tmp/chat-path-hops-* directory');

const turns = new Map();
const requests = [];
// The GET /api/v1/sessions/{id} floor and Redis commands: [ns, app.event], in time order.
const timeline = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
  const app = file.split('-')[0];
  for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
    if (!line) continue;
    const [ns, event, turnId] = JSON.parse(line);
    const t = BigInt(ns);
    if (turnId === 'get') {
      timeline.push([t, `${app}.${event}`]);
      continue;
    }
    if (event === 'req') {
      requests.push(t);
      continue;
    }
    const turn = turns.get(turnId) ?? {};
    turn[`${app}.${event}`] = t;
    turns.set(turnId, turn);
  }
}
requests.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

const SEGMENTS = [
  ['gateway: HTTP request arrived -> stream subscribed', 'gateway.req', 'gateway.sub'],
  ['gateway: subscribed -> chat.turn published', 'gateway.sub', 'gateway.pub'],
  ['gateway: published -> written to the socket', 'gateway.pub', 'gateway.flush'],
  ['hop 1: gateway socket write -> chat reads chat.turn', 'gateway.flush', 'chat.recv'],
  ['chat: chat.turn read -> first frame published', 'chat.recv', 'chat.pub_first'],
  ['chat: chat.turn read -> first token published', 'chat.recv', 'chat.pub_token'],
  ['chat: first token published -> written to the socket', 'chat.pub_token', 'chat.flush_token'],
  ['hop 2: chat socket write -> gateway reads the first token', 'chat.flush_token', 'gateway.recv_token'],
  ['gateway: first token read -> SSE write', 'gateway.recv_token', 'gateway.sse_token'],
  ['  of which: frame read -> SSE body piped (relay wake-up, reply.send, onSend hooks)', 'gateway.recv_token', 'gateway.sse_piped'],
  ['  of which: SSE body piped -> first token written to the response', 'gateway.sse_piped', 'gateway.sse_token'],
  ['both hops as bench.mjs counts them (gateway sub -> chat read, chat publish -> gateway read)', null, null],
];

const complete = [...turns.values()].filter((t) => t['gateway.pub'] && t['chat.recv'] && t['gateway.recv_token']);
complete.sort((a, b) => (a['gateway.pub'] < b['gateway.pub'] ? -1 : 1));
// The HTTP request of a turn: the last POST /api/v1/chat the gateway received before it subscribed (c=1 only).
for (const t of complete) {
  let lo = 0;
  let hi = requests.length - 1;
  let found;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (requests[mid] <= t['gateway.sub']) {
      found = requests[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found !== undefined) t['gateway.req'] = found;
}
// Phases: a turn overlaps another when it was published before the previous one's token was relayed.
const end = (t) => t['gateway.sse_token'] ?? t['gateway.recv_token'];
const overlaps = complete.map(
  (t, i) => (i > 0 && t['gateway.pub'] < end(complete[i - 1])) || (i + 1 < complete.length && complete[i + 1]['gateway.pub'] < end(t)),
);
const firstOverlap = overlaps.indexOf(true);
const lastOverlap = overlaps.lastIndexOf(true);
const phases = {
  c1: firstOverlap < 0 ? complete : complete.slice(0, firstOverlap),
  concurrent: firstOverlap < 0 ? [] : complete.slice(firstOverlap, lastOverlap + 1),
  after: firstOverlap < 0 ? [] : complete.slice(lastOverlap + 1),
};

const ms = (a, b) => Number(b - a) / 1e6;
const stats = (values) => {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const at = (p) => v[Math.min(v.length - 1, Math.floor(p * v.length))];
  return { n: v.length, p50: +at(0.5).toFixed(3), p90: +at(0.9).toFixed(3), mean: +(v.reduce((s, x) => s + x, 0) / v.length).toFixed(3) };
};
const out = { dir, turns: complete.length, phases: {} };
for (const [phase, list] of Object.entries(phases)) {
  if (list.length === 0) continue;
  const rows = {};
  for (const [label, from, to] of SEGMENTS) {
    rows[label] = from
      ? stats(list.map((t) => (t[from] && t[to] ? ms(t[from], t[to]) : NaN)))
      : stats(
          list.map((t) =>
            t['chat.pub_token'] ? ms(t['gateway.sub'], t['chat.recv']) + ms(t['chat.pub_token'], t['gateway.recv_token']) : NaN,
          ),
        );
  }
  out.phases[phase] = { turns: list.length, segments: rows };
  console.log(`\n${phase} (${list.length} turns): ms p50 / p90 / mean`);
  for (const [label, s] of Object.entries(rows)) if (s) console.log(`  ${label.padEnd(92)} ${s.p50} / ${s.p90} / ${s.mean}  (n=${s.n})`);
}
// GET session requests: each get_req to its get_end (sequential in the bench); Redis commands inside it.
timeline.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const gets = [];
let open = null;
for (const [t, event] of timeline) {
  if (event === 'gateway.get_req') open = { 'gateway.get_req': t };
  else if (open && event === 'gateway.get_end') {
    open[event] = t;
    gets.push(open);
    open = null;
  } else if (open && !open[event]) open[event] = t;
}
const GET_SEGMENTS = [
  ['GET: request arrived -> Redis command sent (routing, credentials, tenant)', 'gateway.get_req', 'gateway.redis_send'],
  ['GET: Redis command sent -> answered (rate limits)', 'gateway.redis_send', 'gateway.redis_done'],
  ['GET: Redis answered -> chat.session.get published', 'gateway.redis_done', 'gateway.get_pub'],
  ['GET: request arrived -> chat.session.get published', 'gateway.get_req', 'gateway.get_pub'],
  ['GET: published -> chat reads it (hop 1)', 'gateway.get_pub', 'chat.get_recv'],
  ['GET: chat read -> reply published (chat: span, zod, the database read)', 'chat.get_recv', 'chat.get_respond'],
  ['GET: reply published -> gateway reads it (hop 2)', 'chat.get_respond', 'gateway.get_reply'],
  ['GET: reply read -> response ended', 'gateway.get_reply', 'gateway.get_end'],
  ['GET: request arrived -> response ended', 'gateway.get_req', 'gateway.get_end'],
];
if (gets.length > 0) {
  const rows = {};
  for (const [label, from, to] of GET_SEGMENTS) rows[label] = stats(gets.map((g) => (g[from] && g[to] ? ms(g[from], g[to]) : NaN)));
  out.get_session = { requests: gets.length, segments: rows };
  console.log(`\nGET /api/v1/sessions/{id} (${gets.length} requests): ms p50 / p90 / mean`);
  for (const [label, s] of Object.entries(rows)) if (s) console.log(`  ${label.padEnd(92)} ${s.p50} / ${s.p90} / ${s.mean}  (n=${s.n})`);
}
writeFileSync(join(dir, 'report.json'), JSON.stringify(out, null, 2));
