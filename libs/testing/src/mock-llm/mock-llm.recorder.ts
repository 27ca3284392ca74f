import type { IncomingHttpHeaders } from 'node:http';
import type { MockLlmEvent, MockLlmEventType, MockRequestOutcome, RecordedRequest } from './mock-llm.types';

interface Waiter {
  predicate: () => boolean;
  resolve: () => void;
}

/** Keeps every request the mock received and every event, numbered in one global order. */
export class MockLlmRecorder {
  readonly requests: RecordedRequest[] = [];
  readonly events: MockLlmEvent[] = [];
  private nextRequestId = 1;
  private nextSeq = 1;
  private waiters: Waiter[] = [];
  private settlers = new Map<number, (outcome: MockRequestOutcome) => void>();

  open(method: string, path: string, headers: IncomingHttpHeaders): RecordedRequest {
    let settle: (outcome: MockRequestOutcome) => void = () => undefined;
    const settled = new Promise<MockRequestOutcome>((resolve) => (settle = resolve));
    const request: RecordedRequest = {
      id: this.nextRequestId++,
      method,
      path,
      headers,
      body: undefined,
      rawBody: '',
      events: [],
      outcome: 'pending',
      clientAborted: false,
      settled,
    };
    this.settlers.set(request.id, settle);
    this.requests.push(request);
    this.event(request, 'received');
    return request;
  }

  event(request: RecordedRequest, type: MockLlmEventType): void {
    const event: MockLlmEvent = { seq: this.nextSeq++, requestId: request.id, type };
    this.events.push(event);
    request.events.push(event);
    this.notify();
  }

  /** Sets the outcome once; later calls (a close after a deliberate drop, say) are ignored. */
  settle(request: RecordedRequest, outcome: MockRequestOutcome): void {
    if (request.outcome !== 'pending') return;
    request.outcome = outcome;
    if (outcome === 'aborted') {
      request.clientAborted = true;
      this.event(request, 'aborted');
    }
    this.settlers.get(request.id)?.(outcome);
    this.settlers.delete(request.id);
    this.notify();
  }

  /** Resolves when `predicate` holds, checked after every recorded change; rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`mock LLM: condition not met within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        predicate,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  clear(): void {
    this.requests.length = 0;
    this.events.length = 0;
  }

  private notify(): void {
    const ready = this.waiters.filter((w) => w.predicate());
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve();
  }
}
