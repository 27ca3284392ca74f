// The owner assistant's answer, whatever interface asked (HTTP today; Slack, Discord later):
// docs/adr/0026-owner-assistant.md.

/** `asked`: the tenant name fits several tenants; `result.candidates` lists them, the text asks which. */
export type OperationStatus = 'proposed' | 'performed' | 'failed' | 'cancelled' | 'read' | 'asked';

/** One operation the turn proposed, performed, refused or read, as the `operation` SSE frame and the JSON list show it. */
export interface OperationView {
  kind: string;
  status: OperationStatus;
  tenant_id: string | null;
  summary: string;
  /** The proposal's id while it waits for confirmation. */
  proposal_id?: string;
  /** What the operation returned (a new key here, shown once). */
  result?: Record<string, unknown>;
}

export interface OwnerAssistantRequest {
  ownerId: string;
  /** Omitted: a new conversation. */
  conversationId?: string;
  /** A conversation id that does not exist yet starts it (Slack and Discord name theirs: ADR 0027) instead of a 404. */
  startIfMissing?: boolean;
  message: string;
}

export interface OwnerAssistantAnswer {
  conversationId: string;
  text: string;
  operations: OperationView[];
  /** The change now waiting for "yes", if any. */
  pendingProposal: { id: string; summary: string } | null;
}

/** Where a turn's output goes as it is made (SSE frames, or nothing for JSON). */
export interface OwnerAssistantSink {
  token(text: string): void;
  operation(op: OperationView): void;
}

export const SILENT_SINK: OwnerAssistantSink = { token: () => undefined, operation: () => undefined };
