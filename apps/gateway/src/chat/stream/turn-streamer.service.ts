import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { RpcError } from '@parley/messaging';
import type { FastifyReply } from 'fastify';
import { problemForRpcError } from '../../http/rpc-problem.mapper';
import { TENANT_API_OPTIONS, type TenantApiOptions } from '../../tenant-api.options';
import { SseResponse } from '../sse/sse.response';
import { ChatTurnClient, type TurnInput } from './chat-turn.client';
import type { StreamedTurn } from './streamed-turn.subscription';
import { awaitTurnStart, relayTurn, type TurnSink } from './turn-relay.util';
import { TurnStageMetrics } from './turn-stage.metrics';

/** How a route writes a turn on an SSE response: its frames, and what closes the stream. */
export interface TurnStreamFormat {
  sink(sse: SseResponse, turnId: string): TurnSink;
  /** Written after the terminal frame, before the stream ends (OpenAI's `[DONE]`). */
  finish?(sse: SseResponse): void;
}

/**
 * Runs a streamed turn for an HTTP route. Refusals that arrive before the first byte (within
 * one heartbeat) throw the matching problem+json status; after that, failures are written as
 * the format's error frame. A client that goes away cancels the turn upstream
 * (chat.cancel.<turnId>, reason client_disconnected), as does the gateway giving up (timeout).
 * On shutdown, open streams get shutdownDrainMs to finish; the rest end with an UNAVAILABLE
 * error frame (chat still completes and stores those answers: they are in the history).
 */
@Injectable()
export class TurnStreamer implements BeforeApplicationShutdown {
  private readonly streaming = new Map<StreamedTurn, Promise<void>>();

  constructor(
    @Inject(ChatTurnClient) private readonly turns: ChatTurnClient,
    @Inject(TENANT_API_OPTIONS) private readonly options: TenantApiOptions,
    @Inject(TurnStageMetrics) private readonly stages: TurnStageMetrics,
  ) {}

  async stream(input: TurnInput, reply: FastifyReply, format: TurnStreamFormat): Promise<void> {
    const heartbeatMs = this.options.sseHeartbeatMs;
    this.stages.stage('before_handler', reply.elapsedTime / 1000);
    const sentAt = performance.now();
    const turn = this.turns.start(input);
    const sse = new SseResponse(reply, () => turn.events.push({ kind: 'disconnected' }));
    const start = await awaitTurnStart(turn, heartbeatMs);
    if (start.kind === 'rejected') {
      turn.close();
      if (start.error.code === 'TIMEOUT') this.turns.cancel(input.tenantId, turn.turnId, 'timeout');
      throw problemForRpcError(new RpcError(start.error.code, start.error.message, start.error.details));
    }
    sse.open();
    const relayed = relayTurn(turn, this.timed(format.sink(sse, turn.turnId), turn, sentAt), heartbeatMs, start.first);
    this.streaming.set(
      turn,
      relayed.then(
        () => undefined,
        () => undefined,
      ),
    );
    try {
      const outcome = await relayed;
      if (outcome === 'disconnected') {
        this.turns.cancel(input.tenantId, turn.turnId, 'client_disconnected');
        return;
      }
      if (outcome === 'timeout') this.turns.cancel(input.tenantId, turn.turnId, 'timeout');
      format.finish?.(sse);
      sse.end();
    } finally {
      turn.close();
      this.streaming.delete(turn);
    }
  }

  /** The sink, observing first_token_wait and first_token_relay when the first token is written. */
  private timed(sink: TurnSink, turn: StreamedTurn, sentAt: number): TurnSink {
    let pending = true;
    return {
      frame: (frame) => {
        sink.frame(frame);
        if (pending && frame.type === 'token' && turn.firstTokenAt !== undefined) {
          pending = false;
          this.stages.stage('first_token_wait', (turn.firstTokenAt - sentAt) / 1000);
          this.stages.stage('first_token_relay', (performance.now() - turn.firstTokenAt) / 1000);
        }
      },
      done: (frame) => sink.done(frame),
      fail: (error) => sink.fail(error),
      ping: () => sink.ping(),
    };
  }

  /** Nest runs this before the HTTP server closes, so streams end before connections are waited on. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.streaming.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(this.streaming.values()),
      new Promise((resolve) => (timer = setTimeout(resolve, this.options.shutdownDrainMs))),
    ]);
    clearTimeout(timer);
    const remaining = [...this.streaming.entries()];
    for (const [turn] of remaining)
      turn.events.push({
        kind: 'failed',
        error: new RpcError('UNAVAILABLE', 'the gateway is restarting; the answer will be in the history'),
      });
    await Promise.all(remaining.map(([, done]) => done));
  }
}
