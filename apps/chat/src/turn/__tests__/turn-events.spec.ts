import {
  ActionRequestedEvent,
  ChatTurnCompletedEvent,
  DEFAULT_TENANT_CONFIG,
  NotifyRequestedEvent,
  type TenantConfig,
} from '@parley/contracts';
import type { SignalFinding } from '@parley/signals';
import { signalsSummary, turnActions, turnOutbox, type TurnEventFacts } from '../turn-events.util';
import { planTurn } from '../turn-plan.util';

const TENANT = '7d8c5a6e-1f2b-4c3d-9e4f-5a6b7c8d9e0f';
const SESSION = '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';

const finding = (type: SignalFinding['type'], subtype: string, severity: SignalFinding['severity']): SignalFinding => ({
  type,
  subtype,
  severity,
  confidence: 0.9,
  evidence: { start: 0, end: 9, text: 'smell gas' },
});

function facts(findings: SignalFinding[], config: TenantConfig = DEFAULT_TENANT_CONFIG): TurnEventFacts {
  const plan = planTurn(findings, config);
  return {
    tenantId: TENANT,
    sessionId: SESSION,
    turnId: '2b3c4d5e-6f7a-4b2c-9d3e-4f5a6b7c8d9e',
    contactId: null,
    userMessageId: '3c4d5e6f-7a8b-4c3d-8e4f-5a6b7c8d9e0f',
    assistantMessageId: '4d5e6f7a-8b9c-4d4e-9f5a-6b7c8d9e0f1a',
    userText: 'I smell gas',
    assistantText: 'Leave the building.',
    findings,
    plan,
    actions: turnActions(plan),
    usage: { inputTokens: 10, outputTokens: 4, provider: 'offline', model: 'retrieval', latencyMs: 3 },
    config,
    occurredAt: new Date('2026-01-01T10:00:00Z'),
  };
}

const notifications = (rows: ReturnType<typeof turnOutbox>) =>
  rows
    .filter((r) => r.subject === NotifyRequestedEvent.subjectFor(TENANT))
    .map((r) => {
      const p = r.payload as { audience: string; category: string; body: string };
      return [p.audience, p.category, p.body];
    });

describe('turnOutbox', () => {
  it('always writes turn_completed, and nothing else for a plain message', () => {
    const rows = turnOutbox(facts([]));
    expect(rows.map((r) => r.subject)).toEqual([ChatTurnCompletedEvent.subjectFor(TENANT)]);
  });

  it('notifies the tenant and the owner for safety; the owner gets no message text', () => {
    const rows = notifications(turnOutbox(facts([finding('safety', 'gas_danger', 'high')])));
    expect(rows.map(([audience, category]) => [audience, category])).toEqual([
      ['tenant', 'alert'],
      ['owner', 'alert'],
    ]);
    expect(rows[0][2]).toContain('smell gas');
    expect(rows[1][2]).not.toContain('smell gas');
  });

  it('tells urgency through a callback action (high and critical), never a second notification', () => {
    for (const [subtype, level] of [
      ['gas_smell', 'critical'],
      ['locked_out', 'high'],
    ] as const) {
      const rows = turnOutbox(facts([finding('urgency', subtype, level)]));
      expect(notifications(rows)).toEqual([]);
      const actions = rows
        .filter((r) => r.subject === ActionRequestedEvent.subjectFor(TENANT))
        .map((r) => r.payload as { type: string; params: { urgency: string; evidence: string } });
      expect(actions.map((a) => [a.type, a.params.urgency])).toEqual([['callback_request', level]]);
      expect(actions[0].params.evidence.length).toBeGreaterThan(0);
    }
  });

  it('gives every notification its routing kind', () => {
    const on = { ...DEFAULT_TENANT_CONFIG, escalation: { handoffEnabled: false, handoffMessage: null, notifyOnEscalation: true } };
    const rows = turnOutbox(facts([finding('safety', 'gas_danger', 'high'), finding('escalation', 'human_request', 'medium')], on));
    const kinds = rows
      .filter((r) => r.subject === NotifyRequestedEvent.subjectFor(TENANT))
      .map((r) => (r.payload as { kind: string }).kind);
    expect(kinds).toEqual(['safety', 'safety', 'handoff']);
  });

  it('notifies on escalation only when the tenant asked for it', () => {
    const on = { ...DEFAULT_TENANT_CONFIG, escalation: { handoffEnabled: false, handoffMessage: null, notifyOnEscalation: true } };
    const off = { ...DEFAULT_TENANT_CONFIG, escalation: { handoffEnabled: false, handoffMessage: null, notifyOnEscalation: false } };
    expect(notifications(turnOutbox(facts([finding('escalation', 'human_request', 'medium')], on))).map(([, c]) => c)).toEqual([
      'escalation',
    ]);
    expect(notifications(turnOutbox(facts([finding('escalation', 'human_request', 'medium')], off)))).toEqual([]);
  });
});

describe('signalsSummary', () => {
  it('summarises urgency, sentiment and flags', () => {
    const findings = [
      finding('urgency', 'flooding', 'critical'),
      finding('safety', 'fire', 'critical'),
      finding('frustration', 'frustration', 'low'),
    ];
    expect(signalsSummary(findings, planTurn(findings, DEFAULT_TENANT_CONFIG))).toEqual({
      urgency: 'critical',
      sentiment: 'negative',
      sentimentScore: -0.6,
      intents: [],
      flags: ['safety', 'urgent'],
      entityCount: 0,
    });
  });
});
