import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerChat } from './mock-llm.chat';
import { answerEmbeddings, sendBadRequest } from './mock-llm.embeddings-route';
import type { ExchangeContext } from './mock-llm.exchange';
import { openAiError, readBody, sendJson } from './mock-llm.http';
import { MockLlmRecorder } from './mock-llm.recorder';
import { defaultResponder } from './mock-llm.tokens';
import type {
  MockChatRequest,
  MockChatResponder,
  MockChatResponse,
  MockEmbeddingsResponse,
  MockLlmEvent,
  MockLlmOptions,
  RecordedRequest,
} from './mock-llm.types';

export const DEFAULT_MOCK_MODELS = ['mock-chat', 'mock-embedding'];
export const DEFAULT_EMBEDDING_DIMENSION = 1536;

/** A running mock OpenAI-compatible server; see libs/testing/README.md. */
export class MockLlm {
  /** Base URL ending in /v1, for the `baseURL` of an OpenAI client. */
  readonly url: string;
  private readonly recorder = new MockLlmRecorder();
  private readonly chatQueue: MockChatResponse[] = [];
  private readonly embeddingsQueue: MockEmbeddingsResponse[] = [];
  private readonly inFlight = new Set<AbortController>();
  private responder: MockChatResponder;
  private nextCompletion = 1;
  private nextToolCall = 1;

  constructor(
    private readonly server: Server,
    private readonly options: MockLlmOptions,
  ) {
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    this.responder = options.responder ?? defaultResponder;
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res));
  }

  /** Every request received since start or the last reset(), in arrival order. */
  get requests(): readonly RecordedRequest[] {
    return this.recorder.requests;
  }

  /** Everything the mock did, in one global order across requests. */
  get events(): readonly MockLlmEvent[] {
    return this.recorder.events;
  }

  get models(): string[] {
    return this.options.models ?? DEFAULT_MOCK_MODELS;
  }

  /** Queues answers for the next chat completion requests, first in first out. */
  enqueue(...responses: MockChatResponse[]): void {
    this.chatQueue.push(...responses);
  }

  /** Queues answers (or failures) for the next embedding requests. */
  enqueueEmbeddings(...responses: MockEmbeddingsResponse[]): void {
    this.embeddingsQueue.push(...responses);
  }

  /** Answers chat requests when the queue is empty, until reset(). */
  setResponder(responder: MockChatResponder): void {
    this.responder = responder;
  }

  /** Forgets recorded requests and events, empties the queues and restores the configured responder. */
  reset(): void {
    this.recorder.clear();
    this.chatQueue.length = 0;
    this.embeddingsQueue.length = 0;
    this.responder = this.options.responder ?? defaultResponder;
  }

  /** Resolves with the first recorded request matching `match` (any request by default). */
  async waitForRequest(match: (request: RecordedRequest) => boolean = () => true, timeoutMs = 5000): Promise<RecordedRequest> {
    await this.recorder.waitFor(() => this.recorder.requests.some(match), timeoutMs);
    return this.recorder.requests.find(match) as RecordedRequest;
  }

  /** Resolves when `condition` holds, re-checked after every recorded request or event. */
  waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
    return this.recorder.waitFor(condition, timeoutMs);
  }

  /** Stops listening and ends open connections; hanging requests settle as aborted. */
  close(): Promise<void> {
    for (const controller of this.inFlight) controller.abort();
    return new Promise((resolve, reject) => {
      this.server.close((err) => (err ? reject(err) : resolve()));
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const request = this.recorder.open(req.method ?? 'GET', path, req.headers);
    const controller = new AbortController();
    this.inFlight.add(controller);
    res.on('close', () => {
      this.recorder.settle(request, 'aborted');
      controller.abort();
      this.inFlight.delete(controller);
    });
    const ctx: ExchangeContext = { request, res, signal: controller.signal, recorder: this.recorder };
    try {
      request.rawBody = await readBody(req);
      request.body = parseJson(request.rawBody);
      await this.route(ctx, req.method ?? 'GET', path);
    } catch (err) {
      if (res.headersSent || res.destroyed) return;
      ctx.recorder.event(request, 'error');
      sendJson(res, 500, openAiError(`Mock LLM failed: ${(err as Error).message}`, 'server_error'));
      this.recorder.settle(request, 'failed');
    }
  }

  private async route(ctx: ExchangeContext, method: string, path: string): Promise<void> {
    const { apiKey } = this.options;
    if (apiKey !== undefined && ctx.request.headers.authorization !== `Bearer ${apiKey}`) {
      return this.reply(ctx, 401, openAiError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'));
    }
    if (method === 'GET' && path === '/v1/models') {
      return this.reply(ctx, 200, { object: 'list', data: this.models.map((id) => modelEntry(id)) });
    }
    const modelMatch = method === 'GET' ? /^\/v1\/models\/([^/]+)$/.exec(path) : null;
    if (modelMatch && this.models.includes(decodeURIComponent(modelMatch[1]))) {
      return this.reply(ctx, 200, modelEntry(decodeURIComponent(modelMatch[1])));
    }
    const isChat = method === 'POST' && path === '/v1/chat/completions';
    const isEmbeddings = method === 'POST' && path === '/v1/embeddings';
    if (!isChat && !isEmbeddings) {
      return this.reply(ctx, 404, openAiError(`Unknown request URL: ${method} ${path}.`, 'invalid_request_error', 'unknown_url'));
    }
    const body = ctx.request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return sendBadRequest(ctx, 'We could not parse the JSON body of your request: expected a JSON object.');
    }
    if (isEmbeddings) {
      const response = this.embeddingsQueue.shift() ?? { type: 'embeddings' };
      const settings = {
        dimension: this.options.embeddingDimension ?? DEFAULT_EMBEDDING_DIMENSION,
        defaultModel: this.models[0],
        defaultLatency: this.options.latency ?? {},
      };
      return answerEmbeddings(ctx, body as Record<string, unknown>, response, settings);
    }
    if (!isChatRequest(body)) {
      return sendBadRequest(ctx, "'messages' must be a non-empty array of objects with a string 'role'", 'messages');
    }
    const response = this.chatQueue.shift() ?? this.responder(body);
    return answerChat(ctx, body, response, {
      completionId: `chatcmpl-mock-${this.nextCompletion++}`,
      defaultModel: this.models[0],
      defaultLatency: this.options.latency ?? {},
      nextToolCallId: () => `call_mock_${this.nextToolCall++}`,
    });
  }

  private reply(ctx: ExchangeContext, status: number, body: unknown): void {
    ctx.recorder.event(ctx.request, status < 400 ? 'done' : 'error');
    sendJson(ctx.res, status, body);
    this.recorder.settle(ctx.request, status < 400 ? 'completed' : 'failed');
  }
}

function modelEntry(id: string): Record<string, unknown> {
  return { id, object: 'model', created: 0, owned_by: 'parley-mock' };
}

function parseJson(raw: string): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function isChatRequest(body: object): body is MockChatRequest {
  const { messages } = body as { messages?: unknown };
  return (
    Array.isArray(messages) &&
    messages.length > 0 &&
    messages.every((m: unknown) => typeof m === 'object' && m !== null && typeof (m as { role?: unknown }).role === 'string')
  );
}

/** Starts a mock OpenAI-compatible server on 127.0.0.1 with a random free port. */
export async function startMockLlm(options: MockLlmOptions = {}): Promise<MockLlm> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return new MockLlm(server, options);
}
