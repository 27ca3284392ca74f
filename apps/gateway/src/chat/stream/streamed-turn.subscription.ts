import type { Subscription } from '@nats-io/nats-core';
import { ChatStreamFrameMessage, isTerminalFrame, parseContract, type ChatStreamFrame } from '@parley/contracts';
import { decodeJson, type NatsClient } from '@parley/messaging';
import { TurnEventQueue, type TurnEvent } from './turn-events.queue';

/**
 * The gateway's side of one streamed turn: a subscription on chat.stream.<turnId> (opened
 * before the chat.turn request is sent, so no frame can be missed) feeding a queue of frames,
 * sequence gaps, invalid messages and the request's outcome. Frames after the terminal one,
 * a gap or an invalid message are not delivered: the subscription closes at the first of them.
 */
export class StreamedTurn {
  readonly events = new TurnEventQueue();
  /** performance.now() when the first token frame arrived (for the stage timings), else undefined. */
  firstTokenAt: number | undefined;
  private readonly subscription: Subscription;
  private expectedSeq = 0;
  private streamOver = false;

  constructor(
    nats: NatsClient,
    readonly turnId: string,
    subject: string,
  ) {
    this.subscription = nats.nc.subscribe(subject, { callback: (err, msg) => (err ? this.reject(err.message) : this.receive(msg.data)) });
  }

  /** Feeds the chat.turn request's outcome into the queue. */
  track(reply: Promise<TurnEvent>): void {
    void reply.then((event) => this.events.push(event));
  }

  /** Stops listening for frames (idempotent). */
  close(): void {
    this.streamOver = true;
    if (!this.subscription.isClosed()) this.subscription.unsubscribe();
  }

  private receive(data: Uint8Array): void {
    if (this.streamOver) return;
    const decoded = decodeJson(data);
    if (!decoded.ok) return this.reject(decoded.reason);
    const parsed = parseContract(ChatStreamFrameMessage, decoded.value);
    if (!parsed.ok) return this.reject(parsed.error.message);
    const frame: ChatStreamFrame = parsed.value;
    if (frame.seq !== this.expectedSeq) {
      this.events.push({ kind: 'gap', expected: this.expectedSeq, received: frame.seq });
      this.close();
      return;
    }
    this.expectedSeq += 1;
    if (frame.type === 'token' && this.firstTokenAt === undefined) this.firstTokenAt = performance.now();
    this.events.push({ kind: 'frame', frame });
    if (isTerminalFrame(frame)) this.close();
  }

  private reject(reason: string): void {
    if (this.streamOver) return;
    this.events.push({ kind: 'invalid', reason });
    this.close();
  }
}
