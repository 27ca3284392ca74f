/** What the turn engine reports for dashboards and the latency benchmark. */
export interface TurnMetrics {
  /** Time from receiving the turn to publishing its first token frame. */
  firstToken(seconds: number): void;
  /** A finished turn: `outcome` is the finish reason (stop, length, cancelled) or the error code. */
  turnFinished(outcome: string, seconds: number): void;
  /** A tool call of the model: `accepted` (reason `ok`) or `refused` with the refusal reason. */
  modelAction(tool: string, outcome: 'accepted' | 'refused', reason: string): void;
}

export const noTurnMetrics: TurnMetrics = { firstToken: () => undefined, turnFinished: () => undefined, modelAction: () => undefined };
