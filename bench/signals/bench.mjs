#!/usr/bin/env node
// Latency of all L1a detectors together on 2 KB messages: p50/p99/max per detect() call after a
// warm-up. Budget (ARCHITECTURE.md, issue 5): p99 < 1 ms. Run with `npm run bench:signals`
// (builds libs/signals first). Flags: --iterations N (default 20000), --json, --rules-only
// (classifier off), --cpu (time each call by process CPU time instead of wall clock: on a
// shared, overloaded machine the wall-clock tail is the scheduler's, not the detector's).
import { createRequire } from 'node:module';
import os from 'node:os';
import { benchMessages, SIZE } from './messages-2k.mjs';

const root = new URL('../../', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const { createSignalDetector, parseLabelledMessages } = require(`${root}libs/signals/dist/index.js`);

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ITERATIONS = arg('--iterations', 20000);
const WARMUP = 3000;

// 2 KB messages (messages-2k.mjs): the evaluation set, the multilingual corpus, adversarial shapes.
const corpus = benchMessages(root, parseLabelledMessages);

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
