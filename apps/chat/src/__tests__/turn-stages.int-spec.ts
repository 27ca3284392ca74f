// parley_chat_turn_stage_seconds: every stage of a real turn is observed once (what bench/chat-path
// reads), with the model over HTTP (mock OpenAI-compatible server) and with the offline responder.
// Counts only: no timing is asserted.
import { ChatSessionCreateRpc, ChatTurnRpc } from '@parley/contracts';
import { ServiceMetrics } from '@parley/observability';
import { createKnowledgeChunk, createKnowledgeDocument, createTenant, startMockLlm, type MockLlm } from '@parley/testing';
import { collectFrames, llmConfig, startChatHarness, turnRequest, type ChatHarness } from './support/chat-harness';

// No embedder here: the full-text retrieval is part of session_history's statement, so `retrieval` is not observed.
const STAGES = [
  'tenant_load',
  'session_history',
  'signals',
  'prompt_build',
  'model_first_token',
  'generation',
  'actions',
  'store',
] as const;

describe('turn stage timings', () => {
  let h: ChatHarness;
  let mock: MockLlm;
  let modelTenant: string;
  let offlineTenant: string;

  beforeAll(async () => {
    mock = await startMockLlm();
    h = await startChatHarness({ llm: llmConfig({ openai: { apiKey: 'sk-test', baseUrl: mock.url } }) });
    modelTenant = (await createTenant(h.owner, { llm_provider: 'openai', llm_model: 'mock-chat' })).id;
    offlineTenant = (await createTenant(h.owner)).id;
    for (const tenant of [modelTenant, offlineTenant]) {
      const doc = await createKnowledgeDocument(h.owner, tenant, { title: 'Prices' });
      await createKnowledgeChunk(h.owner, doc, 'Our call-out fee is £65 on weekdays and £95 at weekends.');
    }
  });

  afterAll(async () => {
    await h.close();
    await mock.close();
  });

  /** Observation count of each stage, from the service's /metrics text. */
  const stageCounts = async (): Promise<Record<string, number>> => {
    const { body } = await h.app.get(ServiceMetrics).render();
    const counts: Record<string, number> = {};
    for (const m of body.matchAll(/^parley_chat_turn_stage_seconds_count\{[^}]*stage="([a-z_]+)"[^}]*\} (\d+)$/gm))
      counts[m[1]] = Number(m[2]);
    return counts;
  };

  const turn = async (tenantId: string) => {
    const { session } = await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId, channel: 'widget' });
    const request = turnRequest(tenantId, session.id, 'how much is the call-out fee at weekends?');
    const collector = await collectFrames(h.client, request.turnId);
    const response = await h.rpc.request(ChatTurnRpc, request);
    await collector.finished;
    collector.stop();
    return response;
  };

  it.each([
    ['the model over HTTP', () => modelTenant],
    ['the offline responder', () => offlineTenant],
  ])('observes each stage once for a streamed turn with %s', async (_name, tenantOf) => {
    const before = await stageCounts();
    const response = await turn(tenantOf());
    expect(response.content.length).toBeGreaterThan(0);
    const after = await stageCounts();
    const observed = Object.fromEntries(STAGES.map((stage) => [stage, (after[stage] ?? 0) - (before[stage] ?? 0)]));
    expect(observed).toEqual(Object.fromEntries(STAGES.map((stage) => [stage, 1])));
    expect((after.retrieval ?? 0) - (before.retrieval ?? 0)).toBe(0);
  });
});
