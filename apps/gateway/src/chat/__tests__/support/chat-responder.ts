import { randomUUID } from 'node:crypto';
import {
  CHAT_CANCEL_SUBJECTS_ALL,
  ChatCancelMessage,
  ChatFeedbackRpc,
  ChatHistoryRpc,
  ChatSessionCloseRpc,
  ChatSessionCreateRpc,
  ChatSessionGetRpc,
  ChatTurnRpc,
  RPC_QUEUE_GROUPS,
  chatStreamSubject,
  parseContract,
  type ChatCancel,
  type ChatSessionView,
  type ChatStreamFrame,
  type ChatTurnRequest,
  type ChatTurnResponse,
  type RpcRequestOf,
  type Signal,
} from '@parley/contracts';
import { NatsClient, RpcError, RpcServer, decodeJson, encodeJson } from '@parley/messaging';

// A test-owned stand-in for the chat service's RPCs, publishing real frames on
// chat.stream.<turnId> and recording what the gateway sent (requests, cancels). What a turn
// does is chosen by a keyword in its message, so tests drive the stream from the HTTP side.

type FrameBody = ChatStreamFrame extends infer F ? (F extends ChatStreamFrame ? Omit<F, 'version' | 'seq'> : never) : never;

export const ANSWER_TOKENS = ['Hello', ', I can', ' help.'];
export const URGENT_SIGNAL: Signal = { kind: 'urgency', label: 'high', score: 0.9 };
const USAGE = { inputTokens: 12, outputTokens: 3, model: 'test-model', provider: 'test', latencyMs: 5 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ChatResponder {
  readonly sessions = new Map<string, ChatSessionView>();
  readonly turns: ChatTurnRequest[] = [];
  readonly cancels: ChatCancel[] = [];
  readonly history: RpcRequestOf<typeof ChatHistoryRpc>[] = [];
  readonly feedback: RpcRequestOf<typeof ChatFeedbackRpc>[] = [];
  readonly created: RpcRequestOf<typeof ChatSessionCreateRpc>[] = [];
  /** Assistant message id -> session id, for feedback. */
  private readonly messages = new Map<string, string>();
  private server?: RpcServer;
  private closing = false;

  private constructor(readonly nats: NatsClient) {}

  static async start(url: string, namespace: string): Promise<ChatResponder> {
    const nats = await NatsClient.connect({ url, name: 'test-chat', namespace });
    const responder = new ChatResponder(nats);
    responder.serve();
    await nats.nc.flush();
    return responder;
  }

  addSession(tenantId: string, channel: ChatSessionView['channel'] = 'widget', externalUserId: string | null = null): ChatSessionView {
    const now = new Date().toISOString();
    const session: ChatSessionView = {
      id: randomUUID(),
      tenantId,
      externalUserId,
      contactId: null,
      status: 'open',
      needsHuman: false,
      mode: 'bot',
      channel,
      messageCount: 0,
      startedAt: now,
      lastActivityAt: now,
      closedAt: null,
      closeReason: null,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.server?.stop();
    await this.nats.drain();
  }

  private session(tenantId: string, sessionId: string): ChatSessionView {
    const session = this.sessions.get(sessionId);
    if (!session || session.tenantId !== tenantId) throw new RpcError('NOT_FOUND', 'no such session');
    return session;
  }

  private serve(): void {
    const server = new RpcServer(this.nats);
    this.server = server;
    const queue = RPC_QUEUE_GROUPS.chat;
    server.handle(ChatTurnRpc, (request) => this.turn(request), { queue });
    server.handle(
      ChatSessionCreateRpc,
      async (request) => {
        this.created.push(request);
        return { version: 1 as const, session: this.addSession(request.tenantId, request.channel, request.externalUserId ?? null) };
      },
      { queue },
    );
    server.handle(
      ChatSessionGetRpc,
      async ({ tenantId, sessionId }) => ({ version: 1 as const, session: this.session(tenantId, sessionId) }),
      { queue },
    );
    server.handle(
      ChatSessionCloseRpc,
      async ({ tenantId, sessionId }) => {
        const session = this.session(tenantId, sessionId);
        if (session.status === 'open')
          Object.assign(session, { status: 'closed', closedAt: new Date().toISOString(), closeReason: 'closed_by_client' });
        return { version: 1 as const, session };
      },
      { queue },
    );
    server.handle(
      ChatHistoryRpc,
      async (request) => {
        this.history.push(request);
        const session = this.session(request.tenantId, request.sessionId);
        const item = {
          id: randomUUID(),
          sessionId: session.id,
          turnId: null,
          role: 'user' as const,
          content: 'hello',
          interrupted: false,
          signals: [],
          createdAt: new Date().toISOString(),
        };
        return { version: 1 as const, items: [item], nextCursor: request.cursor === null ? 'older-page' : null };
      },
      { queue },
    );
    server.handle(
      ChatFeedbackRpc,
      async (request) => {
        this.feedback.push(request);
        this.session(request.tenantId, request.sessionId);
        if (this.messages.get(request.messageId) !== request.sessionId) throw new RpcError('NOT_FOUND', 'no such message in this session');
        return { version: 1 as const, feedbackId: randomUUID(), messageId: request.messageId, rating: request.rating, updated: false };
      },
      { queue },
    );
    this.nats.nc.subscribe(this.nats.namer.subject(CHAT_CANCEL_SUBJECTS_ALL), {
      callback: (_err, msg) => {
        const decoded = decodeJson(msg.data);
        const parsed = decoded.ok ? parseContract(ChatCancelMessage, decoded.value) : undefined;
        if (parsed?.ok) this.cancels.push(parsed.value);
      },
    });
  }

  /** Resolves when the gateway cancelled the turn (or the responder closes; at most 15 s). */
  private async cancelled(turnId: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (!this.closing && !this.cancels.some((c) => c.turnId === turnId) && Date.now() < deadline) await sleep(20);
  }

  private async turn(request: ChatTurnRequest): Promise<ChatTurnResponse> {
    this.session(request.tenantId, request.sessionId);
    this.turns.push(request);
    const messageId = randomUUID();
    this.messages.set(messageId, request.sessionId);
    const signals = request.message.includes('urgent') ? [URGENT_SIGNAL] : [];
    const response: ChatTurnResponse = {
      version: 1,
      turnId: request.turnId,
      sessionId: request.sessionId,
      messageId,
      content: ANSWER_TOKENS.join(''),
      finishReason: 'stop',
      signals,
      actions: [],
      usage: USAGE,
    };
    if (!request.stream && request.message.includes('wait-for-cancel')) {
      await this.cancelled(request.turnId);
      throw new RpcError('CANCELLED', 'cancelled');
    }
    if (!request.stream || request.message.includes('no-frames')) return response;

    let seq = 0;
    const publish = (frame: FrameBody, at = seq++) =>
      this.nats.nc.publish(this.nats.namer.subject(chatStreamSubject(request.turnId)), encodeJson({ version: 1, seq: at, ...frame }));

    if (request.message.includes('slow-start')) await sleep(600);
    if (signals.length > 0) publish({ type: 'signal', signals });
    if (request.message.includes('wait-for-cancel')) {
      publish({ type: 'token', content: ANSWER_TOKENS[0] });
      await this.cancelled(request.turnId);
      throw new RpcError('CANCELLED', 'the client went away');
    }
    if (request.message.includes('fail-midway')) {
      publish({ type: 'token', content: ANSWER_TOKENS[0] });
      publish({ type: 'error', error: { code: 'UPSTREAM_ERROR', message: 'the model failed' } });
      throw new RpcError('UPSTREAM_ERROR', 'the model failed');
    }
    if (request.message.includes('skip-seq')) {
      publish({ type: 'token', content: ANSWER_TOKENS[0] });
      seq += 1; // a frame "lost" on the way
    }
    if (request.message.startsWith('echo ')) {
      // The message back word by word, a few ms apart, so concurrent turns' frames interleave on the wire.
      for (const word of request.message.split(/(?= )/)) {
        publish({ type: 'token', content: word });
        await sleep(5);
      }
      publish({ type: 'done', message_id: messageId, usage: USAGE });
      return { ...response, content: request.message };
    }
    for (const content of request.message.includes('skip-seq') ? ANSWER_TOKENS.slice(1) : ANSWER_TOKENS)
      publish({ type: 'token', content });
    publish({ type: 'done', message_id: messageId, usage: USAGE });
    return response;
  }
}
