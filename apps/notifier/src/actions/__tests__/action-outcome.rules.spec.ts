import { outcomeAtIntake } from '../action-outcome.rules';

describe('outcomeAtIntake', () => {
  it('fails when nothing could be planned', () => {
    expect(outcomeAtIntake([])).toEqual({ status: 'failed', reason: 'no_target' });
  });

  it('is done at once with an inbox among the targets (held channels or not)', () => {
    expect(outcomeAtIntake([{ channelKind: 'webhook' }, { channelKind: 'inbox' }])).toEqual({ status: 'done', reason: null });
  });

  it('waits for the first send when only channels are targeted', () => {
    expect(outcomeAtIntake([{ channelKind: 'webhook' }, { channelKind: 'email' }])).toEqual({ status: 'requested', reason: null });
  });
});
