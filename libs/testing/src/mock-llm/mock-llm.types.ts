import type { IncomingHttpHeaders } from 'node:http';

/** Delays applied while answering; 0 (the default) answers as fast as the socket allows. */
export interface MockLatency {
  /** Milliseconds between receiving the request and the first token (or the JSON body). */
  firstTokenDelayMs?: number;
  /** Milliseconds between two streamed tokens. */
  interTokenDelayMs?: number;
}

/** Overrides the token counts the mock reports; by default they are counted by the mock. */
export interface MockUsageOverride {
  promptTokens?: number;
  completionTokens?: number;
}

export interface MockToolCall {
  /** Defaults to `call_<n>`. */
  id?: string;
  name: string;
  /** A JSON string, or an object that is serialised. */
  arguments: string | Record<string, unknown>;
}

interface MockAnswerBase {
  latency?: MockLatency;
  usage?: MockUsageOverride;
}

/** An assistant text answer, streamed one token per chunk. */
export interface MockTextResponse extends MockAnswerBase {
  type: 'text';
  text: string;
}

/** Tool calls in the OpenAI `tool_calls` format, with optional text before them. */
export interface MockToolCallsResponse extends MockAnswerBase {
  type: 'tool_calls';
  toolCalls: MockToolCall[];
  text?: string;
}

/** An HTTP error with an OpenAI-style body: `{ error: { message, type, param, code } }`. */
export interface MockErrorResponse {
  type: 'error';
  status: number;
  message?: string;
  errorType?: string;
  code?: string | null;
  headers?: Record<string, string>;
  latency?: MockLatency;
}

/** Streams `afterTokens` tokens of `text` (default: the default answer), then destroys the socket. */
export interface MockDropResponse {
  type: 'drop';
  afterTokens?: number;
  text?: string;
  latency?: MockLatency;
}

/** Streams `afterTokens` tokens of `text`, then sends nothing more until the client aborts. */
export interface MockHangResponse {
  type: 'hang';
  afterTokens?: number;
  text?: string;
  latency?: MockLatency;
}

export type MockFailure = MockErrorResponse | MockDropResponse | MockHangResponse;
export type MockChatResponse = MockTextResponse | MockToolCallsResponse | MockFailure;

/** Embedding requests answer with vectors unless a failure is queued for them. */
export type MockEmbeddingsResponse =
  { type: 'embeddings'; latency?: MockLatency } | MockErrorResponse | MockHangResponse | MockDropResponse;

export interface MockChatMessage {
  role: string;
  content?: unknown;
  [key: string]: unknown;
}

/** The parsed body of a chat completion request, as far as the mock reads it. */
export interface MockChatRequest {
  model?: string;
  messages: MockChatMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean } | null;
  tools?: unknown[];
  [key: string]: unknown;
}

export type MockChatResponder = (request: MockChatRequest) => MockChatResponse;

export interface MockLlmOptions {
  /** Model ids listed by GET /v1/models. */
  models?: string[];
  /** Dimension of embedding vectors when the request does not ask for one (default 1536). */
  embeddingDimension?: number;
  /** Latency applied when a response does not set its own. */
  latency?: MockLatency;
  /** Answers chat requests when nothing is queued (default: a deterministic echo of the last user message). */
  responder?: MockChatResponder;
  /** When set, requests must carry `Authorization: Bearer <apiKey>`; others get 401. */
  apiKey?: string;
}

export type MockLlmEventType =
  'received' | 'headers' | 'token' | 'tool_call' | 'usage' | 'done' | 'error' | 'dropped' | 'hanging' | 'aborted';

/** Something the mock did or saw, numbered in the order it happened across all requests. */
export interface MockLlmEvent {
  seq: number;
  requestId: number;
  type: MockLlmEventType;
}

export type MockRequestOutcome = 'completed' | 'failed' | 'dropped' | 'aborted';

export interface RecordedRequest {
  readonly id: number;
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when empty or malformed. */
  body: unknown;
  rawBody: string;
  /** Events of this request only, in order. */
  readonly events: MockLlmEvent[];
  outcome: MockRequestOutcome | 'pending';
  /** True when the client closed the connection before the mock finished answering. */
  clientAborted: boolean;
  /** Resolves once the mock has finished with the request, however it ended. */
  readonly settled: Promise<MockRequestOutcome>;
}
