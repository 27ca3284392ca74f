import type { LlmChoice, Tone, ToolFailure } from '@parley/contracts';

// The interface between the chat service (which knows the tenant, the session and the
// signals) and libs/llm (which knows models). Chat passes structured facts; libs/llm builds
// the system prompt for model providers, or the answer itself for the offline responder.

export interface ConversationMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** A retrieved knowledge chunk of the tenant (already filtered by tenant in SQL). */
export interface KnowledgePassage {
  chunkId: string;
  documentId: string;
  title: string;
  text: string;
  /** Fused rank score, higher is better. */
  score: number;
}

/**
 * What the L1a signals (and the session state) ask the answer to do. Model providers get them
 * as instructions in the system prompt; the offline responder says them itself, first.
 */
export type ResponseDirective =
  /** Critical/high urgency: say the request is flagged for an urgent callback. */
  | { kind: 'urgent_callback'; reason: string }
  /** Safety finding: give the tenant's emergency text (or a generic emergency line when none). */
  | { kind: 'safety'; category: string; emergencyText: string | null }
  /** The visitor asked for a person: offer one (handoff disabled) ... */
  | { kind: 'offer_human' }
  /** ... or say a person will reply (handoff enabled: this is the bot's last word). */
  | { kind: 'handoff'; message: string | null }
  /** Frustration: acknowledge it briefly before answering. */
  | { kind: 'acknowledge_frustration' }
  /** A recognised returning customer: greet them by name. */
  | { kind: 'greet_returning'; name: string };

export interface TenantPersona {
  displayName: string;
  persona: string;
  tone: Tone;
  allowedTopics: readonly string[];
}

/** A tool the model may call (function calling); `parameters` is a JSON Schema object. */
export interface ModelToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/**
 * A tool call as the model made it. Nothing here is trusted: the caller validates the name and
 * the arguments before acting. `args` is null when the model's arguments were not a JSON object;
 * string values are PII-restored like the visible answer.
 */
export interface ModelToolCall {
  id: string | null;
  name: string;
  args: Record<string, unknown> | null;
}

/**
 * A data-tool call on its way to the caller's runner (docs/adr/0019-tool-loop.md). `id` is the
 * model's call id (one is made up when the model gave none); `args` parsed strictly from the
 * model's JSON, with the turn's placeholders restored to the real values. Still untrusted: the
 * runner validates them (contracts `toolArgsSchemas`) before it executes anything.
 */
export interface DataToolCall {
  id: string;
  name: string;
  args: Record<string, unknown>;
}

/**
 * What a data tool produced, for the model (or the offline responder) to answer from. `result`
 * is the normalised, JSON-able result (contracts `toolResultSchemas`); a failure carries a code
 * and plain words for the model, never a stack trace or a secret.
 */
export type DataToolRun =
  { ok: true; result: unknown } | { ok: false; code: ToolFailure | 'unknown_tool' | 'too_many_calls'; message: string };

/** Executes one data-tool call for this turn; must settle (a rejection counts as `upstream_error`) and honour the signal. */
export type DataToolRunner = (call: DataToolCall, signal: AbortSignal) => Promise<DataToolRun>;

/** A data-tool call starting or ending, for the client's tool frames. No arguments, no results. */
export interface ToolEvent {
  phase: 'started' | 'finished';
  callId: string;
  name: string;
  /** Only on `finished`. */
  outcome?: 'ok' | 'failed';
}

export interface GenerationRequest {
  tenantId: string;
  /** Primary, then fallbacks in order. */
  llm: { primary: LlmChoice; fallbacks: readonly LlmChoice[] };
  persona: TenantPersona;
  /**
   * Who the bot talks to: a visitor of the tenant's website (default), or one of the tenant's
   * own staff in the staff assistant (the internal assistant: rota, schedules, rules).
   */
  audience?: 'visitor' | 'staff';
  /** Recent history, oldest first, sized by the caller to a token budget; excludes `userMessage`. */
  history: readonly ConversationMessage[];
  userMessage: string;
  /** True when the session has no earlier assistant message (the offline responder greets). */
  firstTurn: boolean;
  knowledge: readonly KnowledgePassage[];
  directives: readonly ResponseDirective[];
  /** Names the extractor found, pseudonymized with emails and phones for external providers. */
  knownNames?: readonly string[];
  /** Aborts generation (client went away); the partial answer is returned with finishReason 'cancelled'. */
  signal: AbortSignal;
  maxOutputTokens?: number;
  /**
   * Tools bound to the model (LangChain bindTools) for this turn. Model providers that support
   * tool calling report the calls in `GenerationResult.toolCalls`; the offline responder and
   * llamacpp ignore them. The visible answer still streams as tokens.
   */
  tools?: readonly ModelToolSpec[];
  /**
   * Live-data tools (product search, order status, ...) for this turn: unlike `tools`, their
   * calls are executed during the generation through `runTool` and their results fed back to
   * the model (at most 3 tool rounds). The offline responder uses them for the intents it
   * recognises. Ignored without `runTool`, and for tasks and llamacpp.
   */
  dataTools?: readonly ModelToolSpec[];
  /** Runs a data-tool call (required for `dataTools` to be used). Called with PII-restored arguments. */
  runTool?: DataToolRunner;
  /**
   * A back-office task instead of a visitor answer (e.g. structured L1b/L2 extraction): `system`
   * is the whole system prompt (no persona, knowledge or directives) and `userMessage` the text
   * to work on. The offline responder does not do tasks (not_configured), so a task never
   * falls back to it. A `structured` task drops `tools`; a `tool_choice` task binds them (and
   * only them: never `dataTools`), for a caller that reads the model's choice from `toolCalls`.
   */
  task?: { kind: 'structured' | 'tool_choice'; system: string };
}

export interface GenerationUsage {
  inputTokens: number;
  outputTokens: number;
  provider: string;
  model: string;
  latencyMs: number;
  /** True when the counts are a tokenizer estimate (the provider reported none). */
  estimated: boolean;
}

export interface GenerationResult {
  /** The whole answer as streamed to the visitor (PII restored). */
  content: string;
  finishReason: 'stop' | 'length' | 'cancelled';
  usage: GenerationUsage;
  /** The offline responder found nothing relevant and said so: the question is recorded as unanswered. */
  unanswered: boolean;
  /** Providers that failed before the one that answered, in order. */
  failedOver: readonly { provider: string; model: string; reason: string }[];
  /** The answering provider's tool calls (only when `tools` were given and the turn was not cancelled). */
  toolCalls?: readonly ModelToolCall[];
}

export interface GenerationCallbacks {
  /** Called for every piece of answer text as it is produced (already PII-restored). */
  onToken(content: string): void;
  /** A data-tool call started or finished (for SSE tool frames); carries no arguments or results. */
  onToolEvent?(event: ToolEvent): void;
}

/** Picks the tenant's provider, falls back in order on error or timeout, streams tokens. */
export interface LlmRouter {
  generate(request: GenerationRequest, callbacks: GenerationCallbacks): Promise<GenerationResult>;
}

/** Embeds text for RAG; null from the factory when no embedding provider is configured. */
export interface Embedder {
  readonly model: string;
  /** Always 1536: the width of knowledge_chunks.embedding (shorter vectors are zero-padded). */
  readonly dimensions: number;
  embedQuery(text: string, signal?: AbortSignal): Promise<number[]>;
  embedDocuments(texts: readonly string[], signal?: AbortSignal): Promise<number[][]>;
}
