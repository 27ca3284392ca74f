// Token frames are coalesced (CHAT_STREAM_FLUSH_MS): the first token goes out at once, later ones
// in fewer frames; the client still gets the whole answer in order, with contiguous seq numbers.
import { ChatSessionCreateRpc, ChatTurnRpc, chatStreamSubject } from '@parley/contracts';
import { createTenant, startMockLlm, type MockLlm } from '@parley/testing';
import { collectFrames, llmConfig, startChatHarness, turnRequest, type ChatHarness } from './support/chat-harness';

const ANSWER = 'Yes, we are open on Sunday from ten until four, and a visit costs sixty five pounds.';
const FLUSH_MS = 300;
const INTER_TOKEN_MS = 60;

describe('token frame coalescing', () => {
  let h: ChatHarness;
  let mock: MockLlm;
  let tenant: string;

  beforeAll(async () => {
    mock = await startMockLlm();
    h = await startChatHarness({
      llm: llmConfig({ openai: { apiKey: 'sk-test', baseUrl: mock.url } }),
      config: { streamFlushMs: FLUSH_MS },
    });
    tenant = (await createTenant(h.owner, { llm_provider: 'openai', llm_model: 'mock-chat' })).id;
  });

  afterAll(async () => {
    await h.close();
    await mock.close();
  });

  it('publishes the first token at once and the rest in fewer frames, the whole answer in order', async () => {
    const session = (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId: tenant, channel: 'widget' })).session;
    mock.enqueue({ type: 'text', text: ANSWER, latency: { interTokenDelayMs: INTER_TOKEN_MS } });
    const request = turnRequest(tenant, session.id, 'are you open on Sunday?');
    const collector = await collectFrames(h.client, request.turnId);
    // Arrival time of every frame, in seq order (a second subscription on the same subject).
    const arrivals: number[] = [];
    const timing = h.client.nc.subscribe(h.client.namer.subject(chatStreamSubject(request.turnId)), {
      callback: () => void arrivals.push(performance.now()),
    });
    await h.client.nc.flush();
    const started = performance.now();
    const response = await h.rpc.request(ChatTurnRpc, request);
    const frames = await collector.finished;
    collector.stop();
    await h.client.nc.flush();
    timing.unsubscribe();

    expect(frames.map((f) => f.seq)).toEqual(frames.map((_, i) => i));
    const tokens = frames.flatMap((f) => (f.type === 'token' ? [f.content] : []));
    expect(tokens.join('')).toBe(ANSWER);
    expect(response.content).toBe(ANSWER);
    // ~20 model tokens, 60 ms apart, in 300 ms windows: a handful of frames, not one per token.
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.length).toBeLessThan(10);
    // The first token frame holds the model's first token alone: it was not held for company.
    expect(ANSWER.startsWith(tokens[0])).toBe(true);
    expect(tokens[0].length).toBeLessThan(8);
    expect(frames[frames.length - 1].type).toBe('done');
    const firstTokenIndex = frames.findIndex((f) => f.type === 'token');
    // It arrived long before the answer ended (the generation takes > 1 s here).
    expect(arrivals[frames.length - 1] - arrivals[firstTokenIndex]).toBeGreaterThan(600);
    expect(arrivals[firstTokenIndex] - started).toBeLessThan(arrivals[frames.length - 1] - started - 600);
  });
});
