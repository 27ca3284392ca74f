#!/usr/bin/env node
// CPU per call of a model call's deadline as tenant-intelligence's ModelExtractionService builds it
// per event: AbortSignal.timeout + AbortSignal.any with the consumer's signal (before 2026-12-07's
// seventh pass) against one AbortController with a cleared timer and a removed listener (after).
// Interleaved rounds in one process; the timers of the first variant stay pending (as they did).
//
//   node bench/chat-path/abort-deadline.mjs [--n 200000] [--rounds 3]
import { arg, load } from './cli.mjs';

const N = arg('n', 200_000);
const ROUNDS = arg('rounds', 3);
const consumer = new AbortController().signal;

const variants = {
  'AbortSignal.timeout + any': () => AbortSignal.any([consumer, AbortSignal.timeout(30_000)]),
  'controller, cleared timer': () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), 30_000);
    timer.unref();
    const onAbort = () => controller.abort(consumer.reason);
    consumer.addEventListener('abort', onAbort, { once: true });
    // The call is over.
    clearTimeout(timer);
    consumer.removeEventListener('abort', onAbort);
    return controller.signal;
  },
};

console.log(`CPU µs per deadline, n=${N} per round, load ${load()}`);
for (let round = 1; round <= ROUNDS; round++)
  for (const [name, make] of Object.entries(variants)) {
    const cpu = process.cpuUsage();
    for (let i = 0; i < N; i++) make();
    const used = process.cpuUsage(cpu);
    console.log(`round ${round} ${name}: ${((used.user + used.system) / N).toFixed(2)}`);
  }
console.log(`load after ${load()}`);
process.exit(0);
