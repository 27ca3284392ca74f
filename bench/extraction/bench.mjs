#!/usr/bin/env node
// Latency of extractMessage() (L1b, deterministic): p50/p99/max per call after a warm-up, on the
// customer messages of the labelled set and on 2 KB / 20 KB adversarial messages. L1b runs async
// on the turn event (budget: seconds), so this guards against pathological regex cost, not a
// tight budget. Build libs/signals first: `node scripts/build.mjs libs/signals`.
// Flags: --iterations N (default 5000), --json.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const root = new URL('../../', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const { extractMessage, parseLabelledConversations } = require(`${root}libs/signals/dist/index.js`);

const i = process.argv.indexOf('--iterations');
const ITERATIONS = i >= 0 ? Number(process.argv[i + 1]) : 5000;
const catalogueTerms = [
  'combi boiler',
  'power flush',
  'MOT',
  'service',
  'hygienist',
  'check-up',
  'viewing',
  'valuation',
  'table',
  'brunch',
];

const messages = parseLabelledConversations(readFileSync(`${root}bench/extraction/conversations.jsonl`, 'utf8')).flatMap((c) => c.messages);
const joined = messages.join(' ');
const corpus = {
  real: messages,
  '2KB': [joined.slice(0, 2048), joined.slice(5000, 7048)],
  '20KB': [joined.slice(0, 20_000), '07700 900123 '.repeat(1538).slice(0, 20_000), "i'm ".repeat(5000), 'a'.repeat(20_000)],
};

function measure(texts) {
  for (let k = 0; k < 200; k += 1) extractMessage(texts[k % texts.length], { catalogueTerms });
  const n = Math.max(texts.length, Math.min(ITERATIONS, texts.length * 20));
  const samples = new Float64Array(n);
  for (let k = 0; k < n; k += 1) {
    const t0 = performance.now();
    extractMessage(texts[k % texts.length], { catalogueTerms });
    samples[k] = performance.now() - t0;
  }
  samples.sort();
  const q = (p) => samples[Math.min(n - 1, Math.floor(p * n))];
  return { calls: n, p50: q(0.5), p99: q(0.99), max: samples[n - 1] };
}

const report = Object.fromEntries(Object.entries(corpus).map(([name, texts]) => [name, measure(texts)]));
if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
else
  for (const [name, r] of Object.entries(report))
    console.log(`${name.padEnd(5)} calls=${r.calls} p50=${r.p50.toFixed(3)}ms p99=${r.p99.toFixed(3)}ms max=${r.max.toFixed(3)}ms`);
