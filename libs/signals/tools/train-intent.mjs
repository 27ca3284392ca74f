#!/usr/bin/env node
// Trains the L1b intent model (hashed character n-gram + word features, one-vs-rest logistic
// regression over the seven intents) that decides a message's or conversation's intent when the
// intent rules find no cue (docs/extraction.md, "The learned intent model").
//
// Data: every labelled conversation set in bench/extraction except the unseen-* sets not yet
// retired (an unseen set is scored once, then retired into the pool), pooled and
// split by the extraction split (splitOf: fixed seed, by conversation id, 50/25/25). The model is
// trained on train, the threshold for "the model decides" is chosen on dev (rules + model, the
// combination the extractor runs), then the model is retrained on train + dev with the same
// options. The test split is never read here (bench/extraction/eval.mjs --pool --split test
// scores it, once per release). Deterministic: the same sets and options give the same weights.
// Usage: node scripts/build.mjs libs/signals && node libs/signals/tools/train-intent.mjs [--check | --dry]
//   --check  retrain and compare the weights' sha256 with the committed model (exit 1 if not equal)
//   --bits N --epochs N --lr X --l2 X --pos X --min-n N --max-n N (tuning on dev; --dry writes nothing)
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const root = new URL('../../../', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const dist = `${root}libs/signals/dist`;
const { parseLabelledConversations, splitOf } = require(`${dist}/extraction/evaluation/evaluate-extraction.util.js`);
const { vectorize } = require(`${dist}/classifier/text-features.util.js`);
const { trainLogistic, quantize } = require(`${dist}/classifier/train-logistic.util.js`);
const { encodeBase64 } = require(`${dist}/classifier/base64.util.js`);
const { classifyIntent } = require(`${dist}/extraction/classify/intent.classifier.js`);
const { normalizeText } = require(`${dist}/normalize/normalize-text.util.js`);
const { createIntentModel, hasIntentContent } = require(`${dist}/extraction/classify/intent-model.js`);
const { INTENTS } = require(`${dist}/extraction/extraction.types.js`);
const { INTENT_PRECEDENCE } = require(`${dist}/extraction/classify/intent.rules.js`);

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const features = { bits: arg('--bits', 14), minN: arg('--min-n', 2), maxN: arg('--max-n', 5), words: true };
const opts = {
  buckets: 1 << features.bits,
  labels: INTENTS.length,
  seed: arg('--seed', 7),
  epochs: arg('--epochs', 20),
  learningRate: arg('--lr', 0.3),
  l2: arg('--l2', 1e-3),
  positiveWeight: arg('--pos', 2),
};
const outFile = `${root}libs/signals/src/extraction/classify/intent-model.data.ts`;

const setsDir = `${root}bench/extraction`;
// An unseen set is scored once as its own figure; after that it is retired and joins the pool.
const RETIRED_UNSEEN = ['unseen-1.jsonl'];
const sets = readdirSync(setsDir)
  .filter((f) => f.endsWith('.jsonl') && (!f.startsWith('unseen-') || RETIRED_UNSEEN.includes(f)))
  .sort();
const pool = sets.flatMap((f) => parseLabelledConversations(readFileSync(`${setsDir}/${f}`, 'utf8')));
const train = pool.filter((c) => splitOf(c.id) === 'train');
const dev = pool.filter((c) => splitOf(c.id) === 'dev');

/** Mean of the messages' L2-normalised vectors (what a running conversation's score sum stands for). */
function conversationVector(all) {
  const messages = all.filter(hasIntentContent);
  const sum = new Map();
  for (const text of messages) {
    const v = vectorize(text, features);
    v.idx.forEach((b, k) => sum.set(b, (sum.get(b) ?? 0) + v.val[k] / messages.length));
  }
  const idx = Int32Array.from([...sum.keys()].sort((a, b) => a - b));
  return { idx, val: Float32Array.from(idx, (b) => sum.get(b)) };
}
const examplesOf = (conversations) =>
  conversations.map((c) => ({ ...conversationVector(c.messages), targets: INTENTS.map((l) => (c.expected.intent === l ? 1 : 0)) }));

function modelData(trained, conversations, threshold) {
  const { data, scales } = quantize(trained.weights);
  const weightsSha256 = createHash('sha256').update(data).digest('hex');
  return {
    version: `l1b-intent-ngram-lr-${new Date().toISOString().slice(0, 10)}`,
    features,
    labels: [...INTENTS],
    scales,
    bias: trained.bias.map((b) => Number(b.toPrecision(9))),
    threshold,
    weights: encodeBase64(new Uint8Array(data.buffer)),
    weightsSha256,
    trainedOn: {
      sets,
      split: 'splitOf(conversation id), train + dev',
      conversations: conversations.length,
      seed: opts.seed,
      options: { epochs: opts.epochs, learningRate: opts.learningRate, l2: opts.l2, positiveWeight: opts.positiveWeight },
    },
  };
}

// The rules' conversation decision, as the extractor makes it: rule intents of confidence >= 0.5 by precedence.
function rulesOf(c) {
  const found = c.messages.map((t) => classifyIntent(t, normalizeText(t))).filter((i) => i.confidence >= 0.5);
  for (const label of INTENT_PRECEDENCE) if (found.some((i) => i.label === label)) return label;
  return undefined;
}
function decide(model, c, threshold) {
  const rule = rulesOf(c);
  if (rule !== undefined) return rule;
  const messages = c.messages.filter(hasIntentContent);
  if (messages.length === 0) return 'other';
  const sum = new Array(INTENTS.length).fill(0);
  for (const t of messages) model.messageScores(t).forEach((s, l) => (sum[l] += s));
  const p = model.probabilities(sum, messages.length);
  const top = Math.max(...p);
  return top >= threshold ? INTENTS[p.indexOf(top)] : 'other';
}

const devModel = createIntentModel(modelData(trainLogistic(examplesOf(train), opts), train, 0));
const accuracy = (t) => dev.filter((c) => decide(devModel, c, t) === c.expected.intent).length / dev.length;
let best = { t: 1, acc: accuracy(1.01) };
console.log(
  `pool ${pool.length} conversations from ${sets.length} sets; train ${train.length}, dev ${dev.length}; ${JSON.stringify(features)} ${JSON.stringify(opts)}`,
);
console.log(`dev accuracy, rules alone: ${best.acc.toFixed(3)}`);
for (let t = 0.15; t <= 0.901; t += 0.05) {
  const acc = accuracy(t);
  if (acc > best.acc + 1e-9) best = { t: Number(t.toFixed(2)), acc };
}
const modelAlone = dev.filter((c) => {
  const messages = c.messages.filter(hasIntentContent);
  const sum = new Array(INTENTS.length).fill(0);
  for (const t of messages) devModel.messageScores(t).forEach((s, l) => (sum[l] += s));
  const p = devModel.probabilities(sum, messages.length);
  return INTENTS[p.indexOf(Math.max(...p))] === c.expected.intent;
}).length;
console.log(
  `dev accuracy, model alone: ${(modelAlone / dev.length).toFixed(3)}; rules + model: ${best.acc.toFixed(3)} at threshold ${best.t}`,
);

const final = [...train, ...dev];
const model = modelData(trainLogistic(examplesOf(final), opts), final, best.t);
console.log(`weights sha256 ${model.weightsSha256}, trained on ${final.length} conversations`);
if (process.argv.includes('--check')) {
  const { INTENT_MODEL } = require(`${dist}/extraction/classify/intent-model.data.js`);
  console.log(`committed ${INTENT_MODEL.weightsSha256}`);
  if (INTENT_MODEL.weightsSha256 !== model.weightsSha256) process.exitCode = 1;
} else if (!process.argv.includes('--dry')) {
  const body = `// Written by libs/signals/tools/train-intent.mjs; do not edit by hand (retrain instead).\nimport type { IntentModelData } from './intent-model.types';\n\nexport const INTENT_MODEL: IntentModelData = ${JSON.stringify(model, null, 2)};\n`;
  writeFileSync(outFile, body);
  console.log(`wrote ${outFile}`);
}
