import { z } from 'zod';
import { InvalidSignalRulesError } from '../detector/signal-rules.errors';
import { CLASSIFIER_LABELS, type ClassifierLabel } from './corpus-split.util';

const threshold = z.number().min(0.01).max(1);

/**
 * Per-tenant classifier settings (validated like the rule extension). A threshold is a
 * calibrated probability: lower it to catch more (more false alarms), raise it to flag less;
 * 1 switches that label's classifier off (the rules still run).
 */
export const classifierOptionsSchema = z
  .object({
    enabled: z.boolean().default(true),
    thresholds: z
      .object({ urgency: threshold.optional(), safety: threshold.optional(), escalation: threshold.optional() })
      .strict()
      .default({}),
    /** Drop a classifier hit when a rule of the same type matched but its guards judged it figurative, negated, hypothetical or past. */
    ruleVetoes: z.boolean().default(true),
  })
  .strict();

export type ClassifierOptions = z.input<typeof classifierOptionsSchema>;

export interface ResolvedClassifierOptions {
  enabled: boolean;
  thresholds: Record<ClassifierLabel, number>;
  ruleVetoes: boolean;
}

/** Validates tenant options over the model's default thresholds; throws InvalidSignalRulesError. */
export function resolveClassifierOptions(input: unknown, defaults: Readonly<Record<ClassifierLabel, number>>): ResolvedClassifierOptions {
  if (input === false) return { enabled: false, thresholds: { ...defaults }, ruleVetoes: true };
  const parsed = classifierOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new InvalidSignalRulesError(parsed.error.issues.map((i) => ({ path: ['classifier', ...i.path].join('.'), message: i.message })));
  }
  const thresholds = { ...defaults };
  for (const label of CLASSIFIER_LABELS) {
    const t = parsed.data.thresholds[label];
    if (t !== undefined) thresholds[label] = t;
  }
  return { enabled: parsed.data.enabled, thresholds, ruleVetoes: parsed.data.ruleVetoes };
}
