// Shared by the in-process model-client benchmarks (llm-cpu.mjs, llm-layers.mjs):
// - the bench's mock OpenAI-compatible model in a process of its own (this file with --serve), so
//   the benchmark's CPU time holds the client only: chat requests get ANSWER, tenant-intelligence's
//   structured extraction EXTRACTION_ANSWER, streaming, no delay;
// - openLlmBench(): the services' telemetry (libs/observability: AsyncLocalStorage context, http
//   instrumentation), that mock, a libs/llm config pointing at it and inSpan(fn) (fn inside a parent
//   span, as a turn's or an event's work is).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ANSWER, EXTRACTION_ANSWER } from './mock-answers.mjs';

export { ANSWER, EXTRACTION_ANSWER };
const SELF = fileURLToPath(import.meta.url);

/** Starts this file as a child process; resolves with its URL, pid and a close(). */
function startMockChild() {
  const child = spawn(process.execPath, [SELF, '--serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`mock exited with ${code}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line)
        resolve({
          url: JSON.parse(line).url,
          pid: child.pid,
          close: () => new Promise((done) => (child.removeAllListeners('exit'), child.once('exit', done), child.kill('SIGTERM'))),
        });
    });
  });
}

const ROOT = join(dirname(SELF), '..', '..');
const require = createRequire(import.meta.url);

/** libs/llm's config with provider `openai` at `url` (generous timeouts: nothing here should fall back). */
export const llmConfig = (url) => ({
  openai: { apiKey: 'sk-bench', baseUrl: url },
  gemini: {},
  ollama: {},
  llamacpp: {},
  timeouts: { overallMs: 20_000, firstTokenMs: 10_000 },
  embedding: { provider: 'none' },
});

/** Telemetry on (before anything loads http), the mock started: { mock, config, inSpan, close }. */
export async function openLlmBench(label) {
  const { startTelemetry } = require(join(ROOT, 'libs', 'observability', 'dist', 'startup', 'index.js'));
  const stopTelemetry = startTelemetry({ serviceName: `${label}-bench` });
  const tracer = require('@opentelemetry/api').trace.getTracer(`${label}-bench`);
  const mock = await startMockChild();
  return {
    mock,
    config: llmConfig(mock.url),
    inSpan: (fn) =>
      tracer.startActiveSpan('turn', async (span) => {
        try {
          return await fn();
        } finally {
          span.end();
        }
      }),
    async close() {
      await mock.close();
      await stopTelemetry();
    },
  };
}

if (process.argv.includes('--serve')) {
  const { startMockLlm } = require(join(ROOT, 'libs', 'testing', 'dist', 'index.js'));
  const mock = await startMockLlm({
    apiKey: 'sk-bench',
    responder: (body) => {
      mock.requests.length = 0;
      const system = body?.messages?.[0];
      const extraction = system?.role === 'system' && String(system.content).startsWith('You extract CRM facts');
      return { type: 'text', text: extraction ? EXTRACTION_ANSWER : ANSWER };
    },
  });
  console.log(JSON.stringify({ url: mock.url }));
  const stop = () => mock.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.stdin.on('end', stop).resume();
}
