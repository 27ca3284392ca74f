#!/usr/bin/env node
// Trains the two learned L1b models that sit beside the extraction rules (docs/extraction.md,
// "The learned intent and sentiment models"): hashed character n-gram + word features plus one
// "the rules said X" feature, one-vs-rest logistic regression.
//   intent:    the seven intents; the rule feature is the intent rules' finding for each message.
//   sentiment: negative / neutral / positive; the rule feature is the lexicon's label. Used only
//              for messages the lexicon scores 0 (fillSentiment).
// Data: every labelled conversation set in bench/extraction except the unseen-* sets not yet
// retired (an unseen set is scored once, then retired into the pool), pooled and split by the
// extraction split (splitOf: fixed seed, by conversation id, 50/25/25). Each model is trained on
// train; its threshold is chosen on dev with the decision the extractor makes; then it is
// retrained on train + dev with the same options. Round 18: the intent model's threshold and rule
// margin are chosen by cross-validation grouped by set (crossValidateIntent below), not on dev alone.
// The test split is never read here
// (`npm run eval:extraction -- --pool --split test` scores it, once per release). Deterministic.
// Usage: node scripts/build.mjs libs/signals && node libs/signals/tools/train-conversation-models.mjs [--check | --dry]
//   --check  retrain and compare both models' weights sha256, threshold and rule margin with the committed ones (exit 1 if not equal)
//   --bits N --epochs N --lr X --l2 X --pos X --rule-weight X (tuning on dev; --dry writes nothing)
//   --dev-exclude <id prefix>  also print dev accuracy without one set's conversations
//   --dev-errors  list the dev conversations each model's decision gets wrong
//   --cv-folds N  folds of the intent cross-validation (default 7; sets are dealt to folds in name order)
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { poolSets } from './extraction-sets.mjs';

const root = new URL('../../../', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const dist = `${root}libs/signals/dist`;
const { parseLabelledConversations, splitOf } = require(`${dist}/extraction/evaluation/evaluate-extraction.util.js`);
const { vectorize } = require(`${dist}/classifier/text-features.util.js`);
const { trainLogistic, quantize } = require(`${dist}/classifier/train-logistic.util.js`);
const { encodeBase64 } = require(`${dist}/classifier/base64.util.js`);
const { classifyIntent } = require(`${dist}/extraction/classify/intent.classifier.js`);
const { scoreSentiment, labelOf } = require(`${dist}/extraction/classify/sentiment.scorer.js`);
const { normalizeText } = require(`${dist}/normalize/normalize-text.util.js`);
const { createConversationModel, hasEnoughWords, bucketsOf } = require(`${dist}/extraction/classify/conversation-model.js`);
const { INTENTS, SENTIMENT_LABELS } = require(`${dist}/extraction/extraction.types.js`);
const { decideIntent, ruleIntentLabel } = require(`${dist}/extraction/classify/intent-decision.util.js`);
const { conversationSentiment } = require(`${dist}/extraction/merge-conversation.js`);

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const features = { bits: arg('--bits', 15), minN: arg('--min-n', 2), maxN: arg('--max-n', 5), words: true };
const RULE_WEIGHT = arg('--rule-weight', 0.5);
const baseOptions = { seed: arg('--seed', 7), epochs: arg('--epochs', 20), learningRate: arg('--lr', 0.3), l2: arg('--l2', 1e-3) };

const setsDir = `${root}bench/extraction`;
const sets = poolSets(setsDir);
const pool = sets.flatMap((f) => parseLabelledConversations(readFileSync(`${setsDir}/${f}`, 'utf8')).map((c) => ({ ...c, set: f })));
const train = pool.filter((c) => splitOf(c.id) === 'train');
const dev = pool.filter((c) => splitOf(c.id) === 'dev');

const intentRule = (text) => ruleIntentLabel(classifyIntent(text, normalizeText(text)));
const lexicon = (text) => scoreSentiment(normalizeText(text));

const TASKS = {
  intent: {
    labels: INTENTS,
    target: (c) => c.expected.intent,
    rule: intentRule,
    positiveWeight: arg('--pos', 2),
    // Round 15: also pick the margin by which the model must lead the rules' own finding (decideIntent).
    ruleMargin: true,
    outFile: `${root}libs/signals/src/extraction/classify/intent-model.data.ts`,
    constName: 'INTENT_MODEL',
    typeArg: 'Intent',
    version: 'l1b-intent-ngram-lr',
    /** The extractor's conversation decision (decideIntent) for one labelled conversation. */
    decide(model, c) {
      const messages = c.messages.filter(hasEnoughWords);
      const ruleResults = c.messages.map((t) => classifyIntent(t, normalizeText(t)));
      let sum;
      for (const t of messages) {
        const s = model.messageScores(t, intentRule(t));
        sum = sum === undefined ? s : s.map((v, i) => v + sum[i]);
      }
      return decideIntent(ruleResults, sum, messages.length, model).label;
    },
  },
  sentiment: {
    labels: SENTIMENT_LABELS,
    target: (c) => c.expected.sentiment,
    rule: (text) => lexicon(text).label,
    positiveWeight: 1,
    outFile: `${root}libs/signals/src/extraction/classify/sentiment-model.data.ts`,
    constName: 'SENTIMENT_MODEL',
    typeArg: 'SentimentLabel',
    version: 'l1b-sentiment-ngram-lr',
    /** The extractor's end sentiment: lexicon per message, the model where it scores 0, then conversationSentiment. */
    decide(model, c) {
      const extractions = c.messages.map((t) => {
        const lex = lexicon(t);
        let sentiment = lex;
        if (lex.score === 0 && hasEnoughWords(t)) {
          const p = model.probabilities(model.messageScores(t, lex.label), 1);
          const [neg, neu, pos] = ['negative', 'neutral', 'positive'].map((l) => p[model.labels.indexOf(l)]);
          if (Math.max(pos, neg) >= model.threshold && Math.max(pos, neg) > neu) {
            const score = Math.round((pos - neg) * 100) / 100;
            sentiment = { score, label: labelOf(score) };
          }
        }
        return { sentiment };
      });
      return conversationSentiment(extractions).label;
    },
  },
};

/** Mean of the messages' vectors (L2-normalised text features + the rule feature), as the extractor sums them. */
function conversationVector(task, all) {
  const messages = all.filter(hasEnoughWords);
  const ruleBase = 1 << features.bits;
  const sum = new Map();
  for (const text of messages) {
    const v = vectorize(text, features);
    v.idx.forEach((b, k) => sum.set(b, (sum.get(b) ?? 0) + v.val[k] / messages.length));
    const rule = task.rule(text);
    if (rule !== undefined) {
      const b = ruleBase + task.labels.indexOf(rule);
      sum.set(b, (sum.get(b) ?? 0) + RULE_WEIGHT / messages.length);
    }
  }
  const idx = Int32Array.from([...sum.keys()].sort((a, b) => a - b));
  return { idx, val: Float32Array.from(idx, (b) => sum.get(b)) };
}

function train1(task, conversations) {
  const examples = conversations.map((c) => ({
    ...conversationVector(task, c.messages),
    targets: task.labels.map((l) => (task.target(c) === l ? 1 : 0)),
  }));
  const opts = {
    ...baseOptions,
    buckets: bucketsOf({ features, labels: task.labels }),
    labels: task.labels.length,
    positiveWeight: task.positiveWeight,
  };
  return { trained: trainLogistic(examples, opts), opts };
}

function modelData(task, { trained, opts }, conversations, threshold, ruleMargin) {
  const { data, scales } = quantize(trained.weights);
  return {
    version: `${task.version}-${new Date().toISOString().slice(0, 10)}`,
    features,
    labels: [...task.labels],
    ruleFeatureWeight: RULE_WEIGHT,
    scales,
    bias: trained.bias.map((b) => Number(b.toPrecision(9))),
    threshold,
    ...(ruleMargin === undefined ? {} : { ruleMargin }),
    weights: encodeBase64(new Uint8Array(data.buffer)),
    weightsSha256: createHash('sha256').update(data).digest('hex'),
    trainedOn: {
      sets,
      split: 'splitOf(conversation id), train + dev',
      conversations: conversations.length,
      seed: opts.seed,
      options: { epochs: opts.epochs, learningRate: opts.learningRate, l2: opts.l2, positiveWeight: opts.positiveWeight },
    },
  };
}

/** Thresholds and rule margins the intent decision is chosen from (1.01: the rules alone). */
const THRESHOLDS = [1.01, ...Array.from({ length: 16 }, (_, i) => Number((0.15 + 0.05 * i).toFixed(2)))];
const MARGINS = Array.from({ length: 16 }, (_, i) => Number((0.02 * i).toFixed(2)));

/**
 * Round 18: the intent threshold and rule margin, chosen by cross-validation grouped by set. The
 * train + dev conversations (never test) are split into K folds by their set (sets dealt to folds
 * in name order, so one writer's set is never on both sides); for each fold the model is trained on
 * the other folds and every (threshold, margin) pair is scored on the fold's conversations with the
 * extractor's decision (decideIntent), pooled over all folds. The one-standard-error rule picks the
 * pair: of the pairs whose CV accuracy is within one standard error (sqrt(a(1-a)/n)) of the best,
 * the one that leaves the rules' finding standing most often (the largest margin, then the highest
 * threshold), so a lead smaller than the CV's own noise does not overrule the rules.
 */
function crossValidateIntent(task, conversations, folds) {
  const setNames = [...new Set(conversations.map((c) => c.set))].sort();
  const foldOf = new Map(setNames.map((s, i) => [s, i % folds]));
  const held = [];
  for (let k = 0; k < folds; k++) {
    const fit = conversations.filter((c) => foldOf.get(c.set) !== k);
    const out = conversations.filter((c) => foldOf.get(c.set) === k);
    const model = createConversationModel({ ...modelData(task, train1(task, fit), fit, 0), ruleMargin: 0 });
    for (const c of out) {
      const messages = c.messages.filter(hasEnoughWords);
      let sum;
      for (const t of messages) {
        const s = model.messageScores(t, intentRule(t));
        sum = sum === undefined ? s : s.map((v, i) => v + sum[i]);
      }
      held.push({ c, model, sum, count: messages.length, rules: c.messages.map((t) => classifyIntent(t, normalizeText(t))) });
    }
  }
  const accuracy = (threshold, ruleMargin) => {
    let ok = 0;
    for (const h of held) {
      const m = { labels: h.model.labels, probabilities: h.model.probabilities, threshold, ruleMargin };
      if (decideIntent(h.rules, h.sum, h.count, m).label === task.target(h.c)) ok++;
    }
    return ok / held.length;
  };
  const grid = [];
  for (const m of [...MARGINS].reverse()) for (const t of [...THRESHOLDS].reverse()) grid.push({ t, m, acc: accuracy(t, m) });
  const top = grid.reduce((a, b) => (b.acc > a.acc + 1e-9 ? b : a));
  const se = Math.sqrt((top.acc * (1 - top.acc)) / held.length);
  const best = grid.find((g) => g.acc >= top.acc - se - 1e-9);
  return { best, top, se, accuracy, n: held.length, sets: setNames.length };
}

console.log(
  `pool ${pool.length} conversations from ${sets.length} sets; train ${train.length}, dev ${dev.length}; ${JSON.stringify(features)}, rule weight ${RULE_WEIGHT}`,
);
let failed = false;
for (const [name, task] of Object.entries(TASKS)) {
  const devData = modelData(task, train1(task, train), train, 0);
  const accuracy = (threshold, ruleMargin = 0) => {
    const model = createConversationModel({ ...devData, threshold, ruleMargin });
    return dev.filter((c) => task.decide(model, c) === task.target(c)).length / dev.length;
  };
  let best = { t: 1.01, acc: accuracy(1.01) };
  console.log(`${name}: dev accuracy without the model ${best.acc.toFixed(3)}`);
  for (let t = 0.15; t <= 0.901; t += 0.05) {
    const acc = accuracy(Number(t.toFixed(2)));
    if (acc > best.acc + 1e-9) best = { t: Number(t.toFixed(2)), acc };
  }
  console.log(`${name}: dev accuracy with the model ${best.acc.toFixed(3)} at threshold ${best.t}`);
  // The rule margin, on dev, at the chosen threshold (0.02 steps; the smallest best one).
  let margin = task.ruleMargin ? 0 : undefined;
  if (task.ruleMargin) {
    for (let m = 0.02; m <= 0.301; m += 0.02) {
      const acc = accuracy(best.t, Number(m.toFixed(2)));
      if (acc > best.acc + 1e-9) best = { ...best, acc, m: Number(m.toFixed(2)) };
    }
    margin = best.m ?? 0;
    console.log(`${name}: dev accuracy with the model ${best.acc.toFixed(3)} at threshold ${best.t}, rule margin ${margin}`);
    // Round 18: the dev choice above is reported; the one kept is the grouped cross-validation's.
    const folds = arg('--cv-folds', 7);
    const cv = crossValidateIntent(task, [...train, ...dev], folds);
    const devChoice = cv.accuracy(best.t, margin);
    console.log(
      `${name}: grouped ${folds}-fold CV over ${cv.sets} sets (${cv.n} conversations): dev choice (threshold ${best.t}, margin ${margin}) ${devChoice.toFixed(3)}; ` +
        `rules alone ${cv.accuracy(1.01, 0).toFixed(3)}; best (threshold ${cv.top.t}, margin ${cv.top.m}) ${cv.top.acc.toFixed(3)}, ` +
        `one-SE (${cv.se.toFixed(4)}) choice (threshold ${cv.best.t}, margin ${cv.best.m}) ${cv.best.acc.toFixed(3)}`,
    );
    const committed = require(task.outFile.replace('/src/', '/dist/').replace(/\.ts$/, '.js'))[task.constName];
    console.log(
      `${name}: grouped CV at the committed model's choice (threshold ${committed.threshold}, margin ${committed.ruleMargin}) ${cv.accuracy(committed.threshold, committed.ruleMargin ?? 0).toFixed(3)}`,
    );
    best = { t: cv.best.t, acc: accuracy(cv.best.t, cv.best.m), m: cv.best.m };
    margin = cv.best.m;
    console.log(`${name}: dev accuracy at the CV choice ${best.acc.toFixed(3)}`);
  }
  // Per language (the conversations' lang:* tags), at the chosen threshold.
  {
    const model = createConversationModel({ ...devData, threshold: best.t, ruleMargin: margin });
    const langs = [...new Set(dev.flatMap((c) => c.tags.filter((t) => t.startsWith('lang:'))))].sort();
    const cell = (cs) => `${cs.filter((c) => task.decide(model, c) === task.target(c)).length}/${cs.length}`;
    console.log(`${name}: dev per language ${langs.map((l) => `${l.slice(5)} ${cell(dev.filter((c) => c.tags.includes(l)))}`).join(', ')}`);
    // --dev-errors: every dev conversation the decision gets wrong (to read, for the next round's rules).
    if (process.argv.includes('--dev-errors'))
      for (const c of dev) {
        const got = task.decide(model, c);
        if (got !== task.target(c))
          console.log(
            `  ${name} ${c.id} expected=${task.target(c)} got=${got}  ${c.messages.join(' | ').replace(/\s+/g, ' ').slice(0, 300)}`,
          );
      }
  }
  // --dev-exclude <id prefix>: the same figure without the dev conversations of one set (to compare
  // with a run before that set was added, on the same conversations).
  const exclude = process.argv.includes('--dev-exclude') ? process.argv[process.argv.indexOf('--dev-exclude') + 1] : undefined;
  if (exclude) {
    const model = createConversationModel({ ...devData, threshold: best.t, ruleMargin: margin });
    const kept = dev.filter((c) => !c.id.startsWith(exclude));
    const ok = kept.filter((c) => task.decide(model, c) === task.target(c)).length;
    console.log(`${name}: dev accuracy without ${exclude}* ${(ok / kept.length).toFixed(3)} (${ok}/${kept.length})`);
  }
  const final = [...train, ...dev];
  const model = modelData(task, train1(task, final), final, Math.min(best.t, 1), margin);
  console.log(`${name}: weights sha256 ${model.weightsSha256}, trained on ${final.length} conversations`);
  if (process.argv.includes('--check')) {
    const committed = require(task.outFile.replace('/src/', '/dist/').replace(/\.ts$/, '.js'))[task.constName];
    console.log(`${name}: committed ${committed.weightsSha256}, threshold ${committed.threshold}, rule margin ${committed.ruleMargin}`);
    if (committed.weightsSha256 !== model.weightsSha256) failed = true;
    if (committed.threshold !== model.threshold || committed.ruleMargin !== model.ruleMargin) failed = true;
  } else if (!process.argv.includes('--dry')) {
    const body =
      `// Written by libs/signals/tools/train-conversation-models.mjs; do not edit by hand (retrain instead).\n` +
      `import type { ${task.typeArg} } from '../extraction.types';\nimport type { ConversationModelData } from './conversation-model.types';\n\n` +
      `export const ${task.constName}: ConversationModelData<${task.typeArg}> = ${JSON.stringify(model, null, 2)};\n`;
    writeFileSync(task.outFile, body);
    console.log(`${name}: wrote ${task.outFile}`);
  }
}
if (failed) process.exitCode = 1;
