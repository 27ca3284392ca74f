import type { DegradeConfig } from '../../config/env.schema';
import { OverloadController } from '../overload.controller';

const CONFIG: DegradeConfig = {
  autoEnabled: true,
  errorRateEnter: 0.5,
  errorRateLeave: 0.2,
  errorWindowMs: 60_000,
  errorMinCalls: 10,
  inFlightEnter: 100,
  inFlightLeave: 50,
  holdMs: 120_000,
  errorSwitches: ['cheaper_model'],
  loadSwitches: ['lean_context', 'cheaper_model'],
  leanHistoryTokenBudget: 500,
  leanKnowledgeLimit: 2,
  evaluateIntervalMs: 5000,
};

function setup(overrides: Partial<DegradeConfig> = {}) {
  let now = Date.parse('2026-12-14T10:00:00Z');
  const controller = new OverloadController({ ...CONFIG, ...overrides }, () => now);
  return {
    controller,
    advance: (ms: number) => (now += ms),
    calls: (ok: number, failed: number) => {
      for (let i = 0; i < ok; i++) controller.record('ok');
      for (let i = 0; i < failed; i++) controller.record('failed');
    },
  };
}

describe('OverloadController: provider error rate', () => {
  it('stays off below the enter threshold and with too few calls to judge', () => {
    const { controller, calls } = setup();
    calls(0, 9);
    expect(controller.evaluate(0).cheaperModel).toBe(false);
    expect(controller.signals()[0]).toMatchObject({ name: 'provider_error_rate', value: null, tripped: false });
    calls(10, 0);
    // 9 failed of 19: 0.47 < 0.5
    expect(controller.evaluate(0).cheaperModel).toBe(false);
    expect(controller.signals()[0].value).toBeCloseTo(9 / 19, 3);
  });

  it('enters at the threshold with the configured error switches only', () => {
    const { controller, calls } = setup();
    calls(5, 5);
    expect(controller.evaluate(0)).toEqual({ cheaperModel: true, leanContext: false, skipModelExtraction: false, offlineOnly: false });
    expect(controller.signals()[0]).toMatchObject({ tripped: true, since: '2026-12-14T10:00:00.000Z', switches: ['cheaper_model'] });
  });

  it('does not leave between the thresholds, and leaves below the lower one only after the hold time', () => {
    const { controller, calls, advance } = setup({ errorWindowMs: 1_000_000 });
    calls(5, 5);
    expect(controller.evaluate(0).cheaperModel).toBe(true);
    calls(10, 0); // 5 of 20 = 0.25: between leave (0.2) and enter (0.5)
    advance(500_000);
    expect(controller.evaluate(0).cheaperModel).toBe(true);
    calls(5, 0); // 5 of 25 = 0.2: calm, the hold starts now
    expect(controller.evaluate(0).cheaperModel).toBe(true);
    advance(119_999);
    expect(controller.evaluate(0).cheaperModel).toBe(true);
    advance(1);
    expect(controller.evaluate(0).cheaperModel).toBe(false);
  });

  it('restarts the hold when the rate rises above the leave threshold again', () => {
    const { controller, calls, advance } = setup({ errorWindowMs: 1_000_000, holdMs: 10_000 });
    calls(5, 5);
    controller.evaluate(0);
    calls(15, 0); // 5 of 25 = 0.2: calm from t0
    controller.evaluate(0);
    advance(9_000);
    calls(0, 3); // 8 of 28 > 0.2: not calm
    expect(controller.evaluate(0).cheaperModel).toBe(true);
    calls(20, 0); // 8 of 48 < 0.2: calm again from t0+9s
    controller.evaluate(0);
    advance(9_999);
    expect(controller.evaluate(0).cheaperModel).toBe(true);
    advance(1);
    expect(controller.evaluate(0).cheaperModel).toBe(false);
    expect(controller.signals()[0]).toMatchObject({ tripped: false, since: null });
  });

  it('clears after recovery once old failures leave the window and the hold has passed', () => {
    const { controller, calls, advance } = setup({ holdMs: 30_000 });
    calls(0, 10);
    expect(controller.evaluate(0).cheaperModel).toBe(true);
    advance(61_000); // the failures left the window: too few calls, judged calm
    expect(controller.evaluate(0).cheaperModel).toBe(true);
    advance(30_000);
    expect(controller.evaluate(0).cheaperModel).toBe(false);
  });
});

describe('OverloadController: turns in flight', () => {
  it('enters at the enter count with the load switches and leaves at the leave count after the hold', () => {
    const { controller, advance } = setup({ holdMs: 1000 });
    expect(controller.evaluate(99).leanContext).toBe(false);
    expect(controller.evaluate(100)).toMatchObject({ leanContext: true, cheaperModel: true, offlineOnly: false });
    expect(controller.evaluate(51).leanContext).toBe(true);
    advance(5000);
    expect(controller.evaluate(51).leanContext).toBe(true);
    expect(controller.evaluate(50).leanContext).toBe(true);
    advance(999);
    expect(controller.evaluate(10).leanContext).toBe(true);
    advance(1);
    expect(controller.evaluate(10).leanContext).toBe(false);
  });

  it('keeps a switch on while either signal holds it', () => {
    const { controller, calls, advance } = setup({ holdMs: 0, errorWindowMs: 1_000_000 });
    calls(0, 10);
    expect(controller.evaluate(100)).toMatchObject({ cheaperModel: true, leanContext: true });
    expect(controller.evaluate(0)).toMatchObject({ cheaperModel: true, leanContext: false });
    calls(100, 0);
    advance(1);
    expect(controller.evaluate(0)).toMatchObject({ cheaperModel: false, leanContext: false });
  });
});

it('never switches anything on when automatic degrade is disabled', () => {
  const { controller, calls } = setup({ autoEnabled: false });
  calls(0, 100);
  expect(controller.evaluate(1000)).toEqual({ cheaperModel: false, leanContext: false, skipModelExtraction: false, offlineOnly: false });
});
