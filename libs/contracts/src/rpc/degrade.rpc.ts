import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import { actorSchema } from './tenant.schema';

// Degrade switches (docs/adr/0022-degrade-switches.md). Each switch trades answer quality for
// capacity: `cheaperModel` skips the tenant's primary model (its fallbacks answer),
// `leanContext` sends fewer history messages and knowledge passages, `skipModelExtraction`
// keeps L1b to the deterministic extractor, `offlineOnly` answers with the offline responder.
// The owner sets them platform-wide (tenantId null) or per tenant; chat adds its own automatic
// ones on overload. A turn's effective switches are the union of the three.

/** The switch names as metrics, logs and the HTTP API spell them. */
export const DEGRADE_SWITCH_NAMES = ['cheaper_model', 'lean_context', 'skip_model_extraction', 'offline_only'] as const;
export type DegradeSwitchName = (typeof DEGRADE_SWITCH_NAMES)[number];
export const degradeSwitchNameSchema = z.enum(DEGRADE_SWITCH_NAMES);

export const degradeSwitchesSchema = z
  .object({
    cheaperModel: z.boolean(),
    leanContext: z.boolean(),
    skipModelExtraction: z.boolean(),
    offlineOnly: z.boolean(),
  })
  .strict();
export type DegradeSwitches = z.infer<typeof degradeSwitchesSchema>;

/** Every switch off. */
export const NO_DEGRADE: DegradeSwitches = Object.freeze({
  cheaperModel: false,
  leanContext: false,
  skipModelExtraction: false,
  offlineOnly: false,
});

/** The contract field of each switch name. */
export const DEGRADE_SWITCH_FIELDS: Readonly<Record<DegradeSwitchName, keyof DegradeSwitches>> = {
  cheaper_model: 'cheaperModel',
  lean_context: 'leanContext',
  skip_model_extraction: 'skipModelExtraction',
  offline_only: 'offlineOnly',
};

/** Switch by switch, on when on in any of `sets` (the effective mode of a turn: global, tenant, automatic). */
export function unionOfSwitches(...sets: ReadonlyArray<DegradeSwitches | null | undefined>): DegradeSwitches {
  const out = { ...NO_DEGRADE };
  for (const set of sets) {
    if (!set) continue;
    for (const field of Object.values(DEGRADE_SWITCH_FIELDS)) out[field] = out[field] || set[field];
  }
  return out;
}

/** The names of the switches that are on, in DEGRADE_SWITCH_NAMES order. */
export function activeSwitchNames(switches: DegradeSwitches): DegradeSwitchName[] {
  return DEGRADE_SWITCH_NAMES.filter((name) => switches[DEGRADE_SWITCH_FIELDS[name]]);
}

const degradeReasonSchema = z.string().trim().min(1).max(500);

/** The owner's switches of one scope: the platform (tenantId null) or one tenant. */
export const degradeSettingSchema = z.object({
  tenantId: tenantIdSchema.nullable(),
  switches: degradeSwitchesSchema,
  /** Why the owner set them (shown in the console and the audit log). */
  reason: z.string().max(500).nullable(),
  /** Null when never set (every switch off). */
  updatedAt: isoDateTimeSchema.nullable(),
  updatedBy: uuidSchema.nullable(),
});
export type DegradeSetting = z.infer<typeof degradeSettingSchema>;

const degradeSettingReply = z.object({
  version: version1,
  setting: degradeSettingSchema,
  /** Only for the platform scope: every tenant with a switch of its own on. */
  degradedTenants: z.array(degradeSettingSchema).max(10_000).optional(),
});
export type DegradeSettingReply = z.infer<typeof degradeSettingReply>;

/** The owner's switches of the platform (tenantId null, with the degraded tenants) or of one tenant. NOT_FOUND for an unknown tenant. */
export const DegradeGetRpc = defineRpc(
  RPC_SUBJECTS.degradeGet,
  z.object({ version: version1, tenantId: tenantIdSchema.nullable() }),
  degradeSettingReply,
);

/**
 * Replaces the switches of the platform (tenantId null) or of one tenant: audited, and
 * evt.tenant.updated with changedFields ['degrade'] (tenant PLATFORM_TENANT_ID for the platform)
 * so every chat replica drops its cached switches at once. NOT_FOUND for an unknown tenant.
 */
export const DegradeSetRpc = defineRpc(
  RPC_SUBJECTS.degradeSet,
  z.object({
    version: version1,
    actor: actorSchema,
    tenantId: tenantIdSchema.nullable(),
    switches: degradeSwitchesSchema,
    reason: degradeReasonSchema.nullable(),
  }),
  degradeSettingReply,
);

/** One overload signal of chat's automatic controller. */
export const overloadSignalSchema = z.object({
  name: z.enum(['provider_error_rate', 'in_flight_turns']),
  /** The current value (null: too few model calls in the window to judge the error rate). */
  value: z.number().nonnegative().nullable(),
  enterAbove: z.number().nonnegative(),
  leaveBelow: z.number().nonnegative(),
  /** Whether this signal holds the automatic mode on. */
  tripped: z.boolean(),
  /** When it tripped (null when not tripped). */
  since: isoDateTimeSchema.nullable(),
  /** The switches it turns on while tripped. */
  switches: z.array(degradeSwitchNameSchema).max(DEGRADE_SWITCH_NAMES.length),
});
export type OverloadSignal = z.infer<typeof overloadSignalSchema>;

/** The automatic mode of the chat replica that answered (each replica judges its own load). */
export const chatDegradeStatusSchema = z.object({
  version: version1,
  /** The answering replica (host name), so repeated reads can be told apart. */
  replica: z.string().min(1).max(200),
  /** False when CHAT_DEGRADE_AUTO_ENABLED is off: `switches` then stays all off. */
  enabled: z.boolean(),
  switches: degradeSwitchesSchema,
  signals: z.array(overloadSignalSchema).max(10),
});
export type ChatDegradeStatus = z.infer<typeof chatDegradeStatusSchema>;

export const ChatDegradeStatusRpc = defineRpc(RPC_SUBJECTS.chatDegradeStatus, z.object({ version: version1 }), chatDegradeStatusSchema);

/**
 * One chat replica's automatic switches on CHAT_DEGRADE_AUTOMATIC_SUBJECT (NATS core): valid for
 * `validForMs` after it is received (a few evaluate intervals), so the switches of a replica that
 * stopped publishing (crashed, scaled down) lapse by themselves.
 */
export const chatDegradeAutomaticSchema = z.object({
  version: version1,
  replica: z.string().min(1).max(255),
  switches: degradeSwitchesSchema,
  validForMs: z.int().min(1).max(3_600_000),
});
export type ChatDegradeAutomatic = z.infer<typeof chatDegradeAutomaticSchema>;
