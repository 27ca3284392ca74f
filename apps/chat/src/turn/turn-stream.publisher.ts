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
}

/** How token frames after the first are coalesced (see NatsTurnStream). */
export interface TokenCoalescing {
  /** Longest a token waits for company before its frame goes out, ms (0: every token is its own frame). */
  flushMs: number;
  /** A frame goes out at once when its text reaches this many characters. */
  maxChars: number;
}

export const DEFAULT_TOKEN_COALESCING: TokenCoalescing = { flushMs: 10, maxChars: 1024 };

/**
 * Publishes one turn's frames on chat.stream.<turnId> (NATS core), numbered from seq 0 so the
 * gateway can tell a gap. Nothing is published after the terminal (done or error) frame.
 *
 * Token frames are coalesced so the publishing cost does not grow with the answer token by
 * token: the first token goes out at once (time to first token is never delayed); later ones
 * are gathered into one frame that goes out `flushMs` after the first of them, or as soon as it
 * holds `maxChars`, or before any other frame (order is kept: signal, tokens, action, done).
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
  ) {
    this.subject = client.namer.subject(chatStreamSubject(turnId));
  }

  signal(signals: Signal[]): void {
    if (signals.length > 0) this.publish({ type: 'signal', signals });
  }

  token(content: string): void {
    if (content.length === 0 || this.ended) return;
    if (!this.firstTokenSent || this.coalescing.flushMs <= 0) {
      this.firstTokenSent = true;
      this.publish({ type: 'token', content });
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
    this.publish({ type: 'done', message_id: messageId, usage });
    this.ended = true;
  }

  error(error: ErrorBody): void {
    this.publish({ type: 'error', error });
    this.ended = true;
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

  private publish(frame: FrameBody): void {
    if (frame.type !== 'token') this.flush();
    this.send(frame);
  }

  private send(frame: FrameBody): void {
    if (this.ended || this.client.nc.isClosed()) return;
    this.client.nc.publish(this.subject, encodeJson({ version: 1, seq: this.seq++, ...frame }));
  }
}

export const silentTurnStream: TurnStream = {
  signal: () => undefined,
  token: () => undefined,
  action: () => undefined,
  tool: () => undefined,
  done: () => undefined,
  error: () => undefined,
};
