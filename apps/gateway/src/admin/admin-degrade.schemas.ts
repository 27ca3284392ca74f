import { z } from 'zod';
import {
  DEGRADE_SWITCH_FIELDS,
  DEGRADE_SWITCH_NAMES,
  unionOfSwitches,
  type ChatDegradeStatus,
  type DegradeSetting,
  type DegradeSwitches,
} from '@parley/contracts';

// The HTTP shape of the degrade switches (snake_case, docs/adr/0022-degrade-switches.md). A PUT
// replaces the scope's switches as a whole: a switch left out is off.

const switchFlag = z.boolean().default(false);

export const degradeBodySchema = z
  .object({
    switches: z
      .object({
        cheaper_model: switchFlag,
        lean_context: switchFlag,
        skip_model_extraction: switchFlag,
        offline_only: switchFlag,
      })
      .strict(),
    /** Why (shown in the console and the audit log). */
    reason: z.string().trim().min(1).max(500).nullable().default(null),
  })
  .strict()
  .meta({ id: 'PutDegradeRequest' });
export type DegradeBody = z.output<typeof degradeBodySchema>;

const switchesOut = z.object(
  Object.fromEntries(DEGRADE_SWITCH_NAMES.map((name) => [name, z.boolean()])) as Record<
    (typeof DEGRADE_SWITCH_NAMES)[number],
    z.ZodBoolean
  >,
);

const settingOut = z.object({
  tenant_id: z.uuid().nullable(),
  switches: switchesOut,
  reason: z.string().nullable(),
  updated_at: z.string().nullable(),
  updated_by: z.uuid().nullable(),
});

const automaticOut = z
  .object({
    replica: z.string(),
    enabled: z.boolean(),
    switches: switchesOut,
    signals: z.array(
      z.object({
        name: z.string(),
        value: z.number().nullable(),
        enter_above: z.number(),
        leave_below: z.number(),
        tripped: z.boolean(),
        since: z.string().nullable(),
        switches: z.array(z.enum(DEGRADE_SWITCH_NAMES)),
      }),
    ),
  })
  .nullable();

/** What GET and PUT answer: the scope's configured switches, chat's automatic ones and the union in effect. */
export const degradeAnswerSchema = z
  .object({
    scope: z.enum(['global', 'tenant']),
    configured: settingOut,
    /** Tenant scope only: the platform's switches, which apply to the tenant too. */
    global: settingOut.optional(),
    /** The automatic mode of the chat replica that answered; null when chat did not answer in time. */
    automatic: automaticOut,
    /** What a turn (of this tenant, for the tenant scope) runs with now on that replica: the union of the above. */
    effective: switchesOut,
    /** Global scope only: every tenant with a switch of its own on. */
    degraded_tenants: z.array(settingOut).optional(),
  })
  .meta({ id: 'DegradeState' });
export type DegradeAnswer = z.output<typeof degradeAnswerSchema>;

export function toHttpSwitches(switches: DegradeSwitches): Record<string, boolean> {
  return Object.fromEntries(DEGRADE_SWITCH_NAMES.map((name) => [name, switches[DEGRADE_SWITCH_FIELDS[name]]]));
}

export function fromHttpSwitches(body: DegradeBody['switches']): DegradeSwitches {
  return {
    cheaperModel: body.cheaper_model,
    leanContext: body.lean_context,
    skipModelExtraction: body.skip_model_extraction,
    offlineOnly: body.offline_only,
  };
}

function toHttpSetting(setting: DegradeSetting): z.output<typeof settingOut> {
  return {
    tenant_id: setting.tenantId,
    switches: toHttpSwitches(setting.switches) as z.output<typeof switchesOut>,
    reason: setting.reason,
    updated_at: setting.updatedAt,
    updated_by: setting.updatedBy,
  };
}

function toHttpAutomatic(status: ChatDegradeStatus | null): DegradeAnswer['automatic'] {
  if (!status) return null;
  return {
    replica: status.replica,
    enabled: status.enabled,
    switches: toHttpSwitches(status.switches) as z.output<typeof switchesOut>,
    signals: status.signals.map((s) => ({
      name: s.name,
      value: s.value,
      enter_above: s.enterAbove,
      leave_below: s.leaveBelow,
      tripped: s.tripped,
      since: s.since,
      switches: s.switches,
    })),
  };
}

/** The answer of the global scope. */
export function globalAnswer(
  setting: DegradeSetting,
  degraded: readonly DegradeSetting[],
  automatic: ChatDegradeStatus | null,
): DegradeAnswer {
  return {
    scope: 'global',
    configured: toHttpSetting(setting),
    automatic: toHttpAutomatic(automatic),
    effective: toHttpSwitches(unionOfSwitches(setting.switches, automatic?.switches)) as DegradeAnswer['effective'],
    degraded_tenants: degraded.map(toHttpSetting),
  };
}

/** The answer of one tenant's scope. */
export function tenantAnswer(setting: DegradeSetting, global: DegradeSetting, automatic: ChatDegradeStatus | null): DegradeAnswer {
  return {
    scope: 'tenant',
    configured: toHttpSetting(setting),
    global: toHttpSetting(global),
    automatic: toHttpAutomatic(automatic),
    effective: toHttpSwitches(unionOfSwitches(setting.switches, global.switches, automatic?.switches)) as DegradeAnswer['effective'],
  };
}
