import { z } from 'zod';
import { tenantIdSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import { actorSchema } from './tenant.schema';

// A tenant's own tuning of its L1a signals (tenants.signal_rules): the rule extension (rules,
// extend, disable, figurative) plus the learned classifier's options (enabled, thresholds,
// ruleVetoes). Contracts do not depend on libs/signals, so the settings travel here as a
// bounded JSON object; provisioning validates them with libs/signals' tenantSignalSettingsSchema
// (VALIDATION listing each field path, e.g. `classifier.thresholds.urgency`, `rules.0.terms`).

/** Upper bound of the settings' JSON text (the schema in libs/signals bounds every list and term). */
export const SIGNAL_SETTINGS_MAX_JSON_CHARS = 256_000;

export const signalSettingsObjectSchema = z
  .record(z.string().min(1).max(100), z.unknown())
  .refine((value) => JSON.stringify(value).length <= SIGNAL_SETTINGS_MAX_JSON_CHARS, {
    message: `at most ${SIGNAL_SETTINGS_MAX_JSON_CHARS} characters of JSON`,
  });

/** The model's default calibrated-probability threshold per label (a threshold the tenant leaves unset). */
export const signalThresholdDefaultsSchema = z.object({
  urgency: z.number().min(0).max(1),
  safety: z.number().min(0).max(1),
  escalation: z.number().min(0).max(1),
});

const signalSettingsReply = z.object({
  version: version1,
  tenantId: tenantIdSchema,
  /** As stored, every default filled in (an invalid legacy value is returned as stored and `valid` is false). */
  settings: signalSettingsObjectSchema,
  /** False when the stored settings do not validate: chat then uses the built-in detector. */
  valid: z.boolean(),
  defaults: z.object({ thresholds: signalThresholdDefaultsSchema }),
});
export type SignalSettingsReply = z.infer<typeof signalSettingsReply>;

export const TenantSignalsGetRpc = defineRpc(
  RPC_SUBJECTS.tenantSignalsGet,
  z.object({ version: version1, tenantId: tenantIdSchema }),
  signalSettingsReply,
);

/**
 * Replaces the tenant's signal settings as a whole (audited, evt.tenant.updated with
 * changedFields ['signalRules']). VALIDATION lists every offending field; nothing is stored then.
 */
export const TenantSignalsSetRpc = defineRpc(
  RPC_SUBJECTS.tenantSignalsSet,
  z.object({ version: version1, actor: actorSchema, tenantId: tenantIdSchema, settings: signalSettingsObjectSchema }),
  signalSettingsReply,
);
