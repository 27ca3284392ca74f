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
}
