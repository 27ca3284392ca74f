#!/usr/bin/env node
// Assigns every corpus message to train/dev/test (fixed seed, stable hash of the id, stratified
// by language x label x hard negative) and writes libs/signals/corpus/split.json. Ids already in
// split.json keep their split; new ids are assigned by hash threshold only, so the frozen test
// split never changes membership. Prints the test split's sha256 (recorded in docs/signals.md).
// Usage: node scripts/build.mjs libs/signals && node libs/signals/tools/split.mjs [--check]
import { writeFileSync } from 'node:fs';
import { loadCorpus, loadSplit, splitChecksum, signals, splitFile } from './corpus.util.mjs';

const messages = loadCorpus();
const existing = loadSplit();
const assigned = signals.assignSplits(messages, signals.CORPUS_SPLIT_SEED, existing?.byId);
const byName = { train: [], dev: [], test: [] };
for (const m of messages) byName[assigned[m.id]].push(m);
const sums = Object.fromEntries(Object.entries(byName).map(([k, v]) => [k, splitChecksum(v)]));
const manifest = {
  seed: signals.CORPUS_SPLIT_SEED,
  note: 'Written by libs/signals/tools/split.mjs. The test split is frozen: score it once per release, never tune on it.',
  counts: Object.fromEntries(Object.entries(byName).map(([k, v]) => [k, v.length])),
  sha256: sums,
  train: byName.train.map((m) => m.id),
  dev: byName.dev.map((m) => m.id),
  test: byName.test.map((m) => m.id),
};
if (process.argv.includes('--check')) {
  const same = existing && ['train', 'dev', 'test'].every((k) => JSON.stringify(existing.manifest[k]) === JSON.stringify(manifest[k]));
  const sumOk = existing && existing.manifest.sha256.test === sums.test;
  console.log(same && sumOk ? 'split.json is up to date' : 'split.json differs from a fresh assignment');
  if (!same || !sumOk) process.exitCode = 1;
} else {
  writeFileSync(splitFile, `${JSON.stringify(manifest, null, 1)}\n`);
  console.log(JSON.stringify(manifest.counts), 'test sha256', sums.test);
}
