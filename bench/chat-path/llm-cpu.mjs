#!/usr/bin/env node
// CPU per model call of libs/llm as the services run it, two builds interleaved in one process.
//
// With the services' telemetry on (libs/observability: AsyncLocalStorage context, http
// instrumentation; every call inside a parent span, as a turn's or an event's work is) and the
// mock OpenAI-compatible model in a child process (llm-bench.fixture.mjs: its CPU is not counted), it
// runs per build:
//   chat     LlmRouter.generate() with provider `openai` (LangChain's Chat Completions model, the
//            OpenAI SDK, PII pseudonymization, chat's action tools bound), a turn like the chat
//            bench's (8 history messages, 2 passages), to the end of the answer;
//   extract  completeStructured() with tenant-intelligence's extraction prompt and schema (its dist);
//   offline  LlmRouter.generate() with the offline responder on the same turn;
//   embed    createEmbedder({ provider: 'openai' }).embedQuery() of a question (1536 floats back; not in the default --only);
// `--c` calls at a time (1: one after another; 8: as a busy service overlaps them), `--n` calls per
// variant and round, `--rounds` rounds, variants interleaved (A, B, A, B ...). Prints client CPU µs
// per call (process.cpuUsage over the round / n) and p50 ms to the first token (to the end for
// extract). A is `--a <checkout>` (its libs/llm and apps/*/dist, e.g. a worktree of the commit
// before); without it only this checkout runs. `--only chat,offline` picks variants; `--builds B`
// runs one build (for `node --cpu-prof`).
//
//   npm run build && node bench/chat-path/llm-cpu.mjs --a /tmp/ab-cpu [--n 300] [--rounds 4] [--c 1]
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg, load } from './cli.mjs';
import { flag } from './traced-db.fixture.mjs';
import { ANSWER, openLlmBench } from './llm-bench.fixture.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const A = flag('a', null);
const N = arg('n', 300);
const ROUNDS = arg('rounds', 4);
const C = arg('c', 1);
const ONLY = flag('only', 'chat,extract,offline').split(',');
const BUILDS = flag('builds', A ? 'A,B' : 'B').split(',');

const bench = await openLlmBench('llm-cpu');
const { inSpan, config } = bench;

function build(root) {
  const llm = require(join(root, 'libs', 'llm', 'dist', 'index.js'));
  const { MODEL_TOOLS } = require(join(root, 'apps', 'chat', 'dist', 'actions', 'model-tools.constants.js'));
  const intel = require(join(root, 'apps', 'tenant-intelligence', 'dist', 'extraction', 'llm-extraction.mapper.js'));
  const router = llm.createLlmRouter(config, { logger: { warn: () => undefined } });
  const embedder = llm.createEmbedder({ provider: 'openai', apiKey: 'sk-bench', baseUrl: config.openai.baseUrl, model: 'mock-embed' });
  return { llm, MODEL_TOOLS, intel, router, embedder };
}

const history = Array.from({ length: 8 }, (_, i) => ({
  role: i % 2 ? 'assistant' : 'user',
  content: i % 2 ? ANSWER : `Question ${i}: how much is the call-out fee at weekends, and can you come today?`,
}));
const knowledge = [
  { chunkId: 'c1', documentId: 'd1', title: 'Prices', text: 'Call-out fee: 65 pounds on weekdays and 95 pounds at weekends.', score: 0.9 },
  { chunkId: 'c2', documentId: 'd2', title: 'Boilers', text: 'We repair and service all major boiler brands.', score: 0.5 },
];
const turn = (b, provider, i) => ({
  tenantId: '00000000-0000-4000-8000-000000000001',
  llm: { primary: { provider, model: provider === 'offline' ? 'retrieval' : 'mock-model' }, fallbacks: [] },
  persona: { displayName: 'Pipe Dreams Plumbing', persona: 'A friendly local plumber.', tone: 'friendly', allowedTopics: [] },
  history,
  userMessage: `Do you fix boilers as well, and how quickly can someone come? (ref q${i})`,
  firstTurn: false,
  knowledge,
  directives: [],
  tools: provider === 'offline' ? undefined : b.MODEL_TOOLS,
  signal: new AbortController().signal,
});

/** One call of a variant; resolves with ms to the first token (or to the end). */
const generate = (provider) => (b) => async (i) => {
  const t0 = performance.now();
  let first = NaN;
  await inSpan(() =>
    b.router.generate(turn(b, provider, i), {
      onToken: (t) => {
        if (Number.isNaN(first) && t.length > 0) first = performance.now() - t0;
      },
    }),
  );
  return first;
};
const calls = {
  chat: generate('openai'),
  offline: generate('offline'),
  embed: (b) => async (i) => {
    const t0 = performance.now();
    await inSpan(() => b.embedder.embedQuery(`Do you fix boilers as well? (ref m${i})`));
    return performance.now() - t0;
  },
  extract: (b) => async (i) => {
    const t0 = performance.now();
    await inSpan(() =>
      b.llm.completeStructured(b.router, {
        tenantId: '00000000-0000-4000-8000-000000000001',
        llm: { primary: { provider: 'openai', model: 'mock-model' }, fallbacks: [] },
        system: b.intel.LLM_EXTRACTION_SYSTEM_PROMPT,
        text: `Hi, do you fix boilers as well? How quickly can someone come? (ref e${i})`,
        schema: b.intel.llmExtractionSchema,
        signal: AbortSignal.timeout(10_000),
        maxOutputTokens: 400,
      }),
    );
    return performance.now() - t0;
  },
};

/** n calls, C at a time: client CPU µs per call and p50 ms. */
async function round(fn, n) {
  const t = [];
  let next = 0;
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (next < n) t.push(await fn(next++));
    }),
  );
  const used = process.cpuUsage(cpu);
  t.sort((a, b) => a - b);
  return { cpuUs: Math.round((used.user + used.system) / n), p50: t[Math.floor(n / 2)] };
}

const builds = {};
if (BUILDS.includes('A')) builds[`A ${A}`] = build(A);
if (BUILDS.includes('B')) builds['B this checkout'] = build(ROOT);
try {
  for (const variant of ONLY) {
    const fns = Object.fromEntries(Object.entries(builds).map(([name, b]) => [name, calls[variant](b)]));
    for (const fn of Object.values(fns)) await round(fn, 50);
    const results = {};
    const loads = [load()];
    for (let r = 0; r < ROUNDS; r++) for (const [name, fn] of Object.entries(fns)) (results[name] ??= []).push(await round(fn, N));
    loads.push(load());
    console.log(`\n${variant}: n=${N} per round, c=${C}, load ${loads.join(' -> ')}`);
    console.log(
      `| build | ${Array.from({ length: ROUNDS }, (_, i) => `round ${i + 1} CPU µs/call (p50 ms)`).join(' | ')} | median CPU µs |`,
    );
    console.log(`|---|${'---|'.repeat(ROUNDS + 1)}`);
    for (const [name, rs] of Object.entries(results)) {
      const med = rs.map((r) => r.cpuUs).sort((a, b) => a - b)[Math.floor(rs.length / 2)];
      console.log(`| ${name} | ${rs.map((r) => `${r.cpuUs} (${r.p50.toFixed(2)})`).join(' | ')} | ${med} |`);
    }
  }
} finally {
  await bench.close();
}
