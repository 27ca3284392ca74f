import { InvalidSignalRulesError, parseTenantSignalSettings } from '@parley/signals';
import { changedSignalFields, signalSettingsIssues } from '../signal-settings.util';

describe('signal settings utils', () => {
  it('names the top-level fields and classifier options that changed', () => {
    const base = parseTenantSignalSettings({});
    expect(changedSignalFields(base, parseTenantSignalSettings({}))).toEqual([]);
    expect(changedSignalFields(base, parseTenantSignalSettings({ disable: ['locked_out'], classifier: { enabled: false } }))).toEqual([
      'disable',
      'classifier.enabled',
    ]);
    expect(changedSignalFields(null, base)).toEqual(['rules', 'extend', 'disable', 'figurative', 'classifier']);
  });

  it('maps detector issues to RPC field issues', () => {
    expect(signalSettingsIssues(new InvalidSignalRulesError([{ path: 'classifier.thresholds.urgency', message: 'too big' }]))).toEqual([
      { path: 'classifier.thresholds.urgency', code: 'invalid', message: 'too big' },
    ]);
  });
});
