import { chatStreamSubject, type Action, type ErrorBody, type Signal, type Usage } from '@parley/contracts';
import { encodeJson, type MessagingConnection } from '@parley/messaging';

type FrameBody =
  | { type: 'signal'; signals: Signal[] }
  | { type: 'token'; content: string }
  | { type: 'action'; action: Action }
  | { type: 'done'; message_id: string; usage: Usage }
  | { type: 'error'; error: ErrorBody };

/** The frames a turn publishes; a silent stream when the caller did not ask to stream. */
export interface TurnStream {
  signal(signals: Signal[]): void;
  token(content: string): void;
  action(action: Action): void;
  done(messageId: string, usage: Usage): void;
  error(error: ErrorBody): void;
}

/**
 * Publishes one turn's frames on chat.stream.<turnId> (NATS core), numbered from seq 0 so the
 * gateway can tell a gap. Nothing is published after the terminal (done or error) frame.
 */
export class NatsTurnStream implements TurnStream {
  private seq = 0;
  private ended = false;
  private readonly subject: string;

  constructor(
    private readonly client: MessagingConnection,
    turnId: string,
    /** Called once, when the first token frame goes out. */
    private onFirstToken?: () => void,
  ) {
    this.subject = client.namer.subject(chatStreamSubject(turnId));
  }

  signal(signals: Signal[]): void {
    if (signals.length > 0) this.publish({ type: 'signal', signals });
  }

  token(content: string): void {
    if (content.length === 0) return;
    this.publish({ type: 'token', content });
    this.onFirstToken?.();
    this.onFirstToken = undefined;
  }

  action(action: Action): void {
    this.publish({ type: 'action', action });
  }

  done(messageId: string, usage: Usage): void {
    this.publish({ type: 'done', message_id: messageId, usage });
    this.ended = true;
  }

  error(error: ErrorBody): void {
    this.publish({ type: 'error', error });
    this.ended = true;
  }

  private publish(frame: FrameBody): void {
    if (this.ended || this.client.nc.isClosed()) return;
    this.client.nc.publish(this.subject, encodeJson({ version: 1, seq: this.seq++, ...frame }));
  }
}

export const silentTurnStream: TurnStream = {
  signal: () => undefined,
  token: () => undefined,
  action: () => undefined,
  done: () => undefined,
  error: () => undefined,
};
