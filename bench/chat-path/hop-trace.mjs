// Cross-process timestamps of a streamed turn's NATS hops, for bench.mjs --hop-trace (preloaded
// with `node --import` into the gateway and chat only; never part of a service's own code).
//
// Patches nats.js (@nats-io/nats-core's ProtocolHandler) and, in the gateway, node:http's
// ServerResponse.write, and records per turn (turnId from the chat.turn payload or the
// chat.stream.<turnId> subject) the monotonic clock (process.hrtime.bigint(): CLOCK_MONOTONIC, the
// same clock in every process on one machine) at:
//   gateway  req         POST /api/v1/chat arrived (no turn id yet: at c=1 the last one before pub)
//            sub         nc.subscribe(chat.stream.<turnId>) called
//            pub         chat.turn request handed to nats.js (publish)
//            flush       that publish's bytes about to be written to the socket (flushPending)
//            recv_first  first frame of the turn read from the socket (any type)
//            recv_token  first token frame read from the socket
//            sse_piped   the SSE body piped into the response by Fastify (the stream opens on the first token)
//            sse_token   first SSE write carrying a token (c=1 phases only: the last token frame received)
//   chat     recv        chat.turn read from the socket
//            pub_first   first frame published on chat.stream.<turnId>
//            pub_token   first token frame published
//            flush_token that frame's bytes about to be written to the socket
// and, for the plain GET /api/v1/sessions/{id} floor (sequential, so joined by time order; turn id 'get'):
//   gateway  get_req      GET /api/v1/sessions/<id> arrived
//            redis_send   / redis_done: each Redis command of the request (the rate limits' script), sent and answered
//            get_pub      chat.session.get request handed to nats.js
//   chat     get_recv     chat.session.get read from the socket
//            get_respond  its reply handed to nats.js
//   gateway  get_reply    the reply read from the socket
//            get_end      the HTTP response ended
// Events go to $HOP_TRACE_DIR/<app>-<pid>.jsonl as [ns, event, turnId] lines (written every 2 s and
// at exit). bench/chat-path/hop-report.mjs joins them per turn.
import { appendFileSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';

const require = createRequire(import.meta.url);

const dir = process.env.HOP_TRACE_DIR;
const app = process.env.HOP_TRACE_APP || 'app';
if (dir) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${app}-${process.pid}.jsonl`);
  let lines = [];
  const now = () => process.hrtime.bigint().toString();
  const note = (event, turnId) => lines.push(`[${now()},"${event}","${turnId}"]`);
  const write = () => {
    if (lines.length === 0) return;
    appendFileSync(file, `${lines.join('\n')}\n`);
    lines = [];
  };
  setInterval(write, 2000).unref();
  process.on('exit', write);

  // The package exports only its entry point; protocol.js sits beside it (the same module instance the services load).
  const { ProtocolHandler } = require(join(dirname(require.resolve('@nats-io/nats-core')), 'protocol.js'));
  const text = (u8) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength).toString('utf8');
  const STREAM = /chat\.stream\.([0-9a-f-]{36})$/;
  const TURN_ID = /"turnId":"([0-9a-f-]{36})"/;
  const isTurnSubject = (s) => s === 'chat.turn' || s.endsWith('.chat.turn');
  const isGetSubject = (s) => s === 'chat.session.get' || s.endsWith('.chat.session.get');
  // The reply subject of the chat.session.get in flight (gateway: its inbox; chat: the reply it owes).
  let getInbox = null;
  let getInFlight = false;
  const seen = new Set();
  const once = (event, turnId) => {
    const key = `${event}:${turnId}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (seen.size > 200_000) seen.clear();
    note(event, turnId);
  };
  let flushNext = null;
  let lastTokenTurn = null;

  const publish = ProtocolHandler.prototype.publish;
  ProtocolHandler.prototype.publish = function (subject, payload, options) {
    if (isGetSubject(subject)) {
      note('get_pub', 'get');
      getInFlight = true;
    } else if (getInbox && subject === getInbox) {
      note('get_respond', 'get');
      getInbox = null;
    }
    if (isTurnSubject(subject) && payload instanceof Uint8Array) {
      const turnId = TURN_ID.exec(text(payload))?.[1];
      if (turnId) {
        once('pub', turnId);
        flushNext = ['flush', turnId];
      }
    } else {
      const turnId = STREAM.exec(subject)?.[1];
      if (turnId) {
        once('pub_first', turnId);
        if (!seen.has(`pub_token:${turnId}`) && text(payload).includes('"type":"token"')) {
          once('pub_token', turnId);
          flushNext = ['flush_token', turnId];
        }
      }
    }
    return publish.call(this, subject, payload, options);
  };
  const flushPending = ProtocolHandler.prototype.flushPending;
  ProtocolHandler.prototype.flushPending = function () {
    const pending = flushNext;
    flushNext = null;
    if (pending) once(pending[0], pending[1]);
    return flushPending.call(this);
  };
  const subscribe = ProtocolHandler.prototype.subscribe;
  ProtocolHandler.prototype.subscribe = function (sub) {
    const turnId = STREAM.exec(sub.subject)?.[1];
    if (turnId) once('sub', turnId);
    return subscribe.call(this, sub);
  };
  const processMsg = ProtocolHandler.prototype.processMsg;
  ProtocolHandler.prototype.processMsg = function (msg, data) {
    const subject = typeof msg.subject === 'string' ? msg.subject : text(msg.subject);
    const turnId = STREAM.exec(subject)?.[1];
    if (turnId) {
      once('recv_first', turnId);
      if (!seen.has(`recv_token:${turnId}`) && text(data).includes('"type":"token"')) {
        once('recv_token', turnId);
        lastTokenTurn = turnId;
      }
    } else if (isTurnSubject(subject)) {
      const id = TURN_ID.exec(text(data))?.[1];
      if (id) once('recv', id);
    } else if (isGetSubject(subject)) {
      note('get_recv', 'get');
      getInbox = typeof msg.reply === 'string' ? msg.reply : msg.reply ? text(msg.reply) : null;
    } else if (getInFlight && subject.includes('_INBOX')) {
      note('get_reply', 'get');
      getInFlight = false;
    }
    return processMsg.call(this, msg, data);
  };
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, ...rest) {
    if (event === 'request' && req.method === 'POST' && req.url.startsWith('/api/v1/chat')) note('req', '');
    if (event === 'request' && req.method === 'GET' && req.url.startsWith('/api/v1/sessions/')) {
      note('get_req', 'get');
      rest[0]?.once?.('finish', () => note('get_end', 'get'));
    }
    return emit.call(this, event, req, ...rest);
  };
  // Fastify sends a stream body by setting the headers and piping it into the response.
  const pipe = Readable.prototype.pipe;
  Readable.prototype.pipe = function (destination, ...rest) {
    if (lastTokenTurn && destination instanceof http.ServerResponse) once('sse_piped', lastTokenTurn);
    return pipe.call(this, destination, ...rest);
  };
  // Redis commands (ioredis, the gateway's rate limits and quota): sent and answered.
  try {
    // Resolved from this file (the checkout's node_modules), the same instance the service loads, whatever the cwd.
    const Redis = require('ioredis');
    const RedisClass = Redis.default ?? Redis;
    const sendCommand = RedisClass.prototype.sendCommand;
    RedisClass.prototype.sendCommand = function (command, ...rest) {
      note('redis_send', 'get');
      const result = sendCommand.call(this, command, ...rest);
      command?.promise?.then?.(
        () => note('redis_done', 'get'),
        () => note('redis_done', 'get'),
      );
      return result;
    };
  } catch {
    // no ioredis in this process
  }
  const resWrite = http.ServerResponse.prototype.write;
  http.ServerResponse.prototype.write = function (chunk, ...rest) {
    if (lastTokenTurn && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
      const s = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      if (s.includes('"type":"token"')) {
        once('sse_token', lastTokenTurn);
        lastTokenTurn = null;
      }
    }
    return resWrite.call(this, chunk, ...rest);
  };
}
