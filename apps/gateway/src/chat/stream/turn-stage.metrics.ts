import { Inject, Injectable } from '@nestjs/common';
import { ServiceMetrics } from '@parley/observability';
import type { Histogram } from 'prom-client';

/**
 * The gateway's stages of a streamed turn, as parley_gateway_turn_stage_seconds{stage} records them:
 * - `before_handler`: from the request's arrival to the route handler (body parsing, AuthGuard, validation);
 * - `first_token_wait`: from sending chat.turn to the first token frame arriving (chat's work up to its first
 *   token plus the two NATS hops; chat's own part is parley_chat_first_token_seconds);
 * - `first_token_relay`: from that frame's arrival to its SSE event being written.
 */
export type GatewayTurnStage = 'before_handler' | 'first_token_wait' | 'first_token_relay';

const STAGE_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

/** Prometheus series of the streamed turn path (bench/chat-path reads them). */
@Injectable()
export class TurnStageMetrics {
  private readonly stages: Histogram<'stage'>;

  constructor(@Inject(ServiceMetrics) metrics: Pick<ServiceMetrics, 'histogram'>) {
    this.stages = metrics.histogram({
      name: 'parley_gateway_turn_stage_seconds',
      help: 'Time each gateway stage of a streamed chat turn took (before_handler, first_token_wait, first_token_relay).',
      labelNames: ['stage'],
      buckets: STAGE_BUCKETS,
    });
  }

  stage(stage: GatewayTurnStage, seconds: number): void {
    this.stages.observe({ stage }, seconds);
  }
}
