#!/usr/bin/env node
// Latency of all L1a detectors together on 2 KB messages: p50/p99/max per detect() call after a
// warm-up. Budget (ARCHITECTURE.md, issue 5): p99 < 1 ms. Run with `npm run bench:signals`
// (builds libs/signals first). Flags: --iterations N (default 20000), --json, --rules-only
// (classifier off), --cpu (time each call by process CPU time instead of wall clock: on a
// shared, overloaded machine the wall-clock tail is the scheduler's, not the detector's).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';

const root = new URL('../../', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const { createSignalDetector, parseLabelledMessages } = require(`${root}libs/signals/dist/index.js`);

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ITERATIONS = arg('--iterations', 20000);
const WARMUP = 3000;
const SIZE = 2048;

// 2 KB messages built from the evaluation set (real phrasing, signals and hard negatives mixed),
// plus adversarial shapes: one long word, near-miss vocabulary, no punctuation at all.
const texts = parseLabelledMessages(readFileSync(`${root}libs/signals/eval/messages.jsonl`, 'utf8')).map((m) => m.text);
function fill(start, joiner) {
  let out = '';
  for (let i = start; out.length < SIZE; i = (i + 7) % texts.length) out += texts[i] + joiner;
  return out.slice(0, SIZE);
}
const corpus = [];
for (let k = 0; k < 40; k += 1) corpus.push(fill((k * 13) % texts.length, k % 2 ? ' ' : '. '));
// 2 KB messages from the multilingual corpus (libs/signals/corpus), two per language: one
// mixed, one of hard negatives only. The English rules rarely fire on them, so the classifier
// always runs (it is skipped only when the rules already found urgency, safety and escalation,
// which is the case for most of the English messages above).
for (const file of readdirSync(`${root}libs/signals/corpus`)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()) {
  const lang = parseLabelledMessages(readFileSync(`${root}libs/signals/corpus/${file}`, 'utf8'));
  for (const pool of [lang.map((m) => m.text), lang.filter((m) => m.hardNegative).map((m) => m.text)]) {
    let out = '';
    for (let i = 0; out.length < SIZE; i = (i + 11) % pool.length) out += `${pool[i]}. `;
    corpus.push(out.slice(0, SIZE));
  }
}
corpus.push('a'.repeat(SIZE));
corpus.push('gas pipe boiler heating baby locked booking tonight speak to not if '.repeat(40).slice(0, SIZE));
corpus.push(fill(5, ' ').replace(/[.!?,;:]/g, ''));
corpus.push('I can smell gas and the pipe has burst and water is everywhere! '.repeat(40).slice(0, SIZE));

const detector = createSignalDetector(undefined, process.argv.includes('--rules-only') ? { classifier: false } : {});
let sink = 0;
for (let i = 0; i < WARMUP; i += 1) sink += detector.detect(corpus[i % corpus.length]).length;

const samples = new Float64Array(ITERATIONS);
const CPU = process.argv.includes('--cpu');
for (let i = 0; i < ITERATIONS; i += 1) {
  const text = corpus[i % corpus.length];
  if (CPU) {
    const c0 = process.cpuUsage();
    sink += detector.detect(text).length;
    const c = process.cpuUsage(c0);
    samples[i] = (c.user + c.system) / 1000;
    continue;
  }
  const t0 = process.hrtime.bigint();
  sink += detector.detect(text).length;
  samples[i] = Number(process.hrtime.bigint() - t0) / 1e6;
}
samples.sort();
const q = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
const result = {
  node: process.version,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  messageBytes: SIZE,
  messages: corpus.length,
  rules: detector.ruleIds.length,
  classifier: !process.argv.includes('--rules-only'),
  clock: CPU ? 'process cpu time' : 'wall clock',
  iterations: ITERATIONS,
  p50ms: q(0.5),
  p90ms: q(0.9),
  p99ms: q(0.99),
  maxms: samples[samples.length - 1],
  meanms: mean,
  findings: sink,
};
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(
    `node ${result.node}, ${result.cpus} cores (${result.cpu}), ${result.rules} rules, classifier ${result.classifier ? 'on' : 'off'}, ${result.clock}, load average ${os.loadavg()[0].toFixed(1)}`,
  );
  console.log(`${ITERATIONS} calls over ${corpus.length} messages of ${SIZE} chars after ${WARMUP} warm-up calls`);
  console.log(
    `p50 ${result.p50ms.toFixed(3)} ms  p90 ${result.p90ms.toFixed(3)} ms  p99 ${result.p99ms.toFixed(3)} ms  max ${result.maxms.toFixed(3)} ms  mean ${result.meanms.toFixed(3)} ms`,
  );
}
if (result.p99ms >= 1) {
  console.error(`p99 ${result.p99ms.toFixed(3)} ms is over the 1 ms budget`);
  process.exitCode = 1;
}
