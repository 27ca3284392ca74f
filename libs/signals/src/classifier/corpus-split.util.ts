import type { LabelledMessage } from '../evaluation/evaluate.util';
import { fnv1a32 } from './hash.util';

/** The three labels the classifier learns and the targets are set for. */
export const CLASSIFIER_LABELS = ['urgency', 'safety', 'escalation'] as const;
export type ClassifierLabel = (typeof CLASSIFIER_LABELS)[number];

export const SPLIT_NAMES = ['train', 'dev', 'test'] as const;
export type SplitName = (typeof SPLIT_NAMES)[number];

/** Fixed seed of the corpus split (libs/signals/corpus/split.json). Changing it re-splits everything. */
export const CORPUS_SPLIT_SEED = 'parley-signals-split-v1';
const TRAIN_FRACTION = 0.6;
const DEV_FRACTION = 0.2;

/** One message of the multilingual corpus (libs/signals/corpus/<lang>.jsonl). */
export interface CorpusMessage extends LabelledMessage {
  lang: string;
  /** Written after dev error analysis: always in train, never in dev or test (and not stratified). */
  trainOnly?: boolean;
}

/** A stable number in [0, 1) from the message id and the seed; independent of every other message. */
export function idHash(id: string, seed: string = CORPUS_SPLIT_SEED): number {
  return fnv1a32(`${seed}\u0000${id}`) / 0x1_0000_0000;
}

/** Language, the classifier labels the message carries (or none) and whether it is a hard negative. */
export function stratumOf(m: CorpusMessage): string {
  const labels = CLASSIFIER_LABELS.filter((l) => m.labels.includes(l)).join('+') || 'none';
  return `${m.lang}|${labels}|${m.hardNegative ? 'hard' : 'plain'}`;
}

/**
 * Assigns train/dev/test. Without `frozen`, every stratum is ordered by idHash and cut 60/20/20
 * by rank, so each language x label x hard-negative cell is split in the same proportions.
 * With `frozen` (the committed split.json), every id already there keeps its split and only new
 * ids are assigned, by idHash thresholds alone, so adding messages never moves an old one
 * (and never moves a message into or out of the frozen test split).
 */
export function assignSplits(
  messages: readonly CorpusMessage[],
  seed: string = CORPUS_SPLIT_SEED,
  frozen?: Readonly<Record<string, SplitName>>,
): Record<string, SplitName> {
  const out: Record<string, SplitName> = {};
  if (frozen && Object.keys(frozen).length > 0) {
    for (const m of messages) out[m.id] = frozen[m.id] ?? (m.trainOnly ? 'train' : byThreshold(idHash(m.id, seed)));
    return out;
  }
  const strata = new Map<string, CorpusMessage[]>();
  for (const m of messages) {
    if (m.trainOnly) {
      out[m.id] = 'train';
      continue;
    }
    const key = stratumOf(m);
    const list = strata.get(key) ?? [];
    list.push(m);
    strata.set(key, list);
  }
  for (const list of strata.values()) {
    const ordered = list.map((m) => ({ id: m.id, h: idHash(m.id, seed) })).sort((a, b) => a.h - b.h || (a.id < b.id ? -1 : 1));
    ordered.forEach((m, i) => {
      out[m.id] = byThreshold((i + 0.5) / ordered.length);
    });
  }
  return out;
}

function byThreshold(u: number): SplitName {
  if (u < TRAIN_FRACTION) return 'train';
  return u < TRAIN_FRACTION + DEV_FRACTION ? 'dev' : 'test';
}
