import type { ChatStreamFrame, ChatTurnResponse } from '@parley/contracts';

/** What can happen while a streamed turn runs, in arrival order. */
export type TurnEvent =
  | { kind: 'frame'; frame: ChatStreamFrame }
  /** A frame's seq was not the next one (NATS core dropped frames for a slow consumer). */
  | { kind: 'gap'; expected: number; received: number }
  /** A message on the stream subject that is not a valid frame. */
  | { kind: 'invalid'; reason: string }
  /** The chat.turn reply (it arrives after the terminal frame when streaming). */
  | { kind: 'reply'; response: ChatTurnResponse }
  /** The chat.turn request failed (remote error code, timeout, nobody listening). */
  | { kind: 'failed'; error: unknown }
  /** The HTTP client went away before the end. */
  | { kind: 'disconnected' };

/** Returned by next() when nothing arrived within the wait: time for a heartbeat. */
export const IDLE = Symbol('idle');

/**
 * A single-reader queue of turn events. next(waitMs) resolves with the next event, or IDLE
 * when none arrives within waitMs, so the reader can interleave heartbeats without a second
 * timer racing its writes.
 */
export class TurnEventQueue {
  private readonly events: TurnEvent[] = [];
  private waiter?: (event: TurnEvent) => void;

  push(event: TurnEvent): void {
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = undefined;
      waiter(event);
    } else {
      this.events.push(event);
    }
  }

  /** Removes and returns the events already queued at the head that match `take` (never waits). */
  takeQueued<E extends TurnEvent>(take: (event: TurnEvent) => event is E): E[] {
    let n = 0;
    while (n < this.events.length && take(this.events[n])) n += 1;
    return this.events.splice(0, n) as E[];
  }

  next(waitMs: number): Promise<TurnEvent | typeof IDLE> {
    const queued = this.events.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve(IDLE);
      }, waitMs);
      this.waiter = (event) => {
        clearTimeout(timer);
        resolve(event);
      };
    });
  }
}
