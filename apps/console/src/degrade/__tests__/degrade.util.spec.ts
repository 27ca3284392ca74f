import { activeLabels, ALL_OFF, degradeBody, describeSignal } from '../degrade.util';

describe('degrade console helpers', () => {
  it('names the switches that are on', () => {
    expect(activeLabels(ALL_OFF)).toBe('none');
    expect(activeLabels({ ...ALL_OFF, offline_only: true, cheaper_model: true })).toBe('Cheaper model, Offline only');
  });

  it('describes both overload signals with their thresholds', () => {
    const base = { tripped: false, since: null, switches: ['cheaper_model' as const] };
    expect(describeSignal({ ...base, name: 'provider_error_rate', value: 0.625, enter_above: 0.5, leave_below: 0.2 })).toBe(
      '63% of model calls failed (on at 50%, off at or below 20%)',
    );
    expect(describeSignal({ ...base, name: 'provider_error_rate', value: null, enter_above: 0.5, leave_below: 0.2 })).toBe(
      'too few model calls to judge (on at 50%, off at or below 20%)',
    );
    expect(describeSignal({ ...base, name: 'in_flight_turns', value: 240, enter_above: 200, leave_below: 100 })).toBe(
      '240 turns in flight (on at 200, off at or below 100)',
    );
  });

  it('sends a blank reason as none and a reason trimmed', () => {
    expect(degradeBody(ALL_OFF, '   ')).toEqual({ switches: ALL_OFF, reason: null });
    expect(degradeBody({ ...ALL_OFF, lean_context: true }, ' outage ')).toEqual({
      switches: { ...ALL_OFF, lean_context: true },
      reason: 'outage',
    });
  });
});
