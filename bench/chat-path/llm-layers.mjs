#!/usr/bin/env node
// What each layer under libs/llm's OpenAI-compatible provider costs per streamed answer: client CPU
// µs per call of the same chat request (the chat bench's turn, ~40 chunks), with the services'
// telemetry on and the mock model in a child process (llm-bench.fixture.mjs), layer by layer:
//   http       node:http (keep-alive agent), the SSE lines split by hand, each data line JSON.parse'd;
//   fetch      global fetch (undici), the body read with its web-stream reader, the same parsing;
//   sdk        the OpenAI SDK's chat.completions.create({ stream: true }), iterated (sdk-http: over libs/llm's fetch);
//   langchain  ChatOpenAICompletions._streamResponseChunks (what libs/llm iterates), iterated;
//   router     this checkout's LlmRouter.generate() (PII, tools bound, timeouts, the router).
// Interleaved rounds, one call at a time (`--c` for more), every call inside a parent span.
//
//   node scripts/build.mjs libs/llm && node bench/chat-path/llm-layers.mjs [--n 300] [--rounds 3]
import { createRequire } from 'node:module';
import { request as httpRequest, Agent } from 'node:http';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg, load } from './cli.mjs';
import { flag } from './traced-db.fixture.mjs';
import { llmConfig, openLlmBench } from './llm-bench.fixture.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const N = arg('n', 300);
const ROUNDS = arg('rounds', 3);
const C = arg('c', 1);
const ONLY = flag('only', 'http,fetch,sdk,sdk-http,langchain,langchain-http,router').split(',');

const bench = await openLlmBench('llm-layers');
const { mock, inSpan } = bench;
const llm = require(join(ROOT, 'libs', 'llm', 'dist', 'index.js'));
const { MODEL_TOOLS } = require(join(ROOT, 'apps', 'chat', 'dist', 'actions', 'model-tools.constants.js'));
const { ChatOpenAICompletions } = require('@langchain/openai');
const { HumanMessage, SystemMessage } = require('@langchain/core/messages');
const OpenAI = require('openai').default;

const quiet = { logger: { warn: () => undefined } };
const router = llm.createLlmRouter(bench.config, quiet);
const request = {
  tenantId: '00000000-0000-4000-8000-000000000001',
  llm: { primary: { provider: 'openai', model: 'mock-model' }, fallbacks: [] },
  persona: { displayName: 'Pipe Dreams Plumbing', persona: 'A friendly local plumber.', tone: 'friendly', allowedTopics: [] },
  history: [],
  userMessage: 'Do you fix boilers as well, and how quickly can someone come?',
  firstTurn: false,
  knowledge: [],
  directives: [],
  tools: MODEL_TOOLS,
};
// The body the router sends, captured once by a throw-away local server, so every layer sends the same request.
let body;
{
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (d) => (text += d));
    req.on('end', () => {
      body = text;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(
        'data: {"id":"x","object":"chat.completion.chunk","created":0,"model":"m","choices":[{"index":0,"delta":{"content":"ok"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n',
      );
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const capture = llm.createLlmRouter(llmConfig(`http://127.0.0.1:${server.address().port}/v1`), quiet);
  await capture.generate({ ...request, signal: new AbortController().signal }, { onToken: () => undefined });
  server.closeAllConnections();
  server.close();
}
const parsed = JSON.parse(body);
const url = new URL(`${mock.url}/chat/completions`);
const agent = new Agent({ keepAlive: true });
const headers = { 'content-type': 'application/json', authorization: 'Bearer sk-bench' };

function parseSse(text, state) {
  state.buf += text;
  let i;
  while ((i = state.buf.indexOf('\n\n')) >= 0) {
    const event = state.buf.slice(0, i);
    state.buf = state.buf.slice(i + 2);
    if (event.startsWith('data: ') && event !== 'data: [DONE]') state.n += JSON.parse(event.slice(6)).choices.length;
  }
}
const sdk = new OpenAI({ apiKey: 'sk-bench', baseURL: mock.url, maxRetries: 0 });
// The same two over libs/llm's own fetch when this build has one: providers/undici-fetch.ts (undici's
// request API), or node-http-fetch.ts (node:http, fd2131f..16128d5) in an older build.
const nodeFetch = (() => {
  for (const [file, name] of [
    ['undici-fetch.js', 'createUndiciFetch'],
    ['node-http-fetch.js', 'createNodeHttpFetch'],
  ]) {
    try {
      return require(join(ROOT, 'libs', 'llm', 'dist', 'providers', file))[name]();
    } catch {
      // not in this build
    }
  }
  return undefined;
})();
const sdkHttp = new OpenAI({ apiKey: 'sk-bench', baseURL: mock.url, maxRetries: 0, fetch: nodeFetch });
// LangChain's model as libs/llm's OpenAiProvider builds it, over the global fetch or `fetch`.
const langchainModel = (fetch) =>
  new ChatOpenAICompletions({
    model: 'mock-model',
    apiKey: 'sk-bench',
    configuration: { baseURL: mock.url, ...(fetch ? { fetch } : {}) },
    streaming: true,
    streamUsage: true,
    maxRetries: 0,
  });
const lcModel = langchainModel();
const lcModelHttp = langchainModel(nodeFetch);
const lcMessages = parsed.messages.map((m) => (m.role === 'system' ? new SystemMessage(m.content) : new HumanMessage(m.content)));

const layers = {
  http: () =>
    new Promise((resolve, reject) => {
      const req = httpRequest(url, { method: 'POST', agent, headers }, (res) => {
        const state = { buf: '', n: 0 };
        res.setEncoding('utf8');
        res.on('data', (d) => parseSse(d, state));
        res.on('end', () => resolve(state.n));
      });
      req.on('error', reject);
      req.end(body);
    }),
  fetch: async () => {
    const res = await fetch(url, { method: 'POST', headers, body });
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    const state = { buf: '', n: 0 };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parseSse(decoder.decode(value, { stream: true }), state);
    }
    return state.n;
  },
  sdk: async () => {
    const stream = await sdk.chat.completions.create({ ...parsed, stream: true });
    let n = 0;
    for await (const chunk of stream) n += chunk.choices.length;
    return n;
  },
  'sdk-http': async () => {
    const stream = await sdkHttp.chat.completions.create({ ...parsed, stream: true });
    let n = 0;
    for await (const chunk of stream) n += chunk.choices.length;
    return n;
  },
  'langchain-http': async () => {
    let n = 0;
    for await (const chunk of lcModelHttp._streamResponseChunks(lcMessages, { signal: new AbortController().signal }))
      n += chunk.text.length;
    return n;
  },
  langchain: async () => {
    let n = 0;
    for await (const chunk of lcModel._streamResponseChunks(lcMessages, { signal: new AbortController().signal })) n += chunk.text.length;
    return n;
  },
  router: async () => {
    let n = 0;
    await router.generate({ ...request, signal: new AbortController().signal }, { onToken: (t) => (n += t.length) });
    return n;
  },
};

async function round(fn, n) {
  let next = 0;
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (next++ < n) await inSpan(fn);
    }),
  );
  const used = process.cpuUsage(cpu);
  return Math.round((used.user + used.system) / n);
}

try {
  const picked = Object.fromEntries(ONLY.filter((k) => nodeFetch || !k.endsWith('-http')).map((k) => [k, layers[k]]));
  for (const fn of Object.values(picked)) await round(fn, 50);
  const results = {};
  const before = load();
  for (let r = 0; r < ROUNDS; r++) for (const [name, fn] of Object.entries(picked)) (results[name] ??= []).push(await round(fn, N));
  console.log(`client CPU µs per streamed answer, n=${N} per round, c=${C}, load ${before} -> ${load()}`);
  for (const [name, rs] of Object.entries(results)) console.log(`${name.padEnd(10)} ${rs.join(' / ')}`);
} finally {
  agent.destroy();
  await bench.close();
}
