// The labelled extraction sets (bench/extraction/*.jsonl) that train the learned L1b models and
// make up the pooled evaluation. An unseen set is scored once as its own figure (docs/extraction.md);
// after that it is retired: listed here, it joins the pool. An unseen set not listed is never read
// by the trainer.
import { readdirSync } from 'node:fs';

export const RETIRED_UNSEEN = [
  'unseen-1.jsonl',
  'unseen-2.jsonl',
  'unseen-3.jsonl',
  'unseen-4.jsonl',
  'unseen-5.jsonl',
  'unseen-6.jsonl',
  'unseen-7.jsonl',
  'unseen-8.jsonl',
  'unseen-9.jsonl',
  'unseen-10.jsonl',
  'unseen-11.jsonl',
  'unseen-12.jsonl',
];

/** File names of the pooled sets, sorted. */
export function poolSets(setsDir) {
  return readdirSync(setsDir)
    .filter((f) => f.endsWith('.jsonl') && (!f.startsWith('unseen-') || RETIRED_UNSEEN.includes(f)))
    .sort();
}
