import type { components } from '../api/schema.gen';
import type { FieldErrors } from '../forms/field-errors.util';

export type SignalSettingsAnswer = components['schemas']['SignalSettingsAnswer'];
export type SignalSettings = components['schemas']['SignalSettings'];
export type ClassifierLabel = keyof SignalSettingsAnswer['defaults']['thresholds'];

export const CLASSIFIER_LABELS: readonly ClassifierLabel[] = ['urgency', 'safety', 'escalation'];
export const THRESHOLD_MIN = 0.01;
export const THRESHOLD_MAX = 1;

/** The signals form: every value as its control holds it (thresholds as typed, '' = the model default). */
export interface SignalSettingsForm {
  classifierEnabled: boolean;
  thresholds: Record<ClassifierLabel, string>;
  /** One built-in rule id a line. */
  disable: string;
  /** One `rule_id: term` a line (extra terms for an existing rule). */
  extend: string;
  /** One figurative phrase a line. */
  figurative: string;
}

export function settingsToForm(settings: SignalSettings): SignalSettingsForm {
  const thresholds = settings.classifier.thresholds;
  return {
    classifierEnabled: settings.classifier.enabled,
    thresholds: {
      urgency: thresholds.urgency === undefined ? '' : String(thresholds.urgency),
      safety: thresholds.safety === undefined ? '' : String(thresholds.safety),
      escalation: thresholds.escalation === undefined ? '' : String(thresholds.escalation),
    },
    disable: settings.disable.join('\n'),
    extend: Object.entries(settings.extend)
      .flatMap(([id, terms]) => terms.map((term) => `${id}: ${term}`))
      .join('\n'),
    figurative: settings.figurative.join('\n'),
  };
}

/** Lines of a textarea as a list: trimmed, empty lines dropped, each once. */
export function lines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()))].filter(Boolean);
}

/** `rule_id: term` lines grouped by rule id (terms once each, in order); a line without a rule id is an error. */
export function parseExtendLines(text: string): { extend: Record<string, string[]>; error?: string } {
  const extend: Record<string, string[]> = {};
  const bad: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    const id = colon > 0 ? line.slice(0, colon).trim() : '';
    const term = colon > 0 ? line.slice(colon + 1).trim() : '';
    if (!id || !term) {
      bad.push(i + 1);
      return;
    }
    const terms = (extend[id] ??= []);
    if (!terms.includes(term)) terms.push(term);
  });
  return bad.length > 0 ? { extend, error: `line ${bad.join(', ')}: write rule_id: term` } : { extend };
}

/** A threshold as typed: undefined for '' (the model default), NaN when it is not a number. */
export function parseThreshold(text: string): number | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  const number = Number(value.replace(',', '.'));
  return Number.isFinite(number) ? number : Number.NaN;
}

/**
 * The PUT /api/v1/settings/signals body for the form: the whole settings object (PUT replaces
 * it), keeping what this form does not edit (added rules, rule vetoes) as stored. Errors found
 * before sending come back by the API's own paths (`classifier.thresholds.urgency`, `extend`),
 * so the form shows them like the gateway's.
 */
export function formToSettings(form: SignalSettingsForm, stored: SignalSettings): { settings: SignalSettings } | { errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const thresholds: SignalSettings['classifier']['thresholds'] = {};
  for (const label of CLASSIFIER_LABELS) {
    const value = parseThreshold(form.thresholds[label]);
    if (value === undefined) continue;
    if (Number.isNaN(value) || value < THRESHOLD_MIN || value > THRESHOLD_MAX) {
      errors[`classifier.thresholds.${label}`] = `a number from ${THRESHOLD_MIN} to ${THRESHOLD_MAX}, or empty for the default`;
    } else {
      thresholds[label] = value;
    }
  }
  const extend = parseExtendLines(form.extend);
  if (extend.error) errors.extend = extend.error;
  if (Object.keys(errors).length > 0) return { errors };
  return {
    settings: {
      rules: stored.rules,
      extend: extend.extend,
      disable: lines(form.disable),
      figurative: lines(form.figurative),
      classifier: { enabled: form.classifierEnabled, thresholds, ruleVetoes: stored.classifier.ruleVetoes },
    },
  };
}

/** True when the settings the form would send equal the stored ones. */
export function sameSettings(a: SignalSettings, b: SignalSettings): boolean {
  const canonical = (s: SignalSettings) =>
    JSON.stringify([
      s.rules,
      Object.entries(s.extend).sort(([x], [y]) => x.localeCompare(y)),
      s.disable,
      s.figurative,
      s.classifier.enabled,
      s.classifier.ruleVetoes,
      CLASSIFIER_LABELS.map((label) => s.classifier.thresholds[label] ?? null),
    ]);
  return canonical(a) === canonical(b);
}

/** "0.53 (model default)" or "0.7 (default 0.53)": what the classifier uses for a label. */
export function thresholdSummary(form: SignalSettingsForm, defaults: SignalSettingsAnswer['defaults'], label: ClassifierLabel): string {
  const own = parseThreshold(form.thresholds[label]);
  const fallback = defaults.thresholds[label];
  if (own === undefined) return `${fallback} (model default)`;
  if (Number.isNaN(own)) return `not a number (default ${fallback})`;
  return own >= 1 ? `off for ${label} (default ${fallback})` : `${own} (default ${fallback})`;
}
