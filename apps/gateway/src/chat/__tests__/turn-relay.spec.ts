import type { ChatStreamFrame, ErrorBody } from '@parley/contracts';
import { RpcError } from '@parley/messaging';
import { awaitTurnStart, relayTurn, type TurnSink } from '../stream/turn-relay.util';
import { IDLE, TurnEventQueue, type TurnEvent } from '../stream/turn-events.queue';

const usage = { inputTokens: 1, outputTokens: 2, model: 'm', provider: 'p', latencyMs: 3 };
const MESSAGE_ID = '5d3f2b1a-1111-4222-8333-444455556666';
const TURN_ID = '7a1b2c3d-1111-4222-8333-444455556666';

class RecordingSink implements TurnSink {
  readonly written: string[] = [];
  frame(frame: Extract<ChatStreamFrame, { type: 'signal' | 'token' | 'action' | 'tool' }>): void {
    this.written.push(frame.type === 'token' ? `token:${frame.content}` : frame.type);
  }
  done(frame: Extract<ChatStreamFrame, { type: 'done' }>): void {
    this.written.push(`done:${frame.message_id}`);
  }
  fail(error: ErrorBody): void {
    this.written.push(`fail:${error.code}`);
  }
  ping(): void {
    this.written.push('ping');
  }
}

function turnWith(...events: TurnEvent[]) {
  const events$ = new TurnEventQueue();
  for (const event of events) events$.push(event);
  return { events: events$ };
}

const token = (seq: number, content: string): TurnEvent => ({ kind: 'frame', frame: { version: 1, seq, type: 'token', content } });
const done = (seq: number): TurnEvent => ({ kind: 'frame', frame: { version: 1, seq, type: 'done', message_id: MESSAGE_ID, usage } });
const reply: TurnEvent = {
  kind: 'reply',
  response: {
    version: 1,
    turnId: TURN_ID,
    sessionId: TURN_ID,
    messageId: MESSAGE_ID,
    content: 'all at once',
    finishReason: 'stop',
    signals: [],
    actions: [],
    usage,
  },
};

async function relay(...events: TurnEvent[]) {
  const sink = new RecordingSink();
  const turn = turnWith(...events);
  const start = await awaitTurnStart(turn, 1000);
  if (start.kind === 'rejected') return { outcome: 'rejected' as const, error: start.error, written: sink.written };
  const outcome = await relayTurn(turn, sink, 1000, start.first);
  return { outcome, written: sink.written };
}

describe('relayTurn', () => {
  it('writes frames in order and stops at the done frame; token frames already queued together go out as one', async () => {
    expect(await relay(token(0, 'a'), token(1, 'b'), done(2), reply)).toEqual({
      outcome: 'done',
      written: ['token:ab', `done:${MESSAGE_ID}`],
    });
    const signal: TurnEvent = { kind: 'frame', frame: { version: 1, seq: 2, type: 'signal', signals: [] } };
    expect(await relay(token(0, 'a'), token(1, 'b'), signal, token(3, 'c'), token(4, 'd'), done(5))).toEqual({
      outcome: 'done',
      written: ['token:ab', 'signal', 'token:cd', `done:${MESSAGE_ID}`],
    });
  });

  it('writes a token that arrives alone at once (no coalescing wait), and the whole answer in order', async () => {
    const turn = turnWith();
    const sink = new RecordingSink();
    const running = relayTurn(turn, sink, 1000, IDLE);
    turn.events.push(token(0, 'Hel'));
    await new Promise((r) => setImmediate(r));
    expect(sink.written).toEqual(['ping', 'token:Hel']);
    turn.events.push(token(1, 'lo'));
    turn.events.push(token(2, ' there'));
    await new Promise((r) => setImmediate(r));
    turn.events.push(token(3, '!'));
    turn.events.push(done(4));
    expect(await running).toBe('done');
    const text = sink.written.filter((w) => w.startsWith('token:')).map((w) => w.slice('token:'.length));
    expect(text.join('')).toBe('Hello there!');
    expect(sink.written[sink.written.length - 1]).toBe(`done:${MESSAGE_ID}`);
  });

  it('answers a failure or an error frame that comes before anything else as a refusal (a plain HTTP status)', async () => {
    expect(await relay({ kind: 'failed', error: new RpcError('NOT_FOUND', 'no such session') })).toMatchObject({
      outcome: 'rejected',
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await relay({ kind: 'frame', frame: { version: 1, seq: 0, type: 'error', error: { code: 'VALIDATION', message: 'bad' } } }),
    ).toMatchObject({
      outcome: 'rejected',
      error: { code: 'VALIDATION' },
    });
  });

  it('ends with an error on a sequence gap, an invalid frame, or a reply without the final frame', async () => {
    expect(await relay(token(0, 'a'), { kind: 'gap', expected: 1, received: 2 })).toEqual({
      outcome: 'error',
      written: ['token:a', 'fail:UPSTREAM_ERROR'],
    });
    expect(await relay(token(0, 'a'), { kind: 'invalid', reason: 'not json' })).toEqual({
      outcome: 'error',
      written: ['token:a', 'fail:UPSTREAM_ERROR'],
    });
    expect(await relay(token(0, 'a'), reply)).toEqual({ outcome: 'error', written: ['token:a', 'fail:UPSTREAM_ERROR'] });
  });

  it('replays a reply that came with no frames as a token and done', async () => {
    expect(await relay(reply)).toEqual({ outcome: 'done', written: ['token:all at once', `done:${MESSAGE_ID}`] });
  });

  it('reports a timeout after the stream started so the caller cancels upstream, and a disconnect without writing', async () => {
    expect(await relay(token(0, 'a'), { kind: 'failed', error: new RpcError('TIMEOUT', 'slow') })).toEqual({
      outcome: 'timeout',
      written: ['token:a', 'fail:TIMEOUT'],
    });
    expect(await relay(token(0, 'a'), { kind: 'disconnected' })).toEqual({ outcome: 'disconnected', written: ['token:a'] });
  });

  it('pings while idle, then goes on', async () => {
    const turn = turnWith();
    const sink = new RecordingSink();
    const running = relayTurn(turn, sink, 10, IDLE);
    await new Promise((r) => setTimeout(r, 50));
    turn.events.push(token(0, 'late'));
    turn.events.push(done(1));
    expect(await running).toBe('done');
    expect(sink.written[0]).toBe('ping');
    expect(sink.written.slice(-2)).toEqual(['token:late', `done:${MESSAGE_ID}`]);
  });
});
