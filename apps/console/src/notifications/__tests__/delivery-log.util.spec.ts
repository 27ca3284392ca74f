import { deadIds, deliveryOutcome, inFlight } from '../delivery-log.util';

const base = { attempts: 1, latency_ms: 42, last_status_code: 200, last_error: null };

describe('delivery outcome', () => {
  it.each([
    [{ ...base, status: 'delivered' as const }, 'Delivered in 42 ms (HTTP 200)'],
    [{ ...base, status: 'delivered' as const, latency_ms: null, last_status_code: null }, 'Delivered'],
    [
      { ...base, status: 'dead' as const, attempts: 5, last_status_code: 500, last_error: 'server error' },
      'Failed after 5 attempts: HTTP 500: server error',
    ],
    [{ ...base, status: 'dead' as const, last_status_code: null, last_error: null }, 'Failed after 1 attempt'],
    [
      { ...base, status: 'pending' as const, attempts: 2, last_status_code: 503, last_error: null },
      'Waiting to send, 2 attempts so far (last: HTTP 503)',
    ],
    [{ ...base, status: 'held' as const, attempts: 0, last_status_code: null }, 'Held (quiet hours)'],
  ])('%j', (delivery, text) => {
    expect(deliveryOutcome(delivery)).toBe(text);
  });

  it('picks the dead deliveries', () => {
    expect(
      deadIds([
        { id: 'a', status: 'dead' },
        { id: 'b', status: 'delivered' },
        { id: 'c', status: 'dead' },
      ]),
    ).toEqual(['a', 'c']);
  });

  it('knows when a delivery is still on its way', () => {
    expect(inFlight([{ status: 'delivered' }, { status: 'dead' }, { status: 'held' }])).toBe(false);
    expect(inFlight([{ status: 'delivered' }, { status: 'pending' }])).toBe(true);
    expect(inFlight([{ status: 'sending' }])).toBe(true);
  });
});
