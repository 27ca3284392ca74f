import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBase64, encodeBase64 } from '../classifier/base64.util';
import { classifierFindings, CLASSIFIER_SUBTYPE } from '../classifier/combine-findings.util';
import { assignSplits, idHash, CORPUS_SPLIT_SEED, type CorpusMessage, type SplitName } from '../classifier/corpus-split.util';
import { createSignalClassifier } from '../classifier/signal-classifier';
import { SIGNALS_MODEL } from '../classifier/signals-model.data';
import { vectorize } from '../classifier/text-features.util';
import { quantize, trainLogistic, type SparseExample } from '../classifier/train-logistic.util';
import { createSignalDetector } from '../detector/signal-detector';
import { InvalidSignalRulesError } from '../detector/signal-rules.errors';
import { parseLabelledMessages } from '../evaluation/evaluate.util';
import { wilsonInterval } from '../evaluation/wilson.util';

const corpusDir = join(__dirname, '../../corpus');
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => parseLabelledMessages(readFileSync(join(corpusDir, f), 'utf8'))) as CorpusMessage[];
const manifest = JSON.parse(readFileSync(join(corpusDir, 'split.json'), 'utf8')) as Record<SplitName, string[]> & {
  sha256: Record<SplitName, string>;
};
const committed: Record<string, SplitName> = {};
for (const name of ['train', 'dev', 'test'] as const) for (const id of manifest[name]) committed[id] = name;
const LABELS = ['urgency', 'safety', 'escalation'] as const;
const sha = (bytes: Int8Array) =>
  createHash('sha256')
    .update(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length))
    .digest('hex');
const checksum = (ms: CorpusMessage[]) =>
  createHash('sha256')
    .update(
      [...ms]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((m) => `${m.id}\t${m.text}\t${[...m.labels].sort().join(',')}\n`)
        .join(''),
    )
    .digest('hex');

describe('corpus split', () => {
  it('is reproduced from the corpus by the fixed seed, stratified, with train-only messages in train', () => {
    expect(assignSplits(corpus)).toEqual(committed);
    expect(corpus.filter((m) => m.trainOnly).every((m) => committed[m.id] === 'train')).toBe(true);
  });

  it('keeps every existing assignment when messages are added', () => {
    const added: CorpusMessage[] = [
      { id: 'en-gym-999', lang: 'en', domain: 'gym', text: 'new', labels: [], hardNegative: false },
      { id: 'en-gym-998', lang: 'en', domain: 'gym', text: 'newer', labels: ['urgency'], hardNegative: false, trainOnly: true },
    ];
    const next = assignSplits([...corpus, ...added], CORPUS_SPLIT_SEED, committed);
    for (const m of corpus) expect(next[m.id]).toBe(committed[m.id]);
    expect(next['en-gym-998']).toBe('train');
    expect(['train', 'dev', 'test']).toContain(next['en-gym-999']);
  });

  it('hashes ids stably and keeps the frozen test split unchanged', () => {
    expect(idHash('en-plumber-001')).toBeCloseTo(0.2590984948910773, 12);
    expect(idHash('en-plumber-001', 'another-seed')).not.toBeCloseTo(0.2590984948910773, 6);
    expect(checksum(corpus.filter((m) => committed[m.id] === 'test'))).toBe(manifest.sha256.test);
  });

  it('holds >= 3,000 messages in 7 languages and >= 9 business kinds, >= 40 % hard negatives', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(3000);
    expect(new Set(corpus.map((m) => m.lang))).toEqual(new Set(['en', 'de', 'fr', 'es', 'it', 'pt', 'nl']));
    expect(new Set(corpus.map((m) => m.domain)).size).toBeGreaterThanOrEqual(9);
    expect(corpus.filter((m) => m.hardNegative).length / corpus.length).toBeGreaterThanOrEqual(0.4);
    expect(new Set(corpus.map((m) => m.id)).size).toBe(corpus.length);
  });
});

describe('trainer', () => {
  const features = { bits: 12, minN: 2, maxN: 4, words: true };
  const small: SparseExample[] = corpus
    .slice(0, 300)
    .map((m) => ({ ...vectorize(m.text, features), targets: LABELS.map((l) => (m.labels.includes(l) ? 1 : 0)) }));
  const options = { buckets: 1 << 12, labels: 3, epochs: 3, learningRate: 0.3, l2: 0.01, positiveWeight: 1, fixedBias: true };

  it('gives bit-identical weights for the same seed and different weights for another', () => {
    const a = quantize(trainLogistic(small, { ...options, seed: 7 }).weights);
    const b = quantize(trainLogistic(small, { ...options, seed: 7 }).weights);
    const c = quantize(trainLogistic(small, { ...options, seed: 8 }).weights);
    expect(sha(a.data)).toBe(sha(b.data));
    expect(a.scales).toEqual(b.scales);
    expect(sha(c.data)).not.toBe(sha(a.data));
  });
  // Reproducing the committed weights from the full corpus takes ~20 s under Jest; it is the
  // script check `node libs/signals/tools/train.mjs --check` instead (docs/signals.md).
});

describe('classifier', () => {
  const classifier = createSignalClassifier(SIGNALS_MODEL);

  it('loads the committed model, whose weights match their recorded sha256', () => {
    const bytes = decodeBase64(SIGNALS_MODEL.weights);
    expect(bytes.length).toBe(3 << SIGNALS_MODEL.features.bits);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(SIGNALS_MODEL.weightsSha256);
  });

  it.each([
    ['a short German message', 'RAUCH KOMMT AUS DEM BADLÜFTER'],
    ['a French message', 'forte odeur de gaz dans la chambre 42, à côté des cuisines'],
    ['a 2.6 KB message (scored in chunks)', 'Tell me about your opening hours. '.repeat(80)],
    ['an empty message', ''],
  ])('scores %s with probabilities in [0, 1] and evidence inside the text', (_name, text) => {
    for (const s of classifier.score(text)) {
      expect(s.probability).toBeGreaterThanOrEqual(0);
      expect(s.probability).toBeLessThanOrEqual(1);
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
    }
  });

  it.each([
    ['RAUCH KOMMT AUS DEM BADLÜFTER', ['urgency', 'safety']],
    // Round 16: the French burning-smell rule now reads 'Odeur de plastique brûlé qui vient du tableau électrique'.
    ['il pleut dans le plafonnier du couloir et la lumière clignote, j’ose rien toucher', ['urgency', 'safety']],
    ['420 € für 5 Minuten Arbeit. Ich habe die Zahlung zurückgebucht und euch bei der Verbraucherzentrale gemeldet.', ['escalation']],
  ])('flags a (training) message the English rules cannot read: %j', (text, types) => {
    expect(
      createSignalDetector(undefined, { classifier: false })
        .detect(text)
        .filter((f) => f.type !== 'frustration'),
    ).toEqual([]);
    const found = createSignalDetector().detect(text);
    for (const t of types) expect(found).toContainEqual(expect.objectContaining({ type: t, subtype: CLASSIFIER_SUBTYPE }));
  });
});

describe('rules + classifier', () => {
  it('keeps every rule hit, adding no classifier finding for a type a rule found', () => {
    const text = 'I can smell gas in the hallway';
    const rulesOnly = createSignalDetector(undefined, { classifier: false }).detect(text);
    const combined = createSignalDetector().detect(text);
    const eager = createSignalDetector(undefined, { classifier: { thresholds: { urgency: 0.01, safety: 0.01, escalation: 0.01 } } }).detect(
      text,
    );
    for (const f of rulesOnly) {
      expect(combined).toContainEqual(f);
      expect(eager).toContainEqual(f);
    }
    expect(eager.filter((f) => f.type === 'urgency' && f.subtype === CLASSIFIER_SUBTYPE)).toEqual([]);
  });

  it('vetoes the classifier for a type whose rule matched but was judged negated or figurative', () => {
    const eager = { thresholds: { urgency: 0.01, safety: 0.01, escalation: 0.01 } };
    const vetoed = createSignalDetector(undefined, { classifier: eager }).detect('there is no gas smell at all now');
    expect(vetoed.filter((f) => f.type === 'urgency' || f.type === 'safety')).toEqual([]);
    const unvetoed = createSignalDetector(undefined, { classifier: { ...eager, ruleVetoes: false } }).detect(
      'there is no gas smell at all now',
    );
    expect(unvetoed.some((f) => f.subtype === CLASSIFIER_SUBTYPE && f.type === 'urgency')).toBe(true);
  });

  it('takes per-tenant thresholds, can be switched off, and rejects invalid options', () => {
    const text = 'RAUCH KOMMT AUS DEM BADLÜFTER';
    expect(createSignalDetector(undefined, { classifier: { thresholds: { urgency: 1, safety: 1 } } }).detect(text)).toEqual([]);
    expect(createSignalDetector(undefined, { classifier: { enabled: false } }).detect(text)).toEqual([]);
    expect(createSignalDetector(undefined, { classifier: false }).detect(text)).toEqual([]);
    let caught: unknown;
    try {
      createSignalDetector(undefined, { classifier: { thresholds: { urgency: 2 } } });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InvalidSignalRulesError);
    expect((caught as InvalidSignalRulesError).issues[0]?.path).toBe('classifier.thresholds.urgency');
    expect(() => createSignalDetector(undefined, { classifier: { thresholds: { panic: 0.5 } } as never })).toThrow(InvalidSignalRulesError);
  });

  it('combines scores by threshold, never claiming critical', () => {
    const scores = [
      { label: 'urgency' as const, probability: 0.8, start: 0, end: 4 },
      { label: 'safety' as const, probability: 0.3, start: 0, end: 4 },
      { label: 'escalation' as const, probability: 0.9, start: 5, end: 9 },
    ];
    const found = classifierFindings(
      'help call me',
      scores,
      { urgency: 0.5, safety: 0.5, escalation: 0.5 },
      new Set(['escalation']),
      new Set(),
    );
    expect(found).toEqual([
      { type: 'urgency', subtype: CLASSIFIER_SUBTYPE, severity: 'high', confidence: 0.8, evidence: { start: 0, end: 4, text: 'help' } },
    ]);
    expect(
      classifierFindings('help call me', scores, { urgency: 0.5, safety: 0.5, escalation: 0.5 }, new Set(), new Set(['urgency'])),
    ).toHaveLength(1);
  });
});

describe('helpers', () => {
  it('computes Wilson intervals', () => {
    const [lo, hi] = wilsonInterval(8, 10);
    expect(lo).toBeCloseTo(0.49, 2);
    expect(hi).toBeCloseTo(0.943, 2);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });

  it('round-trips base64 of every length', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37) & 255);
      expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
    }
  });
});
