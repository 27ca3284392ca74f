#!/usr/bin/env node
// What libs/llm adds to a model's time to first token, without the rest of the platform.
//
// In one process, against the mock OpenAI-compatible model of libs/testing (streaming, no delay,
// a ~40-token answer), one at a time, in interleaved rounds so both share the machine's state:
//   direct  the very request body the router sent for the turn (fetch, streamed), to the first
//           chunk with text;
//   router  LlmRouter.generate() with provider `openai` (LangChain's Chat Completions model, the
//           OpenAI SDK, PII pseudonymization, the prompt and chat's action tools bound), to the
//           first onToken;
// on a turn like the chat bench's (8 history messages, 2 knowledge passages). Prints p50/p90 ms
// of each and the difference per round, and the CPU time of the router calls (process.cpuUsage around
// each call: the in-process mock's work for the request is in it, the same for every build). Needs a build (libs/llm, libs/testing, apps/chat dist).
//
//   npm run build && node bench/chat-path/llm-client.mjs [--n 300] [--rounds 3]
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg, load } from './cli.mjs';
import { mockFirst, streamTimed } from './sse-timing.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { startMockLlm } = require(join(ROOT, 'libs', 'testing', 'dist', 'index.js'));
const { createLlmRouter } = require(join(ROOT, 'libs', 'llm', 'dist', 'index.js'));
const { MODEL_TOOLS } = require(join(ROOT, 'apps', 'chat', 'dist', 'actions', 'model-tools.constants.js'));
const N = arg('n', 300);
const ROUNDS = arg('rounds', 3);
const ANSWER =
  'Our call-out fee is 65 pounds on weekdays and 95 pounds at weekends. A plumber can usually be with you within two hours; ' +
  'tell me your postcode and a good time and I will book it.';

let arrived = NaN;
const mock = await startMockLlm({
  apiKey: 'sk-bench',
  responder: () => {
    arrived = performance.now();
    return { type: 'text', text: ANSWER };
  },
});
const router = createLlmRouter(
  {
    openai: { apiKey: 'sk-bench', baseUrl: mock.url },
    gemini: {},
    ollama: {},
    llamacpp: {},
    timeouts: { overallMs: 20_000, firstTokenMs: 10_000 },
    embedding: { provider: 'none' },
  },
  { logger: { warn: () => undefined } },
);
const history = Array.from({ length: 8 }, (_, i) => ({
  role: i % 2 ? 'assistant' : 'user',
  content: i % 2 ? ANSWER : `Question ${i}: how much is the call-out fee at weekends, and can you come today?`,
}));
const request = (i) => ({
  tenantId: '00000000-0000-4000-8000-000000000001',
  llm: { primary: { provider: 'openai', model: 'mock-model' }, fallbacks: [] },
  persona: { displayName: 'Pipe Dreams Plumbing', persona: 'A friendly local plumber.', tone: 'friendly', allowedTopics: [] },
  history,
  userMessage: `Do you fix boilers as well, and how quickly can someone come? (ref q${i})`,
  firstTurn: false,
  knowledge: [
    {
      chunkId: 'c1',
      documentId: 'd1',
      title: 'Prices',
      text: 'Call-out fee: 65 pounds on weekdays and 95 pounds at weekends.',
      score: 0.9,
    },
    { chunkId: 'c2', documentId: 'd2', title: 'Boilers', text: 'We repair and service all major boiler brands.', score: 0.5 },
  ],
  directives: [],
  tools: MODEL_TOOLS,
  signal: new AbortController().signal,
});

async function viaRouter(i) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let first = NaN;
  await router.generate(request(i), {
    onToken: (t) => {
      if (Number.isNaN(first) && t.length > 0) first = performance.now() - t0;
    },
  });
  const cpu = process.cpuUsage(cpu0);
  return [first, arrived - t0, (cpu.user + cpu.system) / 1000];
}

async function direct(body) {
  const r = await streamTimed(`${mock.url}/chat/completions`, { authorization: 'Bearer sk-bench' }, body, mockFirst);
  return [r.ttft, arrived - r.t0];
}

const lastBody = () => mock.requests.filter((r) => r.path === '/v1/chat/completions').at(-1).rawBody;
const pct = (s, p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
try {
  for (let i = 0; i < 50; i++) {
    await viaRouter(i);
    await direct(lastBody());
  }
  console.log(`llm client TTFT, ms (n=${N} per variant and round; load ${load()})`);
  console.log(
    '| round | direct p50 / p90 | router p50 / p90 | added p50 / p90 | to the request at the mock p50: direct / router | router CPU ms per call (mean, the mock included) |',
  );
  console.log('|---|---|---|---|---|---|');
  for (let round = 1; round <= ROUNDS; round++) {
    const d = [];
    const r = [];
    const dr = [];
    const rr = [];
    let routerCpu = 0;
    for (let i = 0; i < N; i++) {
      const [rf, ra, rc] = await viaRouter(i);
      routerCpu += rc;
      const [df, da] = await direct(lastBody());
      r.push(rf);
      rr.push(ra);
      d.push(df);
      dr.push(da);
      mock.requests.length = 0;
    }
    for (const v of [d, r, dr, rr]) v.sort((a, b) => a - b);
    const f = (v) => v.toFixed(2);
    console.log(
      `| ${round} | ${f(pct(d, 0.5))} / ${f(pct(d, 0.9))} | ${f(pct(r, 0.5))} / ${f(pct(r, 0.9))} | ${f(pct(r, 0.5) - pct(d, 0.5))} / ${f(pct(r, 0.9) - pct(d, 0.9))} | ${f(pct(dr, 0.5))} / ${f(pct(rr, 0.5))} | ${(routerCpu / N).toFixed(3)} |`,
    );
  }
} finally {
  await mock.close();
}
