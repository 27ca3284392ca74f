import type { components } from '../api/schema.gen';

export type TenantSettings = components['schemas']['TenantSettings'];
export type SettingsPatch = components['schemas']['UpdateTenantSettingsRequest'];
export type Tone = TenantSettings['tenant']['config']['tone'];
export const TONES: readonly Tone[] = ['friendly', 'professional', 'formal', 'casual', 'concise'];
export type DerivedDataRetention = NonNullable<TenantSettings['tenant']['config']['derivedDataRetention']>;

/** The bot settings form: every value a string or boolean, as the controls hold them. */
export interface BotSettingsForm {
  displayName: string;
  timezone: string;
  persona: string;
  tone: Tone;
  /** One topic a line. */
  allowedTopics: string;
  emergencyText: string;
  handoffEnabled: boolean;
  handoffMessage: string;
  notifyOnEscalation: boolean;
  /** What happens to summaries, interactions and contacts once their messages are deleted. */
  derivedDataRetention: DerivedDataRetention;
}

export function settingsToForm(settings: TenantSettings): BotSettingsForm {
  const { tenant } = settings;
  const { config } = tenant;
  return {
    displayName: tenant.displayName,
    timezone: tenant.timezone,
    persona: config.persona,
    tone: config.tone,
    allowedTopics: config.allowedTopics.join('\n'),
    emergencyText: config.emergencyText ?? '',
    handoffEnabled: config.escalation.handoffEnabled,
    handoffMessage: config.escalation.handoffMessage ?? '',
    notifyOnEscalation: config.escalation.notifyOnEscalation,
    derivedDataRetention: config.derivedDataRetention ?? 'keep',
  };
}

/** Lines of a textarea as a list: trimmed, empty lines dropped, each once. */
export function linesToList(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const value = line.trim();
    if (value) seen.add(value);
  }
  return [...seen];
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/**
 * PATCH /api/v1/settings for the form: only what differs from the stored settings (the
 * escalation block whole when any part of it changed), or null when nothing changed.
 * The gateway validates; its field errors come back under these same paths.
 */
export function formToPatch(form: BotSettingsForm, stored: TenantSettings): SettingsPatch | null {
  const before = settingsToForm(stored);
  const patch: SettingsPatch = {};
  const config: NonNullable<SettingsPatch['config']> = {};
  if (form.displayName.trim() !== before.displayName) patch.displayName = form.displayName.trim();
  if (form.timezone.trim() !== before.timezone) patch.timezone = form.timezone.trim();
  if (form.persona !== before.persona) config.persona = form.persona;
  if (form.tone !== before.tone) config.tone = form.tone;
  const topics = linesToList(form.allowedTopics);
  if (topics.join('\n') !== stored.tenant.config.allowedTopics.join('\n')) config.allowedTopics = topics;
  if (orNull(form.emergencyText) !== stored.tenant.config.emergencyText) config.emergencyText = orNull(form.emergencyText);
  const escalation = {
    handoffEnabled: form.handoffEnabled,
    handoffMessage: orNull(form.handoffMessage),
    notifyOnEscalation: form.notifyOnEscalation,
  };
  const storedEscalation = stored.tenant.config.escalation;
  if (
    escalation.handoffEnabled !== storedEscalation.handoffEnabled ||
    escalation.handoffMessage !== storedEscalation.handoffMessage ||
    escalation.notifyOnEscalation !== storedEscalation.notifyOnEscalation
  ) {
    config.escalation = escalation;
  }
  if (form.derivedDataRetention !== before.derivedDataRetention) config.derivedDataRetention = form.derivedDataRetention;
  if (Object.keys(config).length > 0) patch.config = config;
  return Object.keys(patch).length > 0 ? patch : null;
}
