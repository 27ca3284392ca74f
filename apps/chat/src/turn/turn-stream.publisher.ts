import { chatStreamSubject, type Action, type ErrorBody, type Signal, type ToolCallFrameBody, type Usage } from '@parley/contracts';
import { encodeJson, type MessagingConnection } from '@parley/messaging';

type FrameBody =
  | { type: 'signal'; signals: Signal[] }
  | { type: 'token'; content: string }
  | { type: 'action'; action: Action }
  | { type: 'tool'; tool: ToolCallFrameBody }
  | { type: 'done'; message_id: string; usage: Usage }
  | { type: 'error'; error: ErrorBody };

/** The frames a turn publishes; a silent stream when the caller did not ask to stream. */
export interface TurnStream {
  signal(signals: Signal[]): void;
  token(content: string): void;
  action(action: Action): void;
  /** A data tool starting or ending (no arguments, no result). */
  tool(tool: ToolCallFrameBody): void;
  done(messageId: string, usage: Usage): void;
  error(error: ErrorBody): void;
  /** The answer's text is complete (the model finished): gathered tokens go out without waiting for their timer. */
  textEnded(): void;
}

/** How token frames after the first are coalesced (see NatsTurnStream). */
export interface TokenCoalescing {
  /** Longest a token waits for company before its frame goes out, ms (0: every token is its own frame). */
  flushMs: number;
  /** A frame goes out at once when its text reaches this many characters. */
  maxChars: number;
}

export const DEFAULT_TOKEN_COALESCING: TokenCoalescing = { flushMs: 10, maxChars: 1024 };

type Publisher = Pick<MessagingConnection['nc'], 'publish' | 'isClosed'>;

/**
 * The frames of every turn of this process, published together once per event-loop turn.
 * nats.js writes what was published since its last write in one socket write, in a microtask, so
 * frames published from separate callbacks (one turn's token timer, another turn's, a signal
 * frame) each cost a write(2) of their own, and on this platform a socket write to the local
 * nats-server is one of the larger CPU items per turn. `later` frames wait for setImmediate and go
 * out in one callback (one write for all of them); `now` frames (a turn's first token, done,
 * error) go out at once, after the frames queued before them, so a turn's frame order is kept
 * and neither the first token nor the terminal frame (the RPC reply follows it) waits.
 */
export class FrameBatch {
  private queue: { subject: string; data: Uint8Array }[] = [];
  private scheduled = false;

  constructor(private readonly nc: Publisher) {}

  later(subject: string, data: Uint8Array): void {
    this.queue.push({ subject, data });
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  now(subject: string, data: Uint8Array): void {
    this.flush();
    if (!this.nc.isClosed()) this.nc.publish(subject, data);
  }

  /** Publishes every queued frame, in the order queued. */
  readonly flush = (): void => {
    this.scheduled = false;
    if (this.queue.length === 0) return;
    const queued = this.queue;
    this.queue = [];
    if (this.nc.isClosed()) return;
    for (const frame of queued) this.nc.publish(frame.subject, frame.data);
  };
}

/**
 * Publishes one turn's frames on chat.stream.<turnId> (NATS core), numbered from seq 0 so the
 * gateway can tell a gap. Nothing is published after the terminal (done or error) frame.
 *
 * Token frames are coalesced so the publishing cost does not grow with the answer token by
 * token: the first token goes out at once (time to first token is never delayed); later ones
 * are gathered into one frame that goes out `flushMs` after the first of them, or as soon as it
 * holds `maxChars`, or when the text is complete (textEnded), or before any other frame (order is
 * kept: signal, tokens, action, done). Frames go through the process's FrameBatch: the first
 * token, done and error at once, the others with the rest of this event-loop turn's frames.
 */
export class NatsTurnStream implements TurnStream {
  private seq = 0;
  private ended = false;
  private readonly subject: string;
  private firstTokenSent = false;
  private pending = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: MessagingConnection,
    turnId: string,
    /** Called once, when the first token frame goes out. */
    private onFirstToken?: () => void,
    private readonly coalescing: TokenCoalescing = DEFAULT_TOKEN_COALESCING,
    private readonly batch: FrameBatch = new FrameBatch(client.nc),
  ) {
    this.subject = client.namer.subject(chatStreamSubject(turnId));
  }

  signal(signals: Signal[]): void {
    if (signals.length > 0) this.publish({ type: 'signal', signals });
  }

  token(content: string): void {
    if (content.length === 0 || this.ended) return;
    if (!this.firstTokenSent || this.coalescing.flushMs <= 0) {
      const first = !this.firstTokenSent;
      this.firstTokenSent = true;
      this.send({ type: 'token', content }, first);
      this.onFirstToken?.();
      this.onFirstToken = undefined;
      return;
    }
    this.pending += content;
    if (this.pending.length >= this.coalescing.maxChars) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.coalescing.flushMs);
  }

  action(action: Action): void {
    this.publish({ type: 'action', action });
  }

  tool(tool: ToolCallFrameBody): void {
    this.publish({ type: 'tool', tool });
  }

  done(messageId: string, usage: Usage): void {
    this.publish({ type: 'done', message_id: messageId, usage }, true);
    this.ended = true;
  }

  error(error: ErrorBody): void {
    this.publish({ type: 'error', error }, true);
    this.ended = true;
  }

  textEnded(): void {
    this.flush();
  }

  /** Publishes the gathered tokens as one frame (nothing when none wait). */
  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const content = this.pending;
    this.pending = '';
    this.send({ type: 'token', content });
  }

  private publish(frame: FrameBody, now = false): void {
    if (frame.type !== 'token') this.flush();
    this.send(frame, now);
  }

  private send(frame: FrameBody, now = false): void {
    if (this.ended || this.client.nc.isClosed()) return;
    const data = encodeJson({ version: 1, seq: this.seq++, ...frame });
    if (now) this.batch.now(this.subject, data);
    else this.batch.later(this.subject, data);
  }
}

export const silentTurnStream: TurnStream = {
  signal: () => undefined,
  token: () => undefined,
  action: () => undefined,
  tool: () => undefined,
  done: () => undefined,
  error: () => undefined,
  textEnded: () => undefined,
};
