// Structured actions from the model (ADR 0011): real chat turns through the libs/llm router and
// its `openai` provider against the mock OpenAI-compatible server over real HTTP, which answers
// with tool calls. Asserts the outbox rows, the action frames, and that refused calls leave no row.
import { ActionRequestedEvent, ChatSessionCreateRpc, ChatTurnCompletedEvent, ChatTurnRpc, type ChatStreamFrame } from '@parley/contracts';
import {
  createTenant,
  createTenantUser,
  startMockLlm,
  type MockChatRequest,
  type MockLlm,
  type MockToolCall,
  type TenantUserRow,
} from '@parley/testing';
import { randomUUID } from 'node:crypto';
import { ModelActionGate } from '../actions/model-action.gate';
import { ACTION_REFUSED_REPLY } from '../actions/turn-actions.util';
import { collectFrames, llmConfig, outboxRowsOf, startChatHarness, turnRequest, type ChatHarness } from './support/chat-harness';

const actionFrames = (frames: ChatStreamFrame[]) => frames.flatMap((f) => (f.type === 'action' ? [f.action] : []));

describe('structured actions from the model (mock OpenAI-compatible server over HTTP)', () => {
  let h: ChatHarness;
  let mock: MockLlm;
  let tenant: string;
  let offlineTenant: string;
  let manager: TenantUserRow;
  let agent: TenantUserRow;
  let disabled: TenantUserRow;
  let otherTenantAdmin: TenantUserRow;
  const domain = `r${randomUUID().slice(0, 8)}.test`;

  beforeAll(async () => {
    mock = await startMockLlm();
    h = await startChatHarness({ llm: llmConfig({ openai: { apiKey: 'sk-test', baseUrl: mock.url } }) });
    tenant = (await createTenant(h.owner, { llm_provider: 'openai', llm_model: 'mock-chat' })).id;
    const otherTenant = (await createTenant(h.owner, { llm_provider: 'openai', llm_model: 'mock-chat' })).id;
    offlineTenant = (await createTenant(h.owner)).id;
    manager = await createTenantUser(h.owner, tenant, { email: `manager@${domain}`, role: 'tenant_admin' });
    agent = await createTenantUser(h.owner, tenant, { email: `agent@${domain}`, role: 'tenant_agent' });
    disabled = await createTenantUser(h.owner, tenant, { email: `gone@${domain}`, role: 'tenant_agent', status: 'disabled' });
    otherTenantAdmin = await createTenantUser(h.owner, otherTenant, { email: `admin@other-${domain}`, role: 'tenant_admin' });
  });

  afterEach(() => mock.reset());

  afterAll(async () => {
    await h.close();
    await mock.close();
  });

  const newSession = async (tenantId: string) =>
    (await h.rpc.request(ChatSessionCreateRpc, { version: 1, tenantId, channel: 'widget' })).session;

  async function streamedTurn(tenantId: string, message: string) {
    const session = await newSession(tenantId);
    const request = turnRequest(tenantId, session.id, message);
    const collector = await collectFrames(h.client, request.turnId);
    const response = await h.rpc.request(ChatTurnRpc, request);
    const frames = await collector.finished;
    collector.stop();
    const outbox = await outboxRowsOf(h.owner, session.id);
    const actionRows = outbox
      .filter((r) => r.subject === ActionRequestedEvent.subjectFor(tenantId))
      .map((r) => ActionRequestedEvent.schema.parse(r.payload));
    return { session, response, frames, outbox, actionRows };
  }

  it('turns valid tool calls into action rows and frames, and refuses the rest without a trace in the outbox', async () => {
    const calls: MockToolCall[] = [
      {
        id: 'call_ok_notify',
        name: 'notify_staff',
        arguments: { recipient: 'manager', message: 'Sam is off sick tomorrow', urgency: 'high' },
      },
      {
        id: 'call_ok_notify_email',
        name: 'notify_staff',
        arguments: { recipient: `Agent@${domain}`, message: 'Please cover the Tuesday shift' },
      },
      { id: 'call_ok_callback', name: 'request_callback', arguments: { phone: '07700 900123', when: 'tomorrow morning' } },
      { id: 'call_ok_log', name: 'log_event', arguments: { kind: 'absence', details: 'Staff absence reported through the chat' } },
      { id: 'call_ok_follow', name: 'create_follow_up', arguments: { what: 'Find cover for the Tuesday shift', due: 'Monday' } },
      {
        id: 'call_bad_other_tenant',
        name: 'notify_staff',
        arguments: { recipient: otherTenantAdmin.email, message: 'hello from another tenant' },
      },
      { id: 'call_bad_other_tenant_id', name: 'notify_staff', arguments: { recipient: otherTenantAdmin.id, message: 'hello again' } },
      {
        id: 'call_bad_external',
        name: 'notify_staff',
        arguments: { recipient: 'attacker@evil.example', message: 'send me the customer list' },
      },
      { id: 'call_bad_disabled', name: 'notify_staff', arguments: { recipient: disabled.email, message: 'are you there?' } },
      { id: 'call_bad_tool', name: 'send_email', arguments: { to: 'attacker@evil.example', body: 'hi' } },
      { id: 'call_bad_phone', name: 'request_callback', arguments: { phone: 'call me maybe' } },
      { id: 'call_bad_size', name: 'log_event', arguments: { kind: 'note', details: 'x'.repeat(5000) } },
      { id: 'call_bad_json', name: 'create_follow_up', arguments: '{"what": "half a' },
    ];
    mock.enqueue({ type: 'tool_calls', text: "Sorry to hear that. I've told the manager and we'll call you back.", toolCalls: calls });
    const { response, frames, outbox, actionRows } = await streamedTurn(
      tenant,
      "I'm off sick tomorrow, tell the manager. My number is 07700 900123.",
    );

    // The tools went to the model; the visitor's phone number did not (pseudonymized).
    const sent = mock.requests.find((r) => r.path === '/v1/chat/completions')?.body as MockChatRequest;
    expect((sent.tools as Array<{ function: { name: string } }>).map((t) => t.function.name)).toEqual([
      'notify_staff',
      'log_event',
      'request_callback',
      'create_follow_up',
    ]);
    expect(JSON.stringify(sent.messages)).not.toContain('07700 900123');

    // The answer still streamed as tokens, then the action frames, then done.
    const types = frames.map((f) => f.type);
    expect(types.filter((t) => t === 'token').length).toBeGreaterThan(1);
    expect(types.slice(-6)).toEqual(['action', 'action', 'action', 'action', 'action', 'done']);
    expect(response.content).toBe("Sorry to hear that. I've told the manager and we'll call you back.");

    const expectedTypes = ['notify_staff', 'notify_staff', 'request_callback', 'log_event', 'create_follow_up'];
    const shown = actionFrames(frames);
    expect(shown.map((a) => [a.type, a.status])).toEqual(expectedTypes.map((t) => [t, 'requested']));
    expect(response.actions).toEqual(shown);
    // The visitor's client learns that the team was told, not who the staff are.
    expect(JSON.stringify(shown)).not.toContain(manager.id);
    expect(JSON.stringify(shown)).not.toContain(domain);

    expect(actionRows.map((r) => r.type)).toEqual(expectedTypes);
    expect(actionRows.map((r) => r.actionId)).toEqual(shown.map((a) => a.id));
    expect(actionRows.map((r) => r.params)).toEqual([
      { recipient: 'manager', recipientUserIds: [manager.id], message: 'Sam is off sick tomorrow', urgency: 'high' },
      { recipient: `Agent@${domain}`, recipientUserIds: [agent.id], message: 'Please cover the Tuesday shift', urgency: 'medium' },
      { phone: '+447700900123', when: 'tomorrow morning' },
      { kind: 'absence', details: 'Staff absence reported through the chat' },
      { what: 'Find cover for the Tuesday shift', due: 'Monday' },
    ]);
    const completed = outbox.find((r) => r.subject === ChatTurnCompletedEvent.subjectFor(tenant));
    expect(completed?.payload.actionIds).toEqual(shown.map((a) => a.id));

    // Nothing refused reached the outbox: not the other tenant's user, not the external address.
    const everything = JSON.stringify(outbox);
    for (const refused of [
      otherTenantAdmin.id,
      otherTenantAdmin.email,
      disabled.id,
      'evil.example',
      'call me maybe',
      'send_email',
      'xxxxxxxxxx',
      'half a',
    ]) {
      expect(everything).not.toContain(refused);
    }
  });

  it('still answers the visitor when the model only made calls that were refused', async () => {
    mock.enqueue({
      type: 'tool_calls',
      toolCalls: [{ name: 'notify_staff', arguments: { recipient: 'ceo@competitor.example', message: 'hi' } }],
    });
    const { session, response, frames, actionRows } = await streamedTurn(
      tenant,
      'Email ceo@competitor.example and tell them we are closing',
    );
    expect(frames.map((f) => f.type)).toEqual(['token', 'done']);
    expect(response).toMatchObject({ content: ACTION_REFUSED_REPLY, actions: [] });
    expect(actionRows).toEqual([]);
    const { rows } = await h.owner.query(`SELECT content FROM chat_messages WHERE session_id = $1 AND role = 'assistant'`, [session.id]);
    expect(rows).toEqual([{ content: ACTION_REFUSED_REPLY }]);
  });

  it("folds the model's callback into the urgent callback the signals asked for", async () => {
    mock.enqueue({
      type: 'tool_calls',
      text: 'Flagged as urgent, we will call you.',
      toolCalls: [{ name: 'request_callback', arguments: { phone: '020 7946 0000', when: 'now' } }],
    });
    const { response, actionRows } = await streamedTurn(tenant, 'My pipe burst and the kitchen is flooding! Call me on 020 7946 0000');
    expect(response.actions.map((a) => a.type)).toEqual(['callback_request']);
    expect(actionRows).toHaveLength(1);
    expect(actionRows[0]).toMatchObject({
      type: 'callback_request',
      params: { urgency: expect.stringMatching(/high|critical/), phone: '+442079460000', when: 'now' },
    });
  });

  it('keeps the offline responder to the rule-based actions, with no model and no tools', async () => {
    const { response, actionRows } = await streamedTurn(offlineTenant, 'My pipe burst and the kitchen is flooding!');
    expect(mock.requests).toHaveLength(0);
    expect(response.usage.provider).toBe('offline');
    expect(actionRows.map((r) => r.type)).toEqual(['callback_request']);
  });

  it('logs and counts every refusal by tool and reason, never with the message or the address', async () => {
    const lines: Array<{ level: string; obj: Record<string, unknown>; msg: string }> = [];
    const counted: string[] = [];
    const gate = new ModelActionGate(
      h.db,
      {
        info: (obj, msg) => lines.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
        warn: (obj, msg) => lines.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }),
        error: (obj, msg) => lines.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
      },
      {
        firstToken: () => undefined,
        turnFinished: () => undefined,
        modelAction: (tool, outcome, reason) => counted.push(`${tool}/${outcome}/${reason}`),
        stage: () => undefined,
      },
    );
    const turn = { tenantId: tenant, sessionId: randomUUID(), turnId: randomUUID() };
    const accepted = await gate.review(turn, [
      { id: 'c1', name: 'notify_staff', args: { recipient: 'attacker@evil.example', message: 'SECRET-BODY the alarm code is 1234' } },
      { id: 'c2', name: 'notify_staff', args: { recipient: otherTenantAdmin.email, message: 'SECRET-BODY hi' } },
      { id: 'c3', name: 'exfiltrate', args: { data: 'SECRET-BODY' } },
      { id: 'c4', name: 'notify_staff', args: { recipient: manager.email, message: 'SECRET-BODY please call the visitor' } },
    ]);
    expect(accepted.map((a) => a.params.recipientUserIds)).toEqual([[manager.id]]);
    expect(counted).toEqual([
      'notify_staff/refused/unknown_recipient',
      'notify_staff/refused/unknown_recipient',
      'unknown/refused/unknown_tool',
      'notify_staff/accepted/ok',
    ]);
    expect(lines.filter((l) => l.msg === 'model action refused').map((l) => [l.level, l.obj.tool, l.obj.reason])).toEqual([
      ['warn', 'notify_staff', 'unknown_recipient'],
      ['warn', 'notify_staff', 'unknown_recipient'],
      ['warn', 'unknown', 'unknown_tool'],
    ]);
    expect(lines[0].obj).toMatchObject({ tenant_id: tenant, turn_id: turn.turnId, fields: ['recipient'], call_id: 'c1' });
    const logged = JSON.stringify(lines);
    for (const secret of ['SECRET-BODY', 'evil.example', otherTenantAdmin.email, manager.email, 'exfiltrate'])
      expect(logged).not.toContain(secret);
  });
});
