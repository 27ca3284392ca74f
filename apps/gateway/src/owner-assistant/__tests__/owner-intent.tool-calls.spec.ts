import { randomUUID } from 'node:crypto';
import {
  OwnerAssistantLoadRpc,
  OwnerAssistantSaveRpc,
  TenantGetRpc,
  TenantListRpc,
  type OwnerAssistantConversation,
  type OwnerAssistantOperation,
  type RpcContract,
  type Tenant,
} from '@parley/contracts';
import { startMockLlm, type MockChatRequest, type MockLlm, type MockToolCall } from '@parley/testing';
import { Registry } from 'prom-client';
import type { GatewayRpc } from '../../http/gateway-rpc.client';
import { OwnerAssistantService } from '../owner-assistant.service';
import { createOwnerIntentModel, OWNER_TOOLS, type OwnerIntentModel } from '../owner-intent.model';
import { parseOwnerMessage } from '../owner-intent.parser';
import type { OwnerOperationsExecutor } from '../owner-operations.executor';

// The owner model's tool calling over real HTTP: libs/testing's mock OpenAI-compatible server
// answers with OpenAI `tool_calls` (streamed), libs/llm's router binds the owner tools, and the
// call becomes an intent; anything unusable gives null, so the service uses the parser.

let mock: MockLlm;
let model: OwnerIntentModel;

beforeAll(async () => {
  mock = await startMockLlm({ apiKey: 'sk-test' });
  model = createOwnerIntentModel(
    { llm: { provider: 'openai', model: 'mock-chat' }, baseUrl: mock.url, apiKey: 'sk-test', timeoutMs: 10_000 },
    { logger: { warn: () => undefined }, metrics: { registry: new Registry() } },
  );
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

const calls = (...toolCalls: MockToolCall[]) => mock.enqueue({ type: 'tool_calls', toolCalls });
const sent = (index = 0) => mock.requests[index].body as MockChatRequest;

describe('the owner tools', () => {
  it('offers every operation of the choice schema as a tool, parameters from the zod schemas', () => {
    const operations =
      'create_tenant set_tone set_persona set_topics set_origins pause resume rotate_key delete tenant_details add_staff list_tenants explain_tenant advice usage portfolio alerts help';
    expect(OWNER_TOOLS.map((t) => t.name).sort()).toEqual(operations.split(' ').sort());
    const tool = (name: string) => OWNER_TOOLS.find((t) => t.name === name)!.parameters;
    expect(tool('set_tone')).toMatchObject({
      type: 'object',
      properties: { tenant: { type: 'string' }, tone: { enum: ['friendly', 'professional', 'formal', 'casual', 'concise'] } },
      required: ['tenant', 'tone'],
    });
    expect(tool('pause')).toMatchObject({ properties: { tenant: { type: 'string' } }, required: ['tenant'] });
    expect(tool('portfolio')).toEqual({ type: 'object', properties: {} });
    for (const { parameters } of OWNER_TOOLS) {
      expect(parameters).not.toHaveProperty('$schema');
      expect(parameters.properties).not.toHaveProperty('operation');
    }
  });
});

describe('the owner model (tool calls from the mock OpenAI-compatible server)', () => {
  it.each([
    [
      "Set up a new client called Bob's Plumbing for bobsplumbing.com",
      { name: 'create_tenant', arguments: { name: "Bob's Plumbing", domain: 'bobsplumbing.com' } },
    ],
    ["Update Bob's chatbot personality to be more formal", { name: 'set_tone', arguments: { tenant: 'Bob', tone: 'formal' } }],
    ["Pause Bob's account", { name: 'pause', arguments: { tenant: "Bob's" } }],
    ['Generate a new API key for Bob', { name: 'rotate_key', arguments: { tenant: 'Bob' } }],
    ['Show me all my clients', { name: 'list_tenants', arguments: {} }],
    ['How are my clients doing?', { name: 'portfolio', arguments: '' }],
  ])('reads the seed phrasing %j as the intent the parser gives', async (message, call) => {
    calls({ id: 'call_1', ...call });
    expect(await model.read(message, [])).toEqual(parseOwnerMessage(message));
    const body = sent();
    expect(body.tools).toHaveLength(OWNER_TOOLS.length);
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[1].content).toBe(`Latest owner message: ${message}`);
  });

  it('maps the arguments as the parser would (domain cut to its host, email lower-cased, no tenant named)', async () => {
    calls({ name: 'create_tenant', arguments: { name: 'Ferris Wheels', domain: 'https://Ferris.example/shop' } });
    expect(await model.read('sign up Ferris Wheels', [])).toEqual({
      kind: 'create_tenant',
      name: 'Ferris Wheels',
      domain: 'ferris.example',
      kindHint: null,
    });
    calls({ name: 'add_staff', arguments: { tenant: 'Bob', email: 'Jane@Bob.example', role: 'tenant_agent' } });
    expect(await model.read('give Jane@Bob.example agent access to Bob', [])).toEqual({
      kind: 'add_staff',
      tenant: 'Bob',
      email: 'jane@bob.example',
      role: 'tenant_agent',
    });
    calls({ name: 'advice', arguments: { tenant: null } });
    expect(await model.read('what should I change?', ['why is Bob amber?'])).toEqual({ kind: 'advice', tenant: null });
    expect(sent(2).messages[1].content).toBe('Earlier owner message: why is Bob amber?\nLatest owner message: what should I change?');
  });

  it('takes the same choice made twice as one', async () => {
    calls({ name: 'pause', arguments: { tenant: 'Bob' } }, { name: 'pause', arguments: { tenant: 'Bob' } });
    expect(await model.read('pause Bob', [])).toEqual({ kind: 'pause', tenant: 'Bob' });
  });

  it.each<[string, MockToolCall[]]>([
    ['a tone that does not exist', [{ name: 'set_tone', arguments: { tenant: 'Bob', tone: 'sarcastic' } }]],
    ['a pause without a tenant', [{ name: 'pause', arguments: {} }]],
    ['an email that is not one', [{ name: 'add_staff', arguments: { tenant: 'Bob', email: 'not an email', role: 'tenant_agent' } }]],
    ['arguments that are not JSON', [{ name: 'pause', arguments: '{"tenant": "Bo' }]],
    ['an operation that is not a tool', [{ name: 'drop_database', arguments: {} }]],
    ['a tool name from the prototype', [{ name: 'constructor', arguments: {} }]],
    [
      'two calls that disagree',
      [
        { name: 'pause', arguments: { tenant: 'Bob' } },
        { name: 'rotate_key', arguments: { tenant: 'Bob' } },
      ],
    ],
    [
      'a valid call next to an invalid one',
      [
        { name: 'pause', arguments: { tenant: 'Bob' } },
        { name: 'pause', arguments: { tenant: '' } },
      ],
    ],
  ])('gives null for %s (the parser answers instead)', async (_case, toolCalls) => {
    calls(...toolCalls);
    expect(await model.read('pause Bob', [])).toBeNull();
  });

  it('gives null for a text-only answer, even one that looks like the old JSON choice', async () => {
    mock.enqueue({ type: 'text', text: '{"operation":"pause","tenant":"Bob"}' });
    expect(await model.read('pause Bob', [])).toBeNull();
  });

  it('gives null when the model fails', async () => {
    mock.enqueue({ type: 'error', status: 500, message: 'model down' });
    expect(await model.read('pause Bob', [])).toBeNull();
  });
});

describe('the owner assistant with the model', () => {
  const ownerId = randomUUID();
  const bob: Tenant = {
    id: randomUUID(),
    slug: 'bobs-plumbing',
    displayName: "Bob's Plumbing",
    kind: 'plumber',
    status: 'active',
    timezone: 'UTC',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deactivatedAt: null,
  };
  const conversations = new Map<string, OwnerAssistantConversation>();
  const performed: OwnerAssistantOperation[] = [];

  // The RPCs the service makes for a proposal and its confirmation, answered in memory.
  const rpc = {
    call: (contract: RpcContract, payload: Record<string, unknown>): Promise<unknown> => {
      if (contract.subject === TenantListRpc.subject) return Promise.resolve({ version: 1, items: [bob], nextCursor: null });
      // A pause's proposal reads only the tenant's name and status.
      if (contract.subject === TenantGetRpc.subject) return Promise.resolve({ version: 1, tenant: bob });
      if (contract.subject === OwnerAssistantLoadRpc.subject)
        return Promise.resolve({ version: 1, conversation: conversations.get(payload.conversationId as string) ?? null });
      if (contract.subject === OwnerAssistantSaveRpc.subject) {
        const id = payload.conversationId as string;
        const now = new Date().toISOString();
        const conversation = {
          id,
          ownerId,
          revision: (payload.expectedRevision as number) + 1,
          state: payload.state as OwnerAssistantConversation['state'],
          createdAt: now,
          updatedAt: now,
        };
        conversations.set(id, conversation);
        return Promise.resolve({ version: 1, conversation });
      }
      return Promise.reject(new Error(`unexpected RPC ${contract.subject}`));
    },
  } as unknown as GatewayRpc;
  const executor = {
    perform: (_owner: string, op: OwnerAssistantOperation) => {
      performed.push(op);
      return Promise.resolve({ text: `Paused ${bob.displayName}.`, result: { tenant_id: bob.id }, secrets: [] });
    },
  } as unknown as OwnerOperationsExecutor;

  it("proposes the model's pause without performing it; the owner's yes performs it and never reaches the model", async () => {
    const service = new OwnerAssistantService(rpc, executor, model);
    calls({ name: 'pause', arguments: { tenant: 'bobs plumbing' } });
    const proposed = await service.ask({ ownerId, message: 'Bob has not paid: put bobs plumbing on ice' });
    expect(proposed.operations).toEqual([expect.objectContaining({ kind: 'pause', status: 'proposed', tenant_id: bob.id })]);
    expect(proposed.pendingProposal).not.toBeNull();
    expect(performed).toEqual([]);
    expect(mock.requests).toHaveLength(1);

    const done = await service.ask({ ownerId, message: 'yes', conversationId: proposed.conversationId });
    expect(done.operations).toEqual([expect.objectContaining({ kind: 'pause', status: 'performed', tenant_id: bob.id })]);
    expect(performed).toEqual([expect.objectContaining({ kind: 'pause', tenantId: bob.id })]);
    expect(mock.requests).toHaveLength(1);
  });

  it('falls back to the parser when the model answers in text', async () => {
    const service = new OwnerAssistantService(rpc, executor, model);
    mock.enqueue({ type: 'text', text: 'Sure, I paused Bob.' });
    const answer = await service.ask({ ownerId, message: "Pause Bob's account" });
    expect(answer.operations).toEqual([expect.objectContaining({ kind: 'pause', status: 'proposed', tenant_id: bob.id })]);
    expect(mock.requests).toHaveLength(1);
  });
});
