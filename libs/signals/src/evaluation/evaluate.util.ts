import type { SignalDetector } from '../detector/signal-detector';
import { SIGNAL_TYPES, type SignalType } from '../signal.types';

/** One labelled message of the evaluation set (libs/signals/eval/messages.jsonl). */
export interface LabelledMessage {
  id: string;
  domain: string;
  text: string;
  labels: SignalType[];
  hardNegative: boolean;
}

export interface TypeScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface EvaluationReport {
  messages: number;
  hardNegatives: number;
  byType: Record<SignalType, TypeScore>;
  /** Ids of messages where the detector disagreed with the label, per type. */
  errors: Array<{ id: string; type: SignalType; kind: 'false_positive' | 'false_negative' }>;
}

/** Parses the JSONL evaluation set; throws on a malformed line, naming it. */
export function parseLabelledMessages(jsonl: string): LabelledMessage[] {
  return jsonl
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, n]) => {
      const v = JSON.parse(line) as Partial<LabelledMessage>;
      const ok =
        typeof v.id === 'string' &&
        typeof v.text === 'string' &&
        typeof v.domain === 'string' &&
        typeof v.hardNegative === 'boolean' &&
        Array.isArray(v.labels) &&
        v.labels.every((l) => (SIGNAL_TYPES as readonly string[]).includes(l));
      if (!ok) throw new Error(`line ${n}: not a labelled message`);
      return v as LabelledMessage;
    });
}

/** Message-level precision and recall per signal type (a type counts once per message). */
export function evaluateDetector(detector: SignalDetector, messages: readonly LabelledMessage[]): EvaluationReport {
  const counts = Object.fromEntries(SIGNAL_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<
    SignalType,
    { tp: number; fp: number; fn: number }
  >;
  const errors: EvaluationReport['errors'] = [];
  for (const m of messages) {
    const found = new Set(detector.detect(m.text).map((f) => f.type));
    for (const type of SIGNAL_TYPES) {
      const expected = m.labels.includes(type);
      const got = found.has(type);
      if (expected && got) counts[type].tp += 1;
      else if (got) {
        counts[type].fp += 1;
        errors.push({ id: m.id, type, kind: 'false_positive' });
      } else if (expected) {
        counts[type].fn += 1;
        errors.push({ id: m.id, type, kind: 'false_negative' });
      }
    }
  }
  const byType = Object.fromEntries(
    SIGNAL_TYPES.map((t) => {
      const { tp, fp, fn } = counts[t];
      return [
        t,
        {
          truePositives: tp,
          falsePositives: fp,
          falseNegatives: fn,
          precision: tp + fp === 0 ? 1 : tp / (tp + fp),
          recall: tp + fn === 0 ? 1 : tp / (tp + fn),
        },
      ];
    }),
  ) as Record<SignalType, TypeScore>;
  return { messages: messages.length, hardNegatives: messages.filter((m) => m.hardNegative).length, byType, errors };
}
