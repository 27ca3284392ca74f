import { z } from 'zod';
import { classifierOptionsSchema } from '../classifier/classifier-options.schema';
import type { ClassifierLabel } from '../classifier/corpus-split.util';
import { SIGNALS_MODEL } from '../classifier/signals-model.data';
import { DEFAULT_SIGNAL_RULES } from '../rules/default-rules.data';
import { signalRulesExtensionSchema } from '../rules/rules-extension.schema';
import { mergeRuleExtension } from './merge-rules.util';
import { InvalidSignalRulesError } from './signal-rules.errors';

/**
 * Everything a tenant tunes of its L1a signals, stored as one object (`tenants.signal_rules`):
 * the rule extension (rules, extend, disable, figurative) plus `classifier` (enabled,
 * per-label thresholds, ruleVetoes). A threshold left out means the model's default
 * (DEFAULT_CLASSIFIER_THRESHOLDS), so a retrained model's new defaults reach the tenant.
 */
export const tenantSignalSettingsSchema = signalRulesExtensionSchema.extend({ classifier: classifierOptionsSchema.prefault({}) }).strict();

export type TenantSignalSettings = z.input<typeof tenantSignalSettingsSchema>;
export type ParsedTenantSignalSettings = z.output<typeof tenantSignalSettingsSchema>;

/** The shipped model's calibrated-probability thresholds per label (what an unset tenant threshold means). */
export const DEFAULT_CLASSIFIER_THRESHOLDS: Readonly<Record<ClassifierLabel, number>> = SIGNALS_MODEL.thresholds;

/**
 * Validates a tenant's settings completely (schema, then rule ids against the built-in rules)
 * and returns them with every default filled in. Throws InvalidSignalRulesError whose issues
 * name each offending field (`classifier.thresholds.urgency`, `rules.0.terms`, `disable.1`).
 */
export function parseTenantSignalSettings(input: unknown): ParsedTenantSignalSettings {
  const parsed = tenantSignalSettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidSignalRulesError(
      parsed.error.issues.flatMap((issue) => {
        const at = issue.path.map(String);
        if (issue.code === 'unrecognized_keys') {
          return issue.keys.map((key) => ({ path: [...at, key].join('.'), message: `unknown field "${key}"` }));
        }
        return [{ path: at.join('.'), message: issue.message }];
      }),
    );
  }
  const { classifier: _classifier, ...extension } = parsed.data;
  mergeRuleExtension(DEFAULT_SIGNAL_RULES, extension);
  return parsed.data;
}
