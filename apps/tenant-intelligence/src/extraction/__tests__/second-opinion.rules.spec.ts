import type { SignalsSummary } from '@parley/contracts';
import { compareWithInline } from '../second-opinion.rules';

const inline = (flags: SignalsSummary['flags']): SignalsSummary => ({
  urgency: flags.includes('urgent') ? 'high' : 'none',
  sentiment: 'neutral',
  sentimentScore: 0,
  intents: [],
  flags,
  entityCount: 0,
});

describe('compareWithInline', () => {
  it.each([
    [[], { urgent: false, safety: false }, 'agree_clear', 'agree_clear'],
    [['urgent', 'safety'], { urgent: true, safety: true }, 'agree_flagged', 'agree_flagged'],
    [[], { urgent: true, safety: false }, 'model_only', 'agree_clear'],
    [['urgent'], { urgent: false, safety: true }, 'inline_only', 'model_only'],
    [['escalation', 'pii'], { urgent: false, safety: false }, 'agree_clear', 'agree_clear'],
  ] as const)('inline %p, model %p -> urgency %s, safety %s', (flags, model, urgency, safety) => {
    expect(compareWithInline(inline([...flags]), model)).toEqual([
      { signal: 'urgency', outcome: urgency },
      { signal: 'safety', outcome: safety },
    ]);
  });
});
