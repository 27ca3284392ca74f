import { z } from 'zod';
import { signalThresholdDefaultsSchema } from '@parley/contracts';
import { tenantSignalSettingsSchema } from '@parley/signals';

// HTTP shapes of /api/v1/settings/signals: a tenant's own tuning of its L1a signals, camelCase
// like GET/PATCH /api/v1/settings. The body is libs/signals' tenantSignalSettingsSchema (the
// rule extension plus the classifier's options), checked here for a first 400 and again, with
// the rule ids, by provisioning. PUT replaces the whole object: omitted fields take the defaults.

export const signalSettingsBodySchema = tenantSignalSettingsSchema.meta({
  id: 'SignalSettings',
  description:
    'Rule extension (`rules`, `extend`, `disable`, `figurative`: literal terms, never regular expressions) and `classifier` options: ' +
    '`enabled`, `thresholds` per label (a calibrated probability in [0.01, 1]; 1 switches that label off; left out: the model default), ' +
    "`ruleVetoes` (a rule suppressed as figurative, negated, hypothetical or past vetoes the classifier's hit).",
});
export type SignalSettingsBody = z.output<typeof signalSettingsBodySchema>;

export const signalSettingsAnswerSchema = z
  .object({
    settings: signalSettingsBodySchema,
    valid: z.boolean().meta({
      description: 'False when the stored settings no longer validate (then returned as stored): turns use the built-in detector.',
    }),
    defaults: z
      .object({ thresholds: signalThresholdDefaultsSchema.meta({ id: 'SignalThresholdDefaults' }) })
      .meta({ description: "The model's default threshold per label (what an unset threshold means)." }),
  })
  .meta({ id: 'SignalSettingsAnswer' });
