import {
  conversationFiltersFromParams,
  conversationFiltersToParams,
  conversationListQuery,
  conversationState,
  filtersProblem,
  NO_CONVERSATION_FILTERS,
  notableSignals,
  sentimentWord,
  signalText,
  type Signal,
} from '../conversations.util';

const CONTACT = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';

describe('conversation filters', () => {
  it('reads valid filters from the URL and ignores the rest', () => {
    expect(
      conversationFiltersFromParams(
        new URLSearchParams(`status=handoff&signal=safety&since=2026-12-01&until=2026-12-06&contact_id=${CONTACT}`),
      ),
    ).toEqual({
      status: 'handoff',
      signal: 'safety',
      since: '2026-12-01',
      until: '2026-12-06',
      contactId: CONTACT,
    });
    expect(conversationFiltersFromParams(new URLSearchParams('status=lost&signal=sentiment&since=monday&contact_id=42'))).toEqual(
      NO_CONVERSATION_FILTERS,
    );
  });

  it('round-trips through the URL', () => {
    const filters = { ...NO_CONVERSATION_FILTERS, status: 'closed' as const, since: '2026-12-01' };
    expect(conversationFiltersFromParams(new URLSearchParams(conversationFiltersToParams(filters)))).toEqual(filters);
    expect(conversationFiltersToParams(NO_CONVERSATION_FILTERS)).toEqual({});
  });

  it('sends local days as instants, `until` as the start of the next day (exclusive), with the cursor', () => {
    const query = conversationListQuery(
      { ...NO_CONVERSATION_FILTERS, since: '2026-12-01', until: '2026-12-06', signal: 'urgency' },
      'c1',
      25,
    );
    expect(query).toEqual({
      limit: 25,
      signal: 'urgency',
      since: new Date('2026-12-01T00:00:00').toISOString(),
      until: new Date('2026-12-07T00:00:00').toISOString(),
      cursor: 'c1',
    });
    expect(conversationListQuery({ ...NO_CONVERSATION_FILTERS, contactId: CONTACT }, null, 10)).toEqual({ limit: 10, contact_id: CONTACT });
  });

  it('says when the dates are the wrong way round', () => {
    expect(filtersProblem({ ...NO_CONVERSATION_FILTERS, since: '2026-12-06', until: '2026-12-01' })).toMatch(/must not be after/);
    expect(filtersProblem({ ...NO_CONVERSATION_FILTERS, since: '2026-12-06', until: '2026-12-06' })).toBeNull();
  });
});

describe('conversation display', () => {
  it.each([
    [{ status: 'closed', mode: 'human', needsHuman: true }, 'Closed'],
    [{ status: 'open', mode: 'human', needsHuman: false }, 'With a person'],
    [{ status: 'open', mode: 'bot', needsHuman: true }, 'Waiting for a person'],
    [{ status: 'open', mode: 'bot', needsHuman: false }, 'Open'],
  ] as const)('%j is %s', (c, state) => {
    expect(conversationState(c)).toBe(state);
  });

  it('keeps urgency, safety and escalation always, other signals when strong; strongest first, each once', () => {
    const signals: Signal[] = [
      { kind: 'sentiment', label: 'negative', score: 0.3 },
      { kind: 'urgency', label: 'emergency', score: 0.2 },
      { kind: 'intent', label: 'booking', score: 0.9 },
      { kind: 'urgency', label: 'emergency', score: 0.1 },
      { kind: 'safety', label: 'gas', score: 0.95 },
    ];
    expect(notableSignals(signals).map(signalText)).toEqual(['safety: gas (95 %)', 'intent: booking (90 %)', 'urgency: emergency (20 %)']);
  });

  it('puts sentiment scores in words', () => {
    expect([sentimentWord(-0.6), sentimentWord(0), sentimentWord(0.5), sentimentWord(null)]).toEqual([
      'negative (-0.60)',
      'neutral (0.00)',
      'positive (0.50)',
      null,
    ]);
  });
});
