import { DEFAULT_TENANT_CONFIG, type TenantConfig } from '@parley/contracts';
import type { SignalFinding } from '@parley/signals';
import { turnActions } from '../turn-events.util';
import { planTurn } from '../turn-plan.util';

const finding = (type: SignalFinding['type'], subtype: string, severity: SignalFinding['severity']): SignalFinding => ({
  type,
  subtype,
  severity,
  confidence: 0.9,
  evidence: { start: 0, end: 4, text: 'text' },
});

const config = (overrides: Partial<TenantConfig> = {}): TenantConfig => ({
  ...DEFAULT_TENANT_CONFIG,
  emergencyText: 'Call 999.',
  ...overrides,
});
const withHandoff = config({ escalation: { handoffEnabled: true, handoffMessage: 'Sam will reply.', notifyOnEscalation: true } });

describe('planTurn', () => {
  it.each([
    ['no findings', [], config(), []],
    ['critical urgency', [finding('urgency', 'flooding', 'critical')], config(), [{ kind: 'urgent_callback', reason: 'flooding' }]],
    ['high urgency', [finding('urgency', 'locked_out', 'high')], config(), [{ kind: 'urgent_callback', reason: 'locked_out' }]],
    ['medium urgency only', [finding('urgency', 'explicit_urgency', 'medium')], config(), []],
    [
      'safety with the tenant text',
      [finding('safety', 'gas_danger', 'high')],
      config(),
      [{ kind: 'safety', category: 'gas_danger', emergencyText: 'Call 999.' }],
    ],
    [
      'safety without tenant text',
      [finding('safety', 'fire', 'critical')],
      config({ emergencyText: null }),
      [{ kind: 'safety', category: 'fire', emergencyText: null }],
    ],
    ['escalation, handoff off', [finding('escalation', 'human_request', 'medium')], config(), [{ kind: 'offer_human' }]],
    [
      'escalation, handoff on',
      [finding('escalation', 'human_request', 'medium')],
      withHandoff,
      [{ kind: 'handoff', message: 'Sam will reply.' }],
    ],
    ['frustration', [finding('frustration', 'frustration', 'low')], config(), [{ kind: 'acknowledge_frustration' }]],
  ])('%s', (_name, findings, tenantConfig, directives) => {
    expect(planTurn(findings, tenantConfig).directives).toEqual(directives);
  });

  it('keeps the most severe safety and urgency findings and flags escalation and handoff', () => {
    const plan = planTurn(
      [
        finding('urgency', 'locked_out', 'high'),
        finding('urgency', 'gas_smell', 'critical'),
        finding('safety', 'gas_danger', 'high'),
        finding('safety', 'fire', 'critical'),
        finding('escalation', 'refuses_bot', 'medium'),
      ],
      withHandoff,
    );
    expect(plan).toMatchObject({ urgency: 'critical', escalation: true, handoff: true });
    expect(plan.urgencyFinding?.subtype).toBe('gas_smell');
    expect(plan.directives[0]).toEqual({ kind: 'safety', category: 'fire', emergencyText: 'Call 999.' });
    expect(plan.safetyFindings).toHaveLength(2);
  });
});

describe('turnActions', () => {
  it('requests a callback for high or critical urgency and a handoff when handing over', () => {
    const plan = planTurn([finding('urgency', 'flooding', 'critical'), finding('escalation', 'human_request', 'medium')], withHandoff);
    expect(turnActions(plan).map((a) => [a.type, a.status])).toEqual([
      ['callback_request', 'requested'],
      ['human_handoff', 'requested'],
    ]);
  });

  it('triggers nothing for low urgency or an offer of a person', () => {
    expect(turnActions(planTurn([finding('urgency', 'x', 'low'), finding('escalation', 'human_request', 'medium')], config()))).toEqual([]);
  });
});
