// Turns through the real libs/llm router and its `openai` provider, against the mock
// OpenAI-compatible server of libs/testing over real HTTP (no stubbed client).
import {
  ActionRequestedEvent,
  ChatCancelMessage,
  ChatHistoryRpc,
  ChatSessionCreateRpc,
  ChatSessionGetRpc,
  ChatTurnRpc,
  NotifyRequestedEvent,
  chatCancelSubject,
} from '@parley/contracts';
import { encodeJson } from '@parley/messaging';
import {
  createKnowledgeChunk,
  createKnowledgeDocument,
  createTenant,
  startMockLlm,
  type MockChatMessage,
  type MockLlm,
} from '@parley/testing';
import { HUMAN_MODE_NOTICE } from '../turn/turn.service';
import { collectFrames, llmConfig, outboxRowsOf, startChatHarness, turnRequest, type ChatHarness } from './support/chat-harness';

const LONG_ANSWER = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');

function texts(messages: unknown): string[] {
  return (messages as MockChatMessage[]).map((m) => (typeof m.content === 'string' ? m.content : ''));
}

describe('chat turn with a model over HTTP (mock OpenAI-compatible server)', () => {
  let h: ChatHarness;
  let mock: MockLlm;
  let tenant: string;
  let handoffTenant: string;

  beforeAll(async () => {
    mock = await startMockLlm();
    h = await startChatHarness({
      llm: llmConfig({
        openai: { apiKey: 'sk-test', baseUrl: mock.url },
        embedding: { provider: 'openai', baseUrl: mock.url, model: 'mock-embedding', apiKey: 'sk-test' },
      }),
    });
    const model = { llm_provider: 'openai', llm_model: 'mock-chat' };
    tenant = (await createTenant(h.owner, model)).id;
    handoffTenant = (
      await createTenant(h.owner, {
        ...model,
        escalation_settings: { handoffEnabled: true, handoffMessage: null, notifyOnEscalation: true },
      })
    ).id;
  });

  afterEach(() => mock.reset());

  afterAll(async () => {
    await h.close();
    await mock.close();
  });

  /** Chat completion requests only (each turn also embeds its query first). */
  const chats = () => mock.requests.filter((r) => r.path === '/v1/chat/completions');

  const newSession = async (tenantId: string) =>
    (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId, channel: 'widget' })).session;

  it('streams the model tokens after the signal frame, and sends the session history in the next turn', async () => {
    const session = await newSession(tenant);
    mock.enqueue({ type: 'text', text: 'I can see this is urgent, I am flagging it for a callback.' });
    const first = turnRequest(tenant, session.id, 'my pipe burst and the kitchen is flooding');
    const collector = await collectFrames(h.client, first.turnId);
    const response = await h.rpc.request(ChatTurnRpc, first);
    const frames = await collector.finished;
    collector.stop();

    expect(frames.map((f) => f.seq)).toEqual(frames.map((_, i) => i));
    expect(frames[0].type).toBe('signal');
    // The first token alone, the rest coalesced into fewer frames (CHAT_STREAM_FLUSH_MS).
    const tokens = frames.filter((f) => f.type === 'token');
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.map((f) => (f.type === 'token' ? f.content : '')).join('')).toBe(
      'I can see this is urgent, I am flagging it for a callback.',
    );
    expect(response.usage).toMatchObject({ provider: 'openai', model: 'mock-chat' });
    expect(response.usage.outputTokens).toBeGreaterThan(0);
    const sent = chats()[0].body as { messages: MockChatMessage[] };
    expect(texts(sent.messages).some((t) => t.includes('flagging it for an urgent callback'))).toBe(true);

    const second = turnRequest(tenant, session.id, 'How soon can you come?', { stream: false });
    await h.rpc.request(ChatTurnRpc, second);
    const history = texts((chats()[1].body as { messages: MockChatMessage[] }).messages);
    expect(history).toEqual(
      expect.arrayContaining([
        'my pipe burst and the kitchen is flooding',
        'I can see this is urgent, I am flagging it for a callback.',
        'How soon can you come?',
      ]),
    );
    const { rows } = await h.owner.query('SELECT tokens_in, tokens_out, provider, model, latency_ms FROM chat_messages WHERE id = $1', [
      response.messageId,
    ]);
    expect(rows[0]).toMatchObject({
      provider: 'openai',
      model: 'mock-chat',
      tokens_in: response.usage.inputTokens,
      tokens_out: response.usage.outputTokens,
    });
  });

  it('embeds the query and gives the model the tenant knowledge it retrieved', async () => {
    const doc = await createKnowledgeDocument(h.owner, tenant, { title: 'Opening hours' });
    await createKnowledgeChunk(h.owner, doc, 'We are open Monday to Saturday, 8am to 6pm.');
    const session = await newSession(tenant);
    await h.rpc.request(ChatTurnRpc, turnRequest(tenant, session.id, 'When are you open on Saturday?', { stream: false }));
    const paths = mock.requests.map((r) => r.path);
    expect(paths).toEqual(['/v1/embeddings', '/v1/chat/completions']);
    const prompt = texts((mock.requests[1].body as { messages: MockChatMessage[] }).messages).join('\n');
    expect(prompt).toContain('We are open Monday to Saturday, 8am to 6pm.');
  });

  it('uses the caller context instead of the session memory when given', async () => {
    const session = await newSession(tenant);
    await h.rpc.request(ChatTurnRpc, turnRequest(tenant, session.id, 'remember the blue boiler', { stream: false }));
    mock.reset();
    await h.rpc.request(
      ChatTurnRpc,
      turnRequest(tenant, session.id, 'and the price?', {
        stream: false,
        channel: 'openai_compat',
        context: [
          { role: 'user', content: 'I have a red radiator' },
          { role: 'assistant', content: 'Noted, a red radiator.' },
        ],
      }),
    );
    const sent = texts((chats()[0].body as { messages: MockChatMessage[] }).messages);
    expect(sent).toEqual(expect.arrayContaining(['I have a red radiator', 'Noted, a red radiator.', 'and the price?']));
    expect(sent.some((t) => t.includes('blue boiler'))).toBe(false);
  });

  it('hands over to a person: needs_human, human mode, an action, and later turns never reach the model', async () => {
    const session = await newSession(handoffTenant);
    const escalate = turnRequest(handoffTenant, session.id, 'Can I speak to a real person please, not a bot');
    const collector = await collectFrames(h.client, escalate.turnId);
    const response = await h.rpc.request(ChatTurnRpc, escalate);
    const frames = await collector.finished;
    collector.stop();
    expect(response.actions.map((a) => a.type)).toEqual(['human_handoff']);
    expect(frames.filter((f) => f.type === 'action').map((f) => (f.type === 'action' ? f.action.type : ''))).toEqual(['human_handoff']);
    expect(chats()).toHaveLength(1);

    const after = (await h.rpc.request(ChatSessionGetRpc, { version: 1, tenantId: handoffTenant, sessionId: session.id })).session;
    expect(after).toMatchObject({ needsHuman: true, mode: 'human' });
    const outbox = await outboxRowsOf(h.owner, session.id);
    expect(outbox.filter((r) => r.subject === ActionRequestedEvent.subjectFor(handoffTenant)).map((r) => r.payload.type)).toEqual([
      'human_handoff',
    ]);
    expect(outbox.filter((r) => r.subject === NotifyRequestedEvent.subjectFor(handoffTenant)).map((r) => r.payload.category)).toEqual([
      'escalation',
    ]);

    mock.reset();
    const next = turnRequest(handoffTenant, session.id, 'hello? is anyone there?');
    const nextCollector = await collectFrames(h.client, next.turnId);
    const notice = await h.rpc.request(ChatTurnRpc, next);
    const nextFrames = await nextCollector.finished;
    nextCollector.stop();
    expect(notice.content).toBe(HUMAN_MODE_NOTICE);
    expect(nextFrames.map((f) => f.type)).toEqual(['token', 'done']);
    expect(mock.requests).toHaveLength(0);
    const history = await h.rpc.request(ChatHistoryRpc, {
      version: 1,
      tenantId: handoffTenant,
      sessionId: session.id,
      limit: 10,
      cursor: null,
    });
    expect(history.items.map((m) => [m.role, m.content]).slice(-2)).toEqual([
      ['user', 'hello? is anyone there?'],
      ['assistant', HUMAN_MODE_NOTICE],
    ]);
  });

  it('offers a person without handing over when the tenant has handoff disabled', async () => {
    const session = await newSession(tenant);
    const response = await h.rpc.request(
      ChatTurnRpc,
      turnRequest(tenant, session.id, 'Can I speak to a real person please, not a bot', { stream: false }),
    );
    expect(response.actions).toEqual([]);
    const sent = texts((chats()[0].body as { messages: MockChatMessage[] }).messages);
    expect(sent.some((t) => t.includes('Offer to have a person from the team get in touch'))).toBe(true);
    const after = (await h.rpc.request(ChatSessionGetRpc, { version: 1, tenantId: tenant, sessionId: session.id })).session;
    expect(after).toMatchObject({ needsHuman: true, mode: 'bot' });
  });

  it('stops generating on chat.cancel.<turnId> and stores the partial answer as interrupted', async () => {
    const session = await newSession(tenant);
    mock.enqueue({ type: 'text', text: LONG_ANSWER, latency: { interTokenDelayMs: 150 } });
    const request = turnRequest(tenant, session.id, 'Tell me everything about boilers');
    const collector = await collectFrames(h.client, request.turnId);
    const pending = h.rpc.request(ChatTurnRpc, request);
    await collector.firstToken;
    h.client.nc.publish(
      h.client.namer.subject(chatCancelSubject(request.turnId)),
      encodeJson(ChatCancelMessage.schema.parse({ version: 1, tenantId: tenant, turnId: request.turnId, reason: 'client_disconnected' })),
    );
    const response = await pending;
    collector.stop();

    expect(response.finishReason).toBe('cancelled');
    expect(response.content.length).toBeGreaterThan(0);
    expect(response.content.length).toBeLessThan(LONG_ANSWER.length);
    expect(LONG_ANSWER.startsWith(response.content)).toBe(true);
    expect(await chats()[0].settled).toBe('aborted');
    const { rows } = await h.owner.query("SELECT content, interrupted FROM chat_messages WHERE session_id = $1 AND role = 'assistant'", [
      session.id,
    ]);
    expect(rows).toEqual([{ content: response.content, interrupted: true }]);
  });

  it('ends the stream with an UPSTREAM_ERROR frame when the model fails mid-answer, storing nothing', async () => {
    const session = await newSession(tenant);
    mock.enqueue({ type: 'drop', afterTokens: 3, text: LONG_ANSWER });
    const request = turnRequest(tenant, session.id, 'Tell me about boilers');
    const collector = await collectFrames(h.client, request.turnId);
    const error = await h.rpc.request(ChatTurnRpc, request).then(
      () => null,
      (err: unknown) => err as { code?: string },
    );
    const frames = await collector.finished;
    collector.stop();
    expect(error?.code).toBe('UPSTREAM_ERROR');
    expect(frames.filter((f) => f.type === 'token').length).toBeGreaterThan(0);
    expect(frames[frames.length - 1]).toMatchObject({ type: 'error', error: { code: 'UPSTREAM_ERROR' } });
    const { rows } = await h.owner.query('SELECT count(*)::int AS n FROM chat_messages WHERE session_id = $1', [session.id]);
    expect(rows[0].n).toBe(0);
  });

  it('ignores a cancel that names another tenant', async () => {
    const session = await newSession(tenant);
    mock.enqueue({ type: 'text', text: 'short and complete answer', latency: { firstTokenDelayMs: 300, interTokenDelayMs: 100 } });
    const request = turnRequest(tenant, session.id, 'What are your hours?', { stream: false });
    const pending = h.rpc.request(ChatTurnRpc, request);
    await mock.waitForRequest((r) => r.path === '/v1/chat/completions');
    h.client.nc.publish(
      h.client.namer.subject(chatCancelSubject(request.turnId)),
      encodeJson({ version: 1, tenantId: handoffTenant, turnId: request.turnId, reason: 'client_disconnected' }),
    );
    // The engine shares this connection: once the flush returns, the cancel has been delivered to it.
    await h.client.nc.flush();
    expect(chats()[0].outcome).toBe('pending');
    const response = await pending;
    expect(response).toMatchObject({ finishReason: 'stop', content: 'short and complete answer' });
  });
});
