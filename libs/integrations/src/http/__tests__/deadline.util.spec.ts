import { getEventListeners, once } from 'node:events';
import { withDeadline } from '../deadline.util';

describe('withDeadline', () => {
  it('aborts when the time is up, and says so', async () => {
    const deadline = withDeadline(new AbortController().signal, 10);
    await once(deadline.signal, 'abort');
    expect(deadline.timedOut()).toBe(true);
    deadline.dispose();
  });

  it("aborts with the caller's signal, which is not a timeout", () => {
    const parent = new AbortController();
    const deadline = withDeadline(parent.signal, 60_000);
    parent.abort(new Error('shutdown'));
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toEqual(new Error('shutdown'));
    expect(deadline.timedOut()).toBe(false);
    deadline.dispose();
  });

  it('starts aborted when the caller already aborted', () => {
    const parent = new AbortController();
    parent.abort();
    const deadline = withDeadline(parent.signal, 60_000);
    expect(deadline.signal.aborted).toBe(true);
    deadline.dispose();
  });

  it('leaves nothing attached to a long-lived caller signal once disposed', () => {
    const shutdown = new AbortController();
    for (let i = 0; i < 100; i += 1) withDeadline(shutdown.signal, 60_000).dispose();
    expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(0);
  });
});
