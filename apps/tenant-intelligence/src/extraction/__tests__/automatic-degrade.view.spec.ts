import { NO_DEGRADE } from '@parley/contracts';
import { AutomaticDegradeView } from '../automatic-degrade.view';

const message = (replica: string, skip: boolean, validForMs = 15_000) => ({
  version: 1 as const,
  replica,
  switches: { ...NO_DEGRADE, skipModelExtraction: skip },
  validForMs,
});

describe("chat's automatic degrade as tenant-intelligence sees it", () => {
  it('skips model extraction while one replica says so, until its message lapses', () => {
    const view = new AutomaticDegradeView();
    expect(view.skipModelExtraction(0)).toBe(false);
    view.record(message('a', true, 15_000), 1_000);
    view.record(message('b', false, 15_000), 1_000);
    expect(view.skipModelExtraction(15_999)).toBe(true);
    expect(view.skipModelExtraction(16_000)).toBe(false);
  });

  it("follows a replica's latest message, and the others' still count", () => {
    const view = new AutomaticDegradeView();
    view.record(message('a', true), 0);
    view.record(message('b', true), 0);
    view.record(message('a', false), 10);
    expect(view.skipModelExtraction(20)).toBe(true);
    view.record(message('b', false), 30);
    expect(view.skipModelExtraction(40)).toBe(false);
  });
});
