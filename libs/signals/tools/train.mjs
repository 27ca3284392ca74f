#!/usr/bin/env node
// Trains the L1a classifier (hashed character n-gram logistic regression, one-vs-rest) on the
// train split, calibrates it (Platt) and picks default thresholds for rules + classifier on the
// dev split, and writes libs/signals/src/classifier/signals-model.data.ts. Deterministic: the
// same corpus, split, options and seed give the same weights (sha256 printed and stored).
// The test split is never read here.
// Usage: node scripts/build.mjs libs/signals && node libs/signals/tools/train.mjs [--check]
//   --check  retrain and compare the weights' sha256 with the committed model (exit 1 if not equal)
//   --exclude-author <tag>[,<tag>...]  train without these authors' corpus messages (compare a round's messages on dev)
//   --bits N --epochs N --lr X --l2 X --pos X --min-precision X --f05-tolerance X --dry --curve
//   --kfold K  calibrate and pick thresholds on out-of-fold scores over the training data (K models, each
//              trained without one fold of writers) pooled with dev (round 16). Default since round 18:
//              K = 5 with --per-family and --min-precision 0.92; --kfold 0 picks on dev alone as before
//   --oof-report  print each retired unseen set's out-of-fold precision/recall at the chosen thresholds
//   --dev-pick  with --kfold: still calibrate and pick on dev alone (to compare the two on --oof-report)
//   --per-family  with --kfold (default since round 18; --pooled to turn off): a threshold must reach the
//              precision target on dev, on the corpus writers' out-of-fold messages and on the retired
//              sets' out-of-fold messages each, not only pooled, and keep reaching it at every threshold
//              up to 0.05 above it (MARGIN_STEPS), so a lucky dip in one family's curve is not chosen
//   (tuning on dev; --dry writes nothing; --curve prints dev precision/recall every 0.05 of threshold)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { corpusDir, messagesOf, signals, root, splitChecksum } from './corpus.util.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const LABELS = signals.CLASSIFIER_LABELS;
const features = { bits: arg('--bits', 16), minN: arg('--min-n', 2), maxN: arg('--max-n', 5), words: !process.argv.includes('--no-words') };
const opts = {
  buckets: 1 << features.bits,
  labels: LABELS.length,
  seed: arg('--seed', 15),
  epochs: arg('--epochs', 12),
  learningRate: arg('--lr', 0.3),
  l2: arg('--l2', 1e-2),
  positiveWeight: arg('--pos', 1),
  fixedBias: process.argv.includes('--fixed-bias'),
};
// Round 18: thresholds picked on dev alone did not hold on writers the model never saw (the test
// split's safety precision fell to 0.789 when dev moved the safety threshold 0.37 -> 0.30), so by
// default they are picked on out-of-fold scores by writer family with a precision target of 0.92,
// 0.02 above the release target of 0.9 as margin; with --kfold 0 the old dev pick (0.9) holds.
const KFOLD = arg('--kfold', 5);
const MIN_PRECISION = arg('--min-precision', KFOLD > 1 ? 0.92 : 0.9);
const MIN_RECALL_AT_PRECISION = arg('--min-recall', 0.75);
const F05_TOLERANCE = arg('--f05-tolerance', 0.01);
const outFile = `${root}libs/signals/src/classifier/signals-model.data.ts`;

// The English regression-gate set the rules were developed on (eval/messages.jsonl) is labelled
// with the same guide and is added to the training data (--no-gate-set to leave it out): it
// teaches distinctions the new corpus has few of (frustration without asking for a person,
// "I don't want to talk to anyone"). eval/holdout.jsonl is never trained on.
const gateSet = process.argv.includes('--no-gate-set')
  ? []
  : signals.parseLabelledMessages(readFileSync(`${root}libs/signals/eval/messages.jsonl`, 'utf8'));
// Background: short, ordinary chat messages in every language (greetings, prices, contact
// details, confirmations), unlabelled by construction (no signal). The labelled corpus has few
// of them, and without them the model flagged fixtures like "one two three" or "From 80 GBP."
// (--no-background to leave them out). Training data only; never evaluated on.
const background = process.argv.includes('--no-background')
  ? []
  : signals.parseLabelledMessages(readFileSync(`${root}libs/signals/corpus-background/neutral-train.jsonl`, 'utf8'));
// Retired unseen sets: an unseen set is scored once, as its own figure (docs/signals.md); after that
// it is no longer unseen and joins the training data as another writer's style and reading of
// the label guide (--no-retired to leave them out). Never evaluated on again.
const retired = process.argv.includes('--no-retired')
  ? []
  : [
      'corpus-unseen/signals-unseen.jsonl',
      'corpus-unseen-2/signals-unseen-2.jsonl',
      'corpus-unseen-3/signals-unseen-3.jsonl',
      'corpus-unseen-4/signals-unseen-4.jsonl',
      'corpus-unseen-5/signals-unseen-5.jsonl',
      'corpus-unseen-6/signals-unseen-6.jsonl',
      'corpus-unseen-7/signals-unseen-7.jsonl',
      'corpus-unseen-8/signals-unseen-8.jsonl',
      'corpus-unseen-9/signals-unseen-9.jsonl',
      'corpus-unseen-10/signals-unseen-10.jsonl',
      'corpus-unseen-11/signals-unseen-11.jsonl',
      'corpus-unseen-12/signals-unseen-12.jsonl',
    ].flatMap((f) => signals.parseLabelledMessages(readFileSync(`${root}libs/signals/${f}`, 'utf8')));
// --exclude-author <tag>: leave out the corpus messages written by one author (to measure what a
// round's messages add on dev against the same model without them; the corpus files carry the tag).
const excludeAuthor = process.argv.includes('--exclude-author') ? process.argv[process.argv.indexOf('--exclude-author') + 1] : undefined;
const excludedIds = new Set(
  excludeAuthor
    ? readdirSync(corpusDir)
        .filter((f) => f.endsWith('.jsonl'))
        .flatMap((f) =>
          readFileSync(`${corpusDir}/${f}`, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l)),
        )
        .filter((m) => excludeAuthor.split(',').includes(m.author))
        .map((m) => m.id)
    : [],
);
const train = [...messagesOf('train').filter((m) => !excludedIds.has(m.id)), ...gateSet, ...background, ...retired];
// Calibration and thresholds see the dev split plus a second, separate sample of ordinary
// messages (corpus-background/neutral-dev.jsonl): the corpus is ~60 % signals and hard
// negatives, real traffic is mostly ordinary, and a threshold picked without such messages
// fires on "one two three".
const neutralDev = process.argv.includes('--no-background')
  ? []
  : signals.parseLabelledMessages(readFileSync(`${root}libs/signals/corpus-background/neutral-dev.jsonl`, 'utf8'));
const dev = [...messagesOf('dev'), ...neutralDev];
const examples = train.map((m) => ({ ...signals.vectorize(m.text, features), targets: LABELS.map((l) => (m.labels.includes(l) ? 1 : 0)) }));
const trained = signals.trainLogistic(examples, opts);
const { data, scales } = signals.quantize(trained.weights);
const weightsSha256 = createHash('sha256').update(data).digest('hex');

if (process.argv.includes('--check')) {
  const committed = signals.SIGNALS_MODEL.weightsSha256;
  console.log(`retrained ${weightsSha256}\ncommitted ${committed}`);
  if (committed !== weightsSha256) process.exitCode = 1;
  process.exit();
}

const model = {
  version: `l1a-ngram-lr-${new Date().toISOString().slice(0, 10)}`,
  features,
  labels: [...LABELS],
  scales,
  bias: trained.bias.map((b) => Number(b.toPrecision(9))),
  platt: LABELS.map(() => [1, 0]),
  thresholds: Object.fromEntries(LABELS.map((l) => [l, 0.5])),
  weights: signals.encodeBase64(new Uint8Array(data.buffer)),
  weightsSha256,
  trainedOn: {
    corpus: 'libs/signals/corpus/*.jsonl',
    split: `corpus train split + eval/messages.jsonl, sha256 ${splitChecksum(train).slice(0, 16)}`,
    trainMessages: train.length,
    seed: opts.seed,
    options: {
      epochs: opts.epochs,
      learningRate: opts.learningRate,
      l2: opts.l2,
      positiveWeight: opts.positiveWeight,
      fixedBias: opts.fixedBias,
      gateSet: gateSet.length > 0,
      background: background.length > 0,
      retiredUnseen: retired.length,
    },
  },
};

const logit = (p) => Math.log(Math.max(1e-12, p) / Math.max(1e-12, 1 - p));
const rawLogits = (clf, text) => clf.score(text).map((s) => logit(s.probability));
// Messages the classifier stays silent on (too short to judge: probability exactly 0) are left out.
const notSilent = (r) => r.some((x) => x > -27);

// --kfold K (round 16): out-of-fold scores over the training data. A message's fold is its writer's
// (the corpus author, each retired unseen set's writer, the gate set, the background), writers dealt
// largest first to the smallest fold, so each of the K models is scored on writers it never saw, as
// the released model is on a tenant's messages. Calibration and thresholds then see ~11,000 messages
// scored out of sample instead of dev's 863 alone.
const devPick = process.argv.includes('--dev-pick');
const perFamily = KFOLD > 1 && !devPick && !process.argv.includes('--pooled');
/** --per-family: the constraint must also hold at the next MARGIN_STEPS thresholds (0.01 apart) above the one chosen. */
const MARGIN_STEPS = 5;
/** --per-family: the release's recall target, on dev, bounds the threshold from above. */
const DEV_MIN_RECALL = arg('--dev-min-recall', 0.85);
/** The writer families a --per-family threshold must satisfy each: dev, the retired sets' writers, the rest of train (the corpus writers, the gate set, the background). */
const FAMILIES = [(g) => g === 'dev', (g) => g.startsWith('unseen-writer'), (g) => g !== 'dev' && !g.startsWith('unseen-writer')];
const groupOf = (m) => m.author ?? (m.id?.startsWith('bg-') ? 'background' : 'gate');
const trainGroups = train.map(groupOf);
let oof = null;
if (KFOLD > 1) {
  const sizes = new Map();
  for (const g of trainGroups) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  const foldSize = new Array(KFOLD).fill(0);
  const foldOfGroup = new Map();
  for (const [g, n] of [...sizes].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))) {
    const k = foldSize.indexOf(Math.min(...foldSize));
    foldOfGroup.set(g, k);
    foldSize[k] += n;
  }
  const fold = trainGroups.map((g) => foldOfGroup.get(g));
  const raws = new Array(train.length);
  const models = [];
  for (let k = 0; k < KFOLD; k += 1) {
    const t = signals.trainLogistic(
      examples.filter((_, i) => fold[i] !== k),
      opts,
    );
    const q = signals.quantize(t.weights);
    const mk = {
      ...model,
      scales: q.scales,
      bias: t.bias.map((x) => Number(x.toPrecision(9))),
      weights: signals.encodeBase64(new Uint8Array(q.data.buffer)),
    };
    models.push(mk);
    const clf = signals.createSignalClassifier(mk);
    train.forEach((m, i) => {
      if (fold[i] === k) raws[i] = rawLogits(clf, m.text);
    });
  }
  console.log(`k-fold: ${KFOLD} folds of ${foldSize.join(', ')} messages`);
  oof = { fold, raws, models };
}

// Platt scaling (raw = logit of the uncalibrated probability): on dev, or with --kfold on the
// out-of-fold scores over train pooled with dev.
const raw = signals.createSignalClassifier(model);
const devRaw = dev.map((m) => rawLogits(raw, m.text));
const calib = [
  ...dev.map((m, i) => ({ raw: devRaw[i], labels: m.labels })),
  ...(oof && !devPick ? train.map((m, i) => ({ raw: oof.raws[i], labels: m.labels })) : []),
].filter((c) => notSilent(c.raw));
model.platt = LABELS.map((l, k) =>
  signals.fitPlatt(
    calib.map((c) => c.raw[k]),
    calib.map((c) => (c.labels.includes(l) ? 1 : 0)),
  ),
);

// Thresholds for the combination (rule hit OR calibrated p >= t, with rule vetoes), on dev (and
// with --kfold on train's out-of-fold findings too, each fold's model with the same calibration).
const probeOf = (m) =>
  signals.createSignalDetector(undefined, { model: m, classifier: { thresholds: { urgency: 0.01, safety: 0.01, escalation: 0.01 } } });
const probe = probeOf(model);
const devFound = dev.map((m) => probe.detect(m.text));
const pool = dev.map((m, i) => ({ labels: m.labels, found: devFound[i], group: 'dev' }));
if (oof) {
  const probes = oof.models.map((mk) => probeOf({ ...mk, platt: model.platt }));
  train.forEach((m, i) => pool.push({ labels: m.labels, found: probes[oof.fold[i]].detect(m.text), group: trainGroups[i] }));
}
const countAt = (items, label, t) => {
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const it of items) {
    const f = it.found.filter((x) => x.type === label);
    const got = f.some((x) => x.subtype !== 'classifier' || x.confidence >= t - 1e-9);
    const want = it.labels.includes(label);
    if (got && want) tp += 1;
    else if (got) fp += 1;
    else if (want) fn += 1;
  }
  return { tp, fp, fn };
};
const report = {};
for (const label of LABELS) {
  let best = null;
  const cands = [];
  for (let t = 0.05; t <= 0.951; t += 0.01) {
    const { tp, fp, fn } = countAt(devPick ? pool.filter((it) => it.group === 'dev') : pool, label, t);
    const p = tp + fp ? tp / (tp + fp) : 1;
    const r = tp + fn ? tp / (tp + fn) : 1;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    // F0.5 weighs precision twice as much as recall: the fallback when no threshold reaches
    // MIN_PRECISION with a useful recall (false alarms page staff; the rules still catch the obvious).
    const f05 = p + r ? (1.25 * p * r) / (0.25 * p + r) : 0;
    let ok = p >= MIN_PRECISION && r >= MIN_RECALL_AT_PRECISION;
    if (perFamily)
      for (const keep of FAMILIES) {
        const c = countAt(
          pool.filter((it) => keep(it.group)),
          label,
          t,
        );
        ok &&= c.tp / Math.max(1, c.tp + c.fp) >= MIN_PRECISION && c.tp / Math.max(1, c.tp + c.fn) >= MIN_RECALL_AT_PRECISION;
      }
    const d = countAt(
      pool.filter((it) => it.group === 'dev'),
      label,
      t,
    );
    const cand = { t: Number(t.toFixed(2)), p, r, f1, f05, ok, devRecall: d.tp / Math.max(1, d.tp + d.fn) };
    cands.push(cand);
    if (
      !best ||
      (cand.ok && !best.ok) ||
      (cand.ok === best.ok && (cand.ok ? cand.r > best.r || (cand.r === best.r && cand.p > best.p) : cand.f05 > best.f05))
    )
      best = cand;
  }
  // --per-family: a threshold is ok only when the next MARGIN_STEPS thresholds above it are ok too
  // (the per-family precision curves are not monotone; the lowest threshold that meets 0.92 by a
  // dip in one family's false alarms would not hold on the next writer).
  if (perFamily) {
    const okAt = cands.map((c) => c.ok);
    cands.forEach((c, i) => {
      c.ok = okAt.slice(i, i + MARGIN_STEPS + 1).every(Boolean);
    });
    best = cands.reduce(
      (a, c) => (!a || (c.ok && !a.ok) || (c.ok === a.ok && (c.ok ? c.r > a.r || (c.r === a.r && c.p > a.p) : c.f05 > a.f05)) ? c : a),
      null,
    );
    // The release's recall target on dev bounds the threshold from above: when no threshold keeps
    // dev recall >= DEV_MIN_RECALL and meets the precision targets, take the highest threshold that
    // keeps dev recall (the most precision the recall target allows) and say so.
    const keepsRecall = cands.filter((c) => c.devRecall >= DEV_MIN_RECALL);
    if (keepsRecall.length && best.devRecall < DEV_MIN_RECALL) {
      best = keepsRecall.reduce((a, c) => (c.t > a.t ? c : a));
      console.log(
        `${label}: no threshold meets precision ${MIN_PRECISION} in every family with dev recall >= ${DEV_MIN_RECALL}; bounded by dev recall at ${best.t}`,
      );
      best.ok = true;
    }
  }
  // On the F0.5 fallback, thresholds whose F0.5 is within F05_TOLERANCE of the best are a tie
  // (a few hundredths of F0.5 is far inside dev's noise, and the F0.5 curve is flat over a wide
  // range of thresholds): take the one with the highest recall among them.
  if (process.argv.includes('--curve'))
    console.log(
      `${label.padEnd(11)} ${cands
        .filter((c) => Math.round(c.t * 100) % 5 === 0)
        .map((c) => `${c.t.toFixed(2)}:${c.p.toFixed(2)}/${c.r.toFixed(2)}`)
        .join(' ')}`,
    );
  if (!best.ok) best = cands.filter((c) => c.f05 >= best.f05 - F05_TOLERANCE).reduce((a, c) => (c.r > a.r ? c : a), best);
  model.thresholds[label] = best.t;
  report[label] = best;
}
if (oof && process.argv.includes('--oof-report')) {
  // Out-of-fold precision/recall every 0.05 of threshold, for the corpus's writers and for the retired sets' writers.
  for (const [name, keep] of [
    ['corpus', (g) => g.startsWith('claude-session') || g.startsWith('training-writer')],
    ['retired', (g) => g.startsWith('unseen-writer')],
  ])
    for (const l of LABELS) {
      const items = pool.filter((it) => it.group !== 'dev' && keep(it.group));
      const pts = [];
      for (let t = 0.2; t <= 0.801; t += 0.05) {
        const c = countAt(items, l, t);
        pts.push(`${t.toFixed(2)}:${(c.tp / (c.tp + c.fp)).toFixed(3)}/${(c.tp / (c.tp + c.fn)).toFixed(3)}`);
      }
      console.log(`oof ${name.padEnd(8)} ${l.padEnd(11)} ${pts.join(' ')}`);
    }
  // Each retired unseen set scored by the fold model that never saw its writer, at the chosen thresholds.
  for (const g of [...new Set(trainGroups)].filter((x) => x.startsWith('unseen-writer')).sort())
    console.log(
      `oof ${g.padEnd(16)} ${LABELS.map((l) => {
        const c = countAt(
          pool.filter((it) => it.group === g),
          l,
          model.thresholds[l],
        );
        return `${l.slice(0, 3)} ${c.tp}/${c.fp}/${c.fn}`;
      }).join('  ')}`,
    );
}

console.log(`train ${train.length}, dev ${dev.length}; features ${JSON.stringify(features)}; ${JSON.stringify(opts)}`);
const neutralHits = neutralDev.filter((m, i) =>
  devFound[dev.length - neutralDev.length + i].some((f) => f.subtype === 'classifier' && f.confidence >= model.thresholds[f.type]),
).length;
console.log(`ordinary messages (neutral-dev) flagged at the chosen thresholds: ${neutralHits} of ${neutralDev.length}`);
for (const l of LABELS)
  console.log(
    `${l.padEnd(11)} threshold ${report[l].t.toFixed(2)}  ${oof && !devPick ? 'dev+oof' : 'dev'} P ${report[l].p.toFixed(3)} R ${report[l].r.toFixed(3)} F1 ${report[l].f1.toFixed(3)}  platt ${JSON.stringify(model.platt[LABELS.indexOf(l)])}`,
  );
if (perFamily)
  for (const [name, keep] of ['dev', 'retired writers (oof)', 'corpus writers (oof)'].map((n, i) => [n, FAMILIES[i]]))
    console.log(
      `family ${name.padEnd(22)} ${LABELS.map((l) => {
        const c = countAt(
          pool.filter((it) => keep(it.group)),
          l,
          model.thresholds[l],
        );
        return `${l} P ${(c.tp / Math.max(1, c.tp + c.fp)).toFixed(3)} R ${(c.tp / Math.max(1, c.tp + c.fn)).toFixed(3)}`;
      }).join('  ')}`,
    );
console.log(`weights sha256 ${weightsSha256}, ${data.length} bytes (${model.weights.length} base64 chars)`);
if (process.argv.includes('--dry')) process.exit();

const body = `// Generated by libs/signals/tools/train.mjs; do not edit by hand. Retrain with
// \`node scripts/build.mjs libs/signals && node libs/signals/tools/train.mjs\` (see docs/signals.md).
// ${data.length} Int8 weights (${LABELS.length} labels x 2^${features.bits} buckets), base64.
import type { SignalsModelData } from './signals-model.types';

export const SIGNALS_MODEL: SignalsModelData = ${JSON.stringify({ ...model, weights: '@@W@@' }, null, 2).replace('"@@W@@"', () => `\n    '${model.weights}'`)};
`;
writeFileSync(outFile, body);
console.log(`wrote ${outFile}`);
