import { Inject, Injectable } from '@nestjs/common';
import type { Counter, Histogram } from 'prom-client';
import { ServiceMetrics } from '@parley/observability';
import type { TurnMetrics, TurnStage } from '../turn/turn.metrics';

const TURN_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const FIRST_TOKEN_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15];
// Stages range from tens of microseconds (signals) to seconds (a slow model): fine at the low end.
const STAGE_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

/** Prometheus series of the turn engine, on the service's registry. */
@Injectable()
export class PromTurnMetrics implements TurnMetrics {
  private readonly turns: Counter<'outcome'>;
  private readonly duration: Histogram<'outcome'>;
  private readonly firstTokenSeconds: Histogram<never>;
  private readonly modelActions: Counter<'tool' | 'outcome' | 'reason'>;
  private readonly stages: Histogram<'stage'>;

  constructor(@Inject(ServiceMetrics) metrics: Pick<ServiceMetrics, 'counter' | 'histogram'>) {
    this.turns = metrics.counter({
      name: 'parley_chat_turns_total',
      help: 'Chat turns, by outcome (finish reason or error code).',
      labelNames: ['outcome'],
    });
    this.duration = metrics.histogram({
      name: 'parley_chat_turn_seconds',
      help: 'Duration of a chat turn, from request to reply.',
      labelNames: ['outcome'],
      buckets: TURN_BUCKETS,
    });
    this.firstTokenSeconds = metrics.histogram({
      name: 'parley_chat_first_token_seconds',
      help: 'Time from receiving a turn to its first token frame.',
      buckets: FIRST_TOKEN_BUCKETS,
    });
    this.modelActions = metrics.counter({
      name: 'parley_chat_model_actions_total',
      help: "The model's tool calls, by tool, outcome (accepted, refused) and refusal reason.",
      labelNames: ['tool', 'outcome', 'reason'],
    });
    this.stages = metrics.histogram({
      name: 'parley_chat_turn_stage_seconds',
      help: 'Time each stage of a chat turn took (tenant_load, session_history, retrieval, signals, prompt_build, model_first_token, generation, actions, store).',
      labelNames: ['stage'],
      buckets: STAGE_BUCKETS,
    });
  }

  firstToken(seconds: number): void {
    this.firstTokenSeconds.observe(seconds);
  }

  turnFinished(outcome: string, seconds: number): void {
    this.turns.inc({ outcome });
    this.duration.observe({ outcome }, seconds);
  }

  modelAction(tool: string, outcome: 'accepted' | 'refused', reason: string): void {
    this.modelActions.inc({ tool, outcome, reason });
  }

  stage(stage: TurnStage, seconds: number): void {
    this.stages.observe({ stage }, seconds);
  }
}
