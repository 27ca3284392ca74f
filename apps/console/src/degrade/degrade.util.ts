import type { components } from '../api/schema.gen';

export type DegradeState = components['schemas']['DegradeState'];
export type DegradeSwitches = DegradeState['effective'];
export type SwitchName = keyof DegradeSwitches;
export type OverloadSignal = NonNullable<DegradeState['automatic']>['signals'][number];

/** The four switches in the order the console lists them, with what each does to a turn (docs/runbooks/degrade.md). */
export const SWITCHES: ReadonlyArray<{ name: SwitchName; label: string; effect: string }> = [
  { name: 'cheaper_model', label: 'Cheaper model', effect: "Skip the tenant's primary model: its first fallback model answers." },
  { name: 'lean_context', label: 'Lean context', effect: 'Send fewer history messages and knowledge passages with each turn.' },
  {
    name: 'skip_model_extraction',
    label: 'Skip model extraction',
    effect: 'Extract contacts and interactions with the deterministic extractor only.',
  },
  { name: 'offline_only', label: 'Offline only', effect: 'Answer every turn with the offline responder: no model is called.' },
];

export const ALL_OFF: DegradeSwitches = { cheaper_model: false, lean_context: false, skip_model_extraction: false, offline_only: false };

/** The labels of the switches that are on, or `none`. */
export function activeLabels(switches: DegradeSwitches): string {
  const on = SWITCHES.filter((s) => switches[s.name]).map((s) => s.label);
  return on.length > 0 ? on.join(', ') : 'none';
}

/** A signal's value and thresholds in words: `62% of model calls failed (on at 50%, off below 20%)`. */
export function describeSignal(signal: OverloadSignal): string {
  if (signal.name === 'provider_error_rate') {
    const pct = (value: number) => `${Math.round(value * 100)}%`;
    const value = signal.value === null ? 'too few model calls to judge' : `${pct(signal.value)} of model calls failed`;
    return `${value} (on at ${pct(signal.enter_above)}, off at or below ${pct(signal.leave_below)})`;
  }
  return `${signal.value ?? 0} turns in flight (on at ${signal.enter_above}, off at or below ${signal.leave_below})`;
}

/** The PUT body of a form's switches and reason (an empty reason is none). */
export function degradeBody(switches: DegradeSwitches, reason: string): { switches: DegradeSwitches; reason: string | null } {
  const trimmed = reason.trim();
  return { switches: { ...switches }, reason: trimmed === '' ? null : trimmed };
}
