import { CLASSIFIER_LABELS } from '../classifier/corpus-split.util';
import { SIGNALS_MODEL } from '../classifier/signals-model.data';
import { InvalidSignalRulesError } from '../detector/signal-rules.errors';
import {
  DEFAULT_CLASSIFIER_THRESHOLDS,
  parseTenantSignalSettings,
  tenantSignalSettingsSchema,
} from '../detector/tenant-signal-settings.schema';

function issuePaths(input: unknown): string[] {
  try {
    parseTenantSignalSettings(input);
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidSignalRulesError);
    return (err as InvalidSignalRulesError).issues.map((i) => i.path);
  }
  throw new Error('expected the settings to be rejected');
}

describe('tenant signal settings', () => {
  it('fills every default: no rules, the classifier on with the model thresholds', () => {
    expect(parseTenantSignalSettings({})).toEqual({
      rules: [],
      extend: {},
      disable: [],
      figurative: [],
      classifier: { enabled: true, thresholds: {}, ruleVetoes: true },
    });
  });

  it('keeps a tenant extension and classifier options together', () => {
    const settings = {
      disable: ['locked_out'],
      extend: { flooding: ['water in the cellar'] },
      figurative: ['flooding the market'],
      classifier: { thresholds: { urgency: 0.7, escalation: 1 }, ruleVetoes: false },
    };
    expect(parseTenantSignalSettings(settings)).toMatchObject({
      ...settings,
      classifier: { enabled: true, thresholds: { urgency: 0.7, escalation: 1 }, ruleVetoes: false },
    });
  });

  it.each([
    [{ classifier: { thresholds: { urgency: 0 } } }, 'classifier.thresholds.urgency'],
    [{ classifier: { thresholds: { safety: 1.5 } } }, 'classifier.thresholds.safety'],
    [{ classifier: { thresholds: { panic: 0.5 } } }, 'classifier.thresholds.panic'],
    [{ classifier: { enabled: 'yes' } }, 'classifier.enabled'],
    [{ rules: [{ id: 'pet_poisoning', type: 'urgency', severity: 'high', terms: [] }] }, 'rules.0.terms'],
    [{ rules: [{ id: 'flooding', type: 'urgency', severity: 'high', terms: ['ab'] }] }, 'rules.0.id'],
    [{ disable: ['locked_out', 'no_such_rule'] }, 'disable.1'],
    [{ extend: { no_such_rule: ['ab'] } }, 'extend.no_such_rule'],
    [{ figurative: ['x'] }, 'figurative.0'],
    [{ patterns: ['.*'] }, 'patterns'],
  ])('rejects %j naming %s', (input, path) => {
    expect(issuePaths(input)).toContain(path);
  });

  it('lists every offending field at once', () => {
    expect(issuePaths({ classifier: { thresholds: { urgency: 0, safety: 2 } }, figurative: ['x'] }).sort()).toEqual([
      'classifier.thresholds.safety',
      'classifier.thresholds.urgency',
      'figurative.0',
    ]);
  });

  it('exports the model defaults for clients, one per label, and a strict schema', () => {
    expect(DEFAULT_CLASSIFIER_THRESHOLDS).toEqual(SIGNALS_MODEL.thresholds);
    for (const label of CLASSIFIER_LABELS) expect(DEFAULT_CLASSIFIER_THRESHOLDS[label]).toBeGreaterThan(0);
    expect(tenantSignalSettingsSchema.safeParse({ other: true }).success).toBe(false);
  });
});
