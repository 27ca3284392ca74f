import type { ChatStreamFrame, ChatTurnResponse, ErrorBody } from '@parley/contracts';
import { RpcError, errorBodyFor } from '@parley/messaging';
import { IDLE, type TurnEvent } from './turn-events.queue';
import type { StreamedTurn } from './streamed-turn.subscription';

/** What the relay reads of a turn: its event queue. */
export type TurnEvents = Pick<StreamedTurn, 'events'>;

type ContentFrame = Extract<ChatStreamFrame, { type: 'signal' | 'token' | 'action' | 'tool' }>;
type DoneFrame = Extract<ChatStreamFrame, { type: 'done' }>;

/** Where a streamed turn is written (SSE of /api/v1/chat, chunks of /v1/chat/completions). */
export interface TurnSink {
  frame(frame: ContentFrame): void;
  done(frame: DoneFrame): void;
  fail(error: ErrorBody): void;
  ping(): void;
}

/** Before the first byte: either the turn was refused (answer with a status) or it started. */
export type TurnStart = { kind: 'rejected'; error: ErrorBody } | { kind: 'started'; first: TurnEvent | typeof IDLE };

/** How a relayed turn ended; `timeout` means the gateway gave up and chat should stop too. */
export type TurnOutcome = 'done' | 'error' | 'timeout' | 'disconnected';

/**
 * Waits up to one heartbeat for the turn's first event. A refusal in that time (unknown
 * session, bad input, chat unavailable, or an error frame before any content) is returned so
 * the route can answer with a plain problem+json status; anything else starts the stream.
 */
export async function awaitTurnStart(turn: TurnEvents, heartbeatMs: number): Promise<TurnStart> {
  const first = await turn.events.next(heartbeatMs);
  if (first !== IDLE && first.kind === 'failed') return { kind: 'rejected', error: errorBodyFor(first.error) };
  if (first !== IDLE && first.kind === 'frame' && first.frame.type === 'error') return { kind: 'rejected', error: first.frame.error };
  return { kind: 'started', first };
}

/**
 * Relays a started turn into a sink until its terminal frame (exactly one done or error is
 * written), a failure, or the client's disconnection. Idle waits longer than heartbeatMs
 * become pings. Lost frames (a seq gap), an invalid frame or a reply without a terminal frame
 * end the stream with an error rather than a silently truncated answer.
 */
export async function relayTurn(
  turn: TurnEvents,
  sink: TurnSink,
  heartbeatMs: number,
  first: TurnEvent | typeof IDLE,
): Promise<TurnOutcome> {
  let framesSeen = false;
  let event: TurnEvent | typeof IDLE = first;
  for (;;) {
    if (event === IDLE) {
      sink.ping();
    } else {
      switch (event.kind) {
        case 'disconnected':
          return 'disconnected';
        case 'frame': {
          framesSeen = true;
          const frame = event.frame;
          if (frame.type === 'done') {
            sink.done(frame);
            return 'done';
          }
          if (frame.type === 'error') {
            sink.fail(frame.error);
            return 'error';
          }
          // Token frames already waiting behind this one go out with it, as one SSE event: the
          // writes per turn do not grow with the answer when the client reads slower than chat streams.
          sink.frame(frame.type === 'token' ? withQueuedTokens(turn, frame) : frame);
          break;
        }
        case 'gap':
          sink.fail({
            code: 'UPSTREAM_ERROR',
            message: `the answer stream lost frames (expected ${event.expected}, received ${event.received})`,
          });
          return 'error';
        case 'invalid':
          sink.fail({ code: 'UPSTREAM_ERROR', message: 'the answer stream carried an invalid frame' });
          return 'error';
        case 'reply':
          if (framesSeen) {
            sink.fail({ code: 'UPSTREAM_ERROR', message: 'the answer stream ended without its final frame' });
            return 'error';
          }
          replay(event.response, sink);
          return 'done';
        case 'failed': {
          const body = errorBodyFor(event.error);
          sink.fail(body);
          return event.error instanceof RpcError && event.error.code === 'TIMEOUT' ? 'timeout' : 'error';
        }
      }
    }
    event = await turn.events.next(heartbeatMs);
  }
}

type TokenFrame = Extract<ChatStreamFrame, { type: 'token' }>;
type TokenEvent = { kind: 'frame'; frame: TokenFrame };
const isTokenEvent = (event: TurnEvent): event is TokenEvent => event.kind === 'frame' && event.frame.type === 'token';

/** The token frame with the text of the token frames queued right behind it (taken off the queue). */
function withQueuedTokens(turn: TurnEvents, frame: TokenFrame): TokenFrame {
  const queued = turn.events.takeQueued(isTokenEvent);
  if (queued.length === 0) return frame;
  return { ...frame, seq: queued[queued.length - 1].frame.seq, content: frame.content + queued.map((e) => e.frame.content).join('') };
}

/** A reply that came with no frames at all (chat answered without streaming): written as the frames it stands for. */
function replay(response: ChatTurnResponse, sink: TurnSink): void {
  let seq = 0;
  if (response.signals.length > 0) sink.frame({ version: 1, seq: seq++, type: 'signal', signals: response.signals });
  if (response.content.length > 0) sink.frame({ version: 1, seq: seq++, type: 'token', content: response.content });
  for (const action of response.actions) sink.frame({ version: 1, seq: seq++, type: 'action', action });
  sink.done({ version: 1, seq, type: 'done', message_id: response.messageId, usage: response.usage });
}
