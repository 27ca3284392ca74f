import {
  formToSettings,
  parseExtendLines,
  parseThreshold,
  sameSettings,
  settingsToForm,
  thresholdSummary,
  type SignalSettings,
  type SignalSettingsAnswer,
} from '../signal-settings.util';

const stored: SignalSettings = {
  rules: [{ id: 'pet_poisoning', type: 'urgency', severity: 'critical', confidence: 0.8, terms: ['ate chocolate'] }],
  extend: { flooding: ['water in the cellar', 'cellar flooded'] },
  disable: ['locked_out'],
  figurative: ['flooding the market'],
  classifier: { enabled: true, thresholds: { urgency: 0.7 }, ruleVetoes: false },
};
const defaults: SignalSettingsAnswer['defaults'] = { thresholds: { urgency: 0.53, safety: 0.57, escalation: 0.83 } };

describe('signal settings form ↔ PUT /api/v1/settings/signals', () => {
  it('shows the stored settings, an unset threshold as empty', () => {
    expect(settingsToForm(stored)).toEqual({
      classifierEnabled: true,
      thresholds: { urgency: '0.7', safety: '', escalation: '' },
      disable: 'locked_out',
      extend: 'flooding: water in the cellar\nflooding: cellar flooded',
      figurative: 'flooding the market',
    });
  });

  it('sends the same settings back when nothing changed, keeping what the form does not edit', () => {
    const result = formToSettings(settingsToForm(stored), stored);
    expect(result).toEqual({ settings: stored });
    expect('settings' in result && sameSettings(result.settings, stored)).toBe(true);
  });

  it('sends the whole object with the edits: thresholds as numbers, empty = default, lists from lines', () => {
    const form = {
      ...settingsToForm(stored),
      thresholds: { urgency: '', safety: '0,9', escalation: '1' },
      disable: 'locked_out\n\n  human_request \nlocked_out',
      extend: 'flooding: water in the cellar\ngas_smell: whiff of gas\nflooding: water in the cellar',
      figurative: '',
    };
    const result = formToSettings(form, stored);
    expect(result).toEqual({
      settings: {
        rules: stored.rules,
        extend: { flooding: ['water in the cellar'], gas_smell: ['whiff of gas'] },
        disable: ['locked_out', 'human_request'],
        figurative: [],
        classifier: { enabled: true, thresholds: { safety: 0.9, escalation: 1 }, ruleVetoes: false },
      },
    });
    expect('settings' in result && sameSettings(result.settings, stored)).toBe(false);
  });

  it('reports bad input under the API paths before sending', () => {
    const form = { ...settingsToForm(stored), thresholds: { urgency: 'high', safety: '0', escalation: '1.5' }, extend: 'no rule id here' };
    expect(formToSettings(form, stored)).toEqual({
      errors: {
        'classifier.thresholds.urgency': expect.stringContaining('0.01'),
        'classifier.thresholds.safety': expect.stringContaining('0.01'),
        'classifier.thresholds.escalation': expect.stringContaining('0.01'),
        extend: 'line 1: write rule_id: term',
      },
    });
  });

  it('parses thresholds and extend lines', () => {
    expect(parseThreshold('')).toBeUndefined();
    expect(parseThreshold(' 0.25 ')).toBe(0.25);
    expect(parseThreshold('abc')).toBeNaN();
    expect(parseExtendLines('a_rule: x: y\n: z\nb_rule:')).toEqual({
      extend: { a_rule: ['x: y'] },
      error: 'line 2, 3: write rule_id: term',
    });
  });

  it('treats threshold order and unset labels alike when comparing', () => {
    const a = { ...stored, classifier: { ...stored.classifier, thresholds: { urgency: 0.7, safety: 0.6 } } };
    const b = { ...stored, classifier: { ...stored.classifier, thresholds: { safety: 0.6, urgency: 0.7 } } };
    expect(sameSettings(a, b)).toBe(true);
  });

  it('says what the classifier uses for each label', () => {
    const form = settingsToForm({ ...stored, classifier: { ...stored.classifier, thresholds: { urgency: 0.7, escalation: 1 } } });
    expect(thresholdSummary(form, defaults, 'urgency')).toBe('0.7 (default 0.53)');
    expect(thresholdSummary(form, defaults, 'safety')).toBe('0.57 (model default)');
    expect(thresholdSummary(form, defaults, 'escalation')).toBe('off for escalation (default 0.83)');
  });
});
