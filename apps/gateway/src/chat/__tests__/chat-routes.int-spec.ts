import { SessionTokens } from '@parley/auth';
import { ServiceMetrics } from '@parley/observability';
import { testEnvironment } from '@parley/testing';
import { ProvisioningResponder, type FakeKey, type FakeTenant } from '../../http/__tests__/support/provisioning-responder';
import { testGatewayConfig } from '../../http/__tests__/support/gateway-test-app';
import { ANSWER_TOKENS, ChatResponder, URGENT_SIGNAL } from './support/chat-responder';
import { dataValues, readSse } from './support/sse-reader';
import { startTenantApi, tenantApiNamespace, type RunningTenantApi } from './support/tenant-api-test-app';

// POST /api/v1/sessions, /api/v1/chat (JSON and SSE), history and feedback, through the real
// auth guard, NATS and Redis, against a test-owned chat responder publishing real frames.
jest.setTimeout(60_000);

const MAX_CHARS = 200;
const HEARTBEAT_MS = 100;

let api: RunningTenantApi;
let provisioning: ProvisioningResponder;
let chat: ChatResponder;
let tenant: FakeTenant;
let key: FakeKey;
let otherKey: FakeKey;

const waitFor = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

async function json(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  const response = await fetch(`${api.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string' || init.body instanceof Uint8Array
          ? (init.body as RequestInit['body'])
          : JSON.stringify(init.body),
  });
  const text = await response.text();
  // Response bodies are read field by field in the assertions; their shapes are what is under test.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
}

async function newSession(apiKey = key.key): Promise<{ id: string; token: string }> {
  const created = await json('/api/v1/sessions', { headers: { 'x-api-key': apiKey }, body: {} });
  expect(created.status).toBe(201);
  return { id: created.body!.session.id, token: created.body!.token };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function chatStream(token: string, body: unknown, headers: Record<string, string> = { accept: 'text/event-stream' }, signal?: AbortSignal) {
  return fetch(`${api.url}/api/v1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token), ...headers },
    body: JSON.stringify(body),
    signal,
  });
}

beforeAll(async () => {
  const namespace = tenantApiNamespace('tapi');
  const nats = testEnvironment().TEST_NATS_URL;
  provisioning = await ProvisioningResponder.start(nats, namespace);
  chat = await ChatResponder.start(nats, namespace);
  tenant = provisioning.addTenant('active');
  key = await provisioning.addKey(tenant.id);
  otherKey = await provisioning.addKey(provisioning.addTenant('active').id);
  api = await startTenantApi(
    testGatewayConfig(namespace, {
      GATEWAY_MAX_MESSAGE_CHARS: String(MAX_CHARS),
      RATE_LIMIT_PER_MINUTE: '10000',
      CHAT_TURN_TIMEOUT_MS: '20000',
    }),
    { sseHeartbeatMs: HEARTBEAT_MS },
  );
});

afterAll(async () => {
  await api?.close();
  await chat?.close();
  await provisioning?.close();
});

describe('sessions', () => {
  it('creates a session with the API key and returns a session token bound to it', async () => {
    const created = await json('/api/v1/sessions', {
      headers: { 'x-api-key': key.key },
      body: { externalUserId: 'cust-42', metadata: { page: '/pricing' } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ session: { tenantId: tenant.id, externalUserId: 'cust-42', channel: 'widget', status: 'open' } });
    expect(Date.parse(created.body!.expiresAt)).toBeGreaterThan(Date.now());
    const claims = await api.app.get(SessionTokens).verifySessionToken(created.body!.token);
    expect(claims).toMatchObject({ tenantId: tenant.id, sessionId: created.body!.session.id });
    expect(chat.created.at(-1)).toMatchObject({ tenantId: tenant.id, externalUserId: 'cust-42', metadata: { page: '/pricing' } });
  });

  it('refuses a session token on the create route and bad fields with 400', async () => {
    const own = await newSession();
    expect((await json('/api/v1/sessions', { headers: bearer(own.token), body: {} })).status).toBe(403);
    const bad = await json('/api/v1/sessions', { headers: { 'x-api-key': key.key }, body: { externalUserId: 5, extra: true } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body!.errors.map((e: { path: string }) => e.path).sort()).toEqual(['(body)', 'externalUserId'].sort());
  });

  it("reads and closes a session with its own token or the API key; another session's token gets 403, another tenant's key 404", async () => {
    const mine = await newSession();
    const other = await newSession();
    expect((await json(`/api/v1/sessions/${mine.id}`, { headers: bearer(mine.token) })).body).toMatchObject({
      session: { id: mine.id, needsHuman: false },
    });
    expect((await json(`/api/v1/sessions/${mine.id}`, { headers: { 'x-api-key': key.key } })).status).toBe(200);
    expect((await json(`/api/v1/sessions/${other.id}`, { headers: bearer(mine.token) })).status).toBe(403);
    expect((await json(`/api/v1/sessions/${other.id}/close`, { headers: bearer(mine.token), body: {} })).status).toBe(403);
    expect((await json(`/api/v1/sessions/${mine.id}`, { headers: { 'x-api-key': otherKey.key } })).status).toBe(404);
    expect((await json(`/api/v1/sessions/${mine.id}/close`, { headers: { 'x-api-key': otherKey.key }, body: {} })).status).toBe(404);
    const closed = await json(`/api/v1/sessions/${mine.id}/close`, { headers: bearer(mine.token), body: {} });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ session: { id: mine.id, status: 'closed' } });
    expect((await json(`/api/v1/sessions/${other.id}/close`, { headers: { 'x-api-key': key.key }, body: {} })).body).toMatchObject({
      session: { status: 'closed' },
    });
  });
});

describe('POST /api/v1/chat as SSE', () => {
  it('streams signal, tokens and exactly one done frame as `data: <json>` events, by Accept header', async () => {
    const session = await newSession();
    const response = await chatStream(session.token, { message: 'urgent: water everywhere' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('x-request-id')).toBeTruthy();
    const { events, text } = await readSse(response);
    expect(text.startsWith('data: {')).toBe(true);
    const frames = dataValues(events);
    const turn = chat.turns.at(-1)!;
    expect(turn).toMatchObject({
      tenantId: tenant.id,
      sessionId: session.id,
      stream: true,
      channel: 'widget',
      message: 'urgent: water everywhere',
    });
    // Token frames that reach the gateway together may go out as one SSE event: the text and order are what count.
    const tokens = frames.filter((f) => f.type === 'token');
    expect(tokens.map((f) => f.content).join('')).toBe(ANSWER_TOKENS.join(''));
    expect(frames).toEqual([
      { type: 'signal', signals: [URGENT_SIGNAL] },
      ...tokens,
      { type: 'done', message_id: expect.any(String), usage: expect.objectContaining({ inputTokens: 12, outputTokens: 3 }) },
    ]);
    expect(frames.filter((f) => f.type === 'done' || f.type === 'error')).toHaveLength(1);
  });

  it("routes each turn's frames to its own stream only: concurrent turns of two tenants never cross", async () => {
    const sessions = [
      { ...(await newSession()), tenantId: tenant.id },
      { ...(await newSession()), tenantId: tenant.id },
      { ...(await newSession(otherKey.key)), tenantId: otherKey.tenantId },
      { ...(await newSession(otherKey.key)), tenantId: otherKey.tenantId },
    ];
    // Each turn's answer is its own message back, word by word, the four streams interleaved.
    const messages = sessions.map((s, i) => `echo turn ${i} of session ${s.id} with a few more words`);
    const answers = await Promise.all(
      sessions.map(async (s, i) => dataValues((await readSse(await chatStream(s.token, { message: messages[i] }))).events)),
    );
    answers.forEach((frames, i) => {
      expect(
        frames
          .filter((f) => f.type === 'token')
          .map((f) => f.content)
          .join(''),
      ).toBe(messages[i]);
      expect(frames.filter((f) => f.type === 'done' || f.type === 'error')).toEqual([expect.objectContaining({ type: 'done' })]);
      expect(chat.turns.find((t) => t.message === messages[i])).toMatchObject({
        tenantId: sessions[i]!.tenantId,
        sessionId: sessions[i]!.id,
      });
    });
    // Four turns, four different answers: no done frame was delivered twice.
    expect(new Set(answers.map((frames) => frames.at(-1)!.message_id)).size).toBe(4);
  });

  it('streams when the body says "stream": true, without an Accept header', async () => {
    const session = await newSession();
    const { events } = await readSse(await chatStream(session.token, { message: 'hello', stream: true }, {}));
    const frames = dataValues(events);
    expect(frames.map((f) => f.type)).toEqual([...frames.slice(0, -1).map(() => 'token'), 'done']);
    expect(frames.map((f) => (f.type === 'token' ? f.content : '')).join('')).toBe(ANSWER_TOKENS.join(''));
  });

  it('observes each gateway stage of a streamed turn and each auth step once (parley_gateway_*_seconds; counts, not timings)', async () => {
    const counts = async () => {
      const { body } = await api.app.get(ServiceMetrics).render();
      const found: Record<string, number> = {};
      for (const m of body.matchAll(/^parley_gateway_turn_stage_seconds_count\{[^}]*stage="([a-z_]+)"[^}]*\} (\d+)$/gm))
        found[m[1]] = Number(m[2]);
      for (const m of body.matchAll(/^parley_gateway_auth_seconds_count\{([^}]*)\} (\d+)$/gm)) {
        const step = /step="([a-z_]+)"/.exec(m[1])?.[1];
        if (/kind="session"/.test(m[1])) found[`auth:${step}`] = Number(m[2]);
      }
      return found;
    };
    const session = await newSession();
    const before = await counts();
    const { events } = await readSse(await chatStream(session.token, { message: 'hello' }));
    expect(dataValues(events).at(-1)).toMatchObject({ type: 'done' });
    const after = await counts();
    const stages = ['before_handler', 'first_token_wait', 'first_token_relay', 'auth:credentials', 'auth:tenant', 'auth:rate_limit'];
    expect(Object.fromEntries(stages.map((s) => [s, (after[s] ?? 0) - (before[s] ?? 0)]))).toEqual(
      Object.fromEntries(stages.map((s) => [s, 1])),
    );
  });

  it('writes `: ping` comments while the turn is idle', async () => {
    const session = await newSession();
    const { events } = await readSse(await chatStream(session.token, { message: 'slow-start please' }));
    const firstData = events.findIndex((e) => e.kind === 'data');
    expect(events.slice(0, firstData).some((e) => e.kind === 'comment' && e.text === 'ping')).toBe(true);
    expect(dataValues(events).at(-1)).toMatchObject({ type: 'done' });
  });

  it('publishes chat.cancel.<turnId> (client_disconnected) when the client goes away mid-answer', async () => {
    const session = await newSession();
    const abort = new AbortController();
    const response = await chatStream(session.token, { message: 'wait-for-cancel' }, { accept: 'text/event-stream' }, abort.signal);
    await readSse(response, (events) => dataValues(events).some((f) => f.type === 'token')).catch(() => undefined);
    abort.abort();
    const turn = chat.turns.at(-1)!;
    await waitFor(() => chat.cancels.some((c) => c.turnId === turn.turnId), 'the cancel message');
    expect(chat.cancels.find((c) => c.turnId === turn.turnId)).toEqual({
      version: 1,
      tenantId: tenant.id,
      turnId: turn.turnId,
      reason: 'client_disconnected',
    });
  });

  it('ends with an error frame carrying a problem when chat fails mid-answer, or frames go missing', async () => {
    const session = await newSession();
    const failed = dataValues((await readSse(await chatStream(session.token, { message: 'fail-midway' }))).events);
    expect(failed.map((f) => f.type)).toEqual(['token', 'error']);
    expect(failed[1].error).toMatchObject({ type: 'urn:parley:problem:upstream-error', status: 502, code: 'UPSTREAM_ERROR' });

    const gap = dataValues((await readSse(await chatStream(session.token, { message: 'skip-seq' }))).events);
    expect(gap.map((f) => f.type)).toEqual(['token', 'error']);
    expect(gap[1].error).toMatchObject({ code: 'UPSTREAM_ERROR', status: 502 });
    // a 5xx problem stays opaque: what went wrong upstream is logged, not shown
    expect(gap[1].error).not.toHaveProperty('detail');
  });

  it('writes a reply that came without frames as the frames it stands for', async () => {
    const session = await newSession();
    const frames = dataValues((await readSse(await chatStream(session.token, { message: 'no-frames' }))).events);
    expect(frames).toEqual([
      { type: 'token', content: ANSWER_TOKENS.join('') },
      { type: 'done', message_id: expect.any(String), usage: expect.any(Object) },
    ]);
  });

  it('carries the CORS headers of an allowed origin on the stream, and refuses a foreign origin before any turn', async () => {
    const site = provisioning.addTenant('active', { allowedOrigins: ['https://plumber.example'] });
    const siteKey = await provisioning.addKey(site.id);
    const session = await newSession(siteKey.key);
    const allowed = await chatStream(
      session.token,
      { message: 'hello' },
      { accept: 'text/event-stream', origin: 'https://plumber.example' },
    );
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://plumber.example');
    expect(dataValues((await readSse(allowed)).events).at(-1)).toMatchObject({ type: 'done' });
    const before = chat.turns.length;
    const foreign = await chatStream(session.token, { message: 'hello' }, { accept: 'text/event-stream', origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(chat.turns.length).toBe(before);
  });

  it('answers a refusal before the first frame with a plain problem+json status, not a stream', async () => {
    const ghost = await api.app
      .get(SessionTokens)
      .issueSessionToken({ tenantId: tenant.id, sessionId: '6f1c1d1e-0000-4000-8000-000000000001' });
    const response = await chatStream(ghost.token, { message: 'hello' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

describe('POST /api/v1/chat as JSON', () => {
  it('answers {message_id, content, signals, actions, usage}', async () => {
    const session = await newSession();
    const answer = await json('/api/v1/chat', { headers: bearer(session.token), body: { message: 'urgent help' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      message_id: expect.any(String),
      content: ANSWER_TOKENS.join(''),
      signals: [URGENT_SIGNAL],
      actions: [],
      usage: expect.objectContaining({ model: 'test-model' }),
    });
    expect(chat.turns.at(-1)).toMatchObject({ stream: false, sessionId: session.id, requestId: answer.headers.get('x-request-id') });
  });

  it('refuses bad input with 400/413 problem+json and sends nothing to chat', async () => {
    const session = await newSession();
    const before = chat.turns.length;
    const cases: Array<[unknown, number, string]> = [
      [{}, 400, 'message'],
      [{ message: '   ' }, 400, 'message'],
      [{ message: 42 }, 400, 'message'],
      [{ message: 'hi', stream: 'yes' }, 400, 'stream'],
      [{ message: 'hi', extra: 1 }, 400, '(body)'],
      [{ message: 'x'.repeat(MAX_CHARS + 1) }, 413, 'message'],
      ['{"message":"\\ud800 lone surrogate"}', 400, 'message'],
    ];
    for (const [body, status, path] of cases) {
      const response = await json('/api/v1/chat', { headers: bearer(session.token), body });
      expect([response.status, response.headers.get('content-type')]).toEqual([
        status,
        expect.stringContaining('application/problem+json'),
      ]);
      expect(response.body!.errors?.[0]?.path).toBe(path);
    }
    const invalidUtf8 = Buffer.concat([Buffer.from('{"message":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const bytes = await json('/api/v1/chat', { headers: bearer(session.token), body: new Uint8Array(invalidUtf8) });
    expect(bytes.status).toBe(400);
    expect(bytes.body).toMatchObject({ code: 'INVALID_UTF8' });
    const streamed = await chatStream(session.token, { message: 'x'.repeat(MAX_CHARS + 1) });
    expect(streamed.status).toBe(413);
    expect(chat.turns.length).toBe(before);
  });

  it('refuses an API key on the chat route (session tokens only)', async () => {
    expect((await json('/api/v1/chat', { headers: { 'x-api-key': key.key }, body: { message: 'hi' } })).status).toBe(403);
  });
});

describe('history and feedback', () => {
  it("routes history for the token's own session, and for any session of the tenant with its API key", async () => {
    const session = await newSession();
    const own = await json('/api/v1/chat/history?limit=5', { headers: bearer(session.token) });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ items: [{ sessionId: session.id }], next_cursor: 'older-page' });
    expect(chat.history.at(-1)).toEqual({ version: 1, tenantId: tenant.id, sessionId: session.id, limit: 5, cursor: null });
    const viaKey = await json(`/api/v1/chat/history?session_id=${session.id}&cursor=older-page`, { headers: { 'x-api-key': key.key } });
    expect(viaKey.body).toMatchObject({ next_cursor: null });
    expect(chat.history.at(-1)).toMatchObject({ sessionId: session.id, limit: 20, cursor: 'older-page' });
  });

  it("refuses another session's history (403), another tenant's (404) and a key without session_id (400)", async () => {
    const mine = await newSession();
    const other = await newSession();
    expect((await json(`/api/v1/chat/history?session_id=${other.id}`, { headers: bearer(mine.token) })).status).toBe(403);
    expect((await json(`/api/v1/chat/history?session_id=${mine.id}`, { headers: { 'x-api-key': otherKey.key } })).status).toBe(404);
    const missing = await json('/api/v1/chat/history', { headers: { 'x-api-key': key.key } });
    expect(missing.status).toBe(400);
    expect(missing.body!.errors[0].path).toBe('session_id');
    expect((await json('/api/v1/chat/history?limit=0', { headers: bearer(mine.token) })).status).toBe(400);
  });

  it('records feedback on a message of the session and refuses a message of another session with 404', async () => {
    const session = await newSession();
    const answer = await json('/api/v1/chat', { headers: bearer(session.token), body: { message: 'hello' } });
    const rated = await json('/api/v1/chat/feedback', {
      headers: bearer(session.token),
      body: { message_id: answer.body!.message_id, rating: -1, comment: 'wrong price' },
    });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ message_id: answer.body!.message_id, rating: -1, updated: false });
    expect(chat.feedback.at(-1)).toEqual({
      version: 1,
      tenantId: tenant.id,
      sessionId: session.id,
      messageId: answer.body!.message_id,
      rating: -1,
      comment: 'wrong price',
    });

    const other = await newSession();
    expect(
      (await json('/api/v1/chat/feedback', { headers: bearer(other.token), body: { message_id: answer.body!.message_id, rating: 1 } }))
        .status,
    ).toBe(404);
    const before = chat.feedback.length;
    expect(
      (await json('/api/v1/chat/feedback', { headers: bearer(session.token), body: { message_id: answer.body!.message_id, rating: 5 } }))
        .status,
    ).toBe(400);
    expect(chat.feedback.length).toBe(before);
  });
});
