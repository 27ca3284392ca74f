import OpenAI from 'openai';
import { testEnvironment } from '@parley/testing';
import { ProvisioningResponder, type FakeKey, type FakeTenant } from '../../http/__tests__/support/provisioning-responder';
import { testGatewayConfig } from '../../http/__tests__/support/gateway-test-app';
import { ANSWER_TOKENS, ChatResponder } from '../../chat/__tests__/support/chat-responder';
import { startTenantApi, tenantApiNamespace, type RunningTenantApi } from '../../chat/__tests__/support/tenant-api-test-app';

// POST /v1/chat/completions driven by the official `openai` SDK, unchanged, against the
// gateway's real auth, NATS and Redis and a test-owned chat responder.
jest.setTimeout(60_000);

const MAX_CHARS = 200;
let api: RunningTenantApi;
let provisioning: ProvisioningResponder;
let chat: ChatResponder;
let tenant: FakeTenant;
let key: FakeKey;
let client: OpenAI;

beforeAll(async () => {
  const namespace = tenantApiNamespace('oai');
  const nats = testEnvironment().TEST_NATS_URL;
  provisioning = await ProvisioningResponder.start(nats, namespace);
  chat = await ChatResponder.start(nats, namespace);
  tenant = provisioning.addTenant('active');
  key = await provisioning.addKey(tenant.id);
  api = await startTenantApi(
    testGatewayConfig(namespace, { GATEWAY_MAX_MESSAGE_CHARS: String(MAX_CHARS), RATE_LIMIT_PER_MINUTE: '10000' }),
    { sseHeartbeatMs: 100, openaiSessionReuseSeconds: 120 },
  );
  client = new OpenAI({ apiKey: key.key, baseURL: `${api.url}/v1`, maxRetries: 0 });
});

afterAll(async () => {
  await api?.close();
  await chat?.close();
  await provisioning?.close();
});

describe('OpenAI-compatible chat completions (official SDK)', () => {
  it("answers a non-streamed completion, with earlier messages as the turn's context", async () => {
    const completion = await client.chat.completions.create({
      model: 'parley-default',
      messages: [
        { role: 'developer', content: 'Answer briefly.' },
        { role: 'user', content: 'Do you fix boilers?' },
        { role: 'assistant', content: 'Yes, we do.' },
        { role: 'user', content: [{ type: 'text', text: 'How much is a call-out?' }] },
      ],
      stream: false,
    });
    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: 'parley-default',
      choices: [{ index: 0, message: { role: 'assistant', content: ANSWER_TOKENS.join('') }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 },
    });
    const turn = chat.turns.at(-1)!;
    expect(completion.id).toBe(`chatcmpl-${turn.turnId}`);
    expect(turn).toMatchObject({
      tenantId: tenant.id,
      channel: 'openai_compat',
      stream: false,
      message: 'How much is a call-out?',
      context: [
        { role: 'system', content: 'Answer briefly.' },
        { role: 'user', content: 'Do you fix boilers?' },
        { role: 'assistant', content: 'Yes, we do.' },
      ],
    });
    expect(chat.sessions.get(turn.sessionId)).toMatchObject({ channel: 'openai_compat', tenantId: tenant.id });
  });

  it('streams chat.completion.chunk events ending in [DONE], with a usage chunk when asked', async () => {
    const stream = await client.chat.completions.create({
      model: 'parley-default',
      messages: [{ role: 'user', content: 'Hello there' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && c.id === chunks[0].id)).toBe(true);
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(ANSWER_TOKENS.join(''));
    const finish = chunks.filter((c) => c.choices[0]?.finish_reason);
    expect(finish.map((c) => c.choices[0].finish_reason)).toEqual(['stop']);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 } });
    expect(chat.turns.at(-1)).toMatchObject({ stream: true, message: 'Hello there' });
  });

  it('keeps an idle stream open with `: ping` comments the SDK ignores', async () => {
    const raw = await fetch(`${api.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key.key}` },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'slow-start' }], stream: true }),
    });
    expect(await raw.text()).toContain(': ping\n\n');
    let text = '';
    for await (const chunk of await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'slow-start' }],
      stream: true,
    })) {
      text += chunk.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe(ANSWER_TOKENS.join(''));
  });

  it('writes the raw stream as `data: {...}` events and a final `data: [DONE]`, with X-API-Key auth too', async () => {
    const response = await fetch(`${api.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key.key },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const text = await response.text();
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(
      text
        .split('\n\n')
        .filter(Boolean)
        .every((event) => event.startsWith('data: ') || event.startsWith(': ')),
    ).toBe(true);
  });

  it("raises the SDK's error classes from OpenAI-shaped errors with the right statuses", async () => {
    const before = chat.turns.length;
    const notUserLast = client.chat.completions.create({
      model: 'm',
      messages: [
        { role: 'user', content: 'a' },
        { role: 'assistant', content: 'b' },
      ],
    });
    await expect(notUserLast).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    await notUserLast.catch((error: InstanceType<typeof OpenAI.BadRequestError>) => {
      expect(error.status).toBe(400);
      expect(error.error).toMatchObject({ type: 'invalid_request_error', code: 'validation', param: 'messages.1.role' });
    });
    const tooLong = await client.chat.completions
      .create({ model: 'm', messages: [{ role: 'user', content: 'x'.repeat(MAX_CHARS + 1) }] })
      .catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(OpenAI.APIError);
    expect((tooLong as InstanceType<typeof OpenAI.APIError>).status).toBe(413);
    await expect(client.chat.completions.create({ model: 'm', messages: [] })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    const wrongKey = new OpenAI({
      apiKey: `${key.prefix}${'x'.repeat(key.key.length - key.prefix.length)}`,
      baseURL: `${api.url}/v1`,
      maxRetries: 0,
    });
    const denied = await wrongKey.chat.completions
      .create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((denied as InstanceType<typeof OpenAI.AuthenticationError>).error).toMatchObject({
      type: 'authentication_error',
      code: 'invalid_api_key',
    });
    expect(chat.turns.length).toBe(before);
  });

  it("answers errors raised before the handler (malformed JSON, unknown /v1 route) in OpenAI's shape too", async () => {
    const malformed = await fetch(`${api.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key.key}` },
      body: '{"model":',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/json');
    expect(await malformed.json()).toEqual({
      error: { message: 'The request body is not valid JSON.', type: 'invalid_request_error', param: null, code: 'invalid_json' },
    });
    const unknown = await fetch(`${api.url}/v1/models`, { headers: { authorization: `Bearer ${key.key}` } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { type: 'not_found_error' } });
  });

  it('raises an APIError from the stream when chat fails mid-answer', async () => {
    const stream = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'fail-midway' }], stream: true });
    const received: string[] = [];
    const failure = await (async () => {
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
    })().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect(received.join('')).toBe(ANSWER_TOKENS[0]);
  });

  it('reuses the session of a `user` across requests, and starts a new one when it is gone', async () => {
    const ask = (user: string) => client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }], user });
    await ask('visitor-1');
    const first = chat.turns.at(-1)!.sessionId;
    await ask('visitor-1');
    expect(chat.turns.at(-1)!.sessionId).toBe(first);
    expect(chat.sessions.get(first)).toMatchObject({ externalUserId: 'visitor-1' });
    await ask('visitor-2');
    expect(chat.turns.at(-1)!.sessionId).not.toBe(first);
    await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(chat.sessions.get(chat.turns.at(-1)!.sessionId)).toMatchObject({ externalUserId: null });

    chat.sessions.delete(first); // closed and gone on chat's side
    const answer = await ask('visitor-1');
    expect(answer.choices[0].message.content).toBe(ANSWER_TOKENS.join(''));
    const replacement = chat.turns.at(-1)!.sessionId;
    expect(replacement).not.toBe(first);
    await ask('visitor-1');
    expect(chat.turns.at(-1)!.sessionId).toBe(replacement);
  });
});
