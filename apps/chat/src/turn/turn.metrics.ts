/**
 * Stages of one turn, in order, as parley_chat_turn_stage_seconds{stage} records them (each
 * observed once per turn that reaches it; bench/chat-path reads them):
 * - `tenant_load`: the tenant's runtime row (config, signal rules);
 * - `session_history`: the session check, recent history and, without an embedder, the full-text
 *   knowledge search: one statement in a batch transaction;
 * - `retrieval`: the knowledge search with the query embedding (only when an embedder is configured;
 *   without one it is part of session_history);
 * - `signals`: L1a detection, the signal frame, the turn plan;
 * - `prompt_build`: the generation request (history window, persona, directives);
 * - `model_first_token`: from calling the LLM router to the first token it hands back (PII
 *   pseudonymization, provider prompt messages, the HTTP request and the model's own first token);
 * - `generation`: the rest of the answer, after the first token;
 * - `actions`: the model's tool calls reviewed by the gate;
 * - `store`: the turn's transaction (messages, signals, session, outbox).
 */
export type TurnStage =
  'tenant_load' | 'session_history' | 'retrieval' | 'signals' | 'prompt_build' | 'model_first_token' | 'generation' | 'actions' | 'store';

/**
 * What the turn engine reports for dashboards and the latency benchmark. Also the injection
 * token: chat.module.ts provides the Prometheus implementation (metrics/prom-turn.metrics.ts).
 */
export abstract class TurnMetrics {
  /** Time from receiving the turn to publishing its first token frame. */
  abstract firstToken(seconds: number): void;
  /** A finished turn: `outcome` is the finish reason (stop, length, cancelled) or the error code. */
  abstract turnFinished(outcome: string, seconds: number): void;
  /** A tool call of the model: `accepted` (reason `ok`) or `refused` with the refusal reason. */
  abstract modelAction(tool: string, outcome: 'accepted' | 'refused', reason: string): void;
  /** Time one stage of a turn took (see TurnStage). */
  abstract stage(stage: TurnStage, seconds: number): void;
}
