// The outbox rows of a completed turn: turn_completed always; notify.requested for any safety
// finding (tenant and owner) and escalation when the tenant asked to hear about it;
// action.requested for every action the turn triggered (rule-based, and the model's accepted tool
// calls: see apps/chat/src/actions and ADR 0011). Urgency is told through its action:
// the notifier executes a callback_request (high or critical) as an urgent_callback notification.
import {
  ActionRequestedEvent,
  ChatTurnCompletedEvent,
  NotifyRequestedEvent,
  type Action,
  type ConversationAudience,
  type NotifyRequested,
  type SignalsSummary,
  type TenantConfig,
  type Usage,
} from '@parley/contracts';
import { toOutboxMessage } from '@parley/messaging';
import type { OutboxMessageInput } from '@parley/persistence';
import type { SignalFinding } from '@parley/signals';
import { randomUUID } from 'node:crypto';
import type { TurnPlan } from './turn-plan.util';

export interface TurnEventFacts {
  tenantId: string;
  sessionId: string;
  turnId: string;
  contactId: string | null;
  userMessageId: string;
  assistantMessageId: string;
  userText: string;
  assistantText: string;
  findings: readonly SignalFinding[];
  plan: TurnPlan;
  actions: readonly Action[];
  /** ActionRequested.params by action id when richer than what the client sees (model actions). */
  actionParams?: ReadonlyMap<string, Record<string, unknown>>;
  usage: Usage;
  config: TenantConfig;
  occurredAt: Date;
  /** `staff` for a staff assistant turn (the CRM skips it); absent for visitors. */
  audience?: ConversationAudience;
}

const MAX_EVENT_TEXT = 32_000;

export function signalsSummary(findings: readonly SignalFinding[], plan: TurnPlan): SignalsSummary {
  const frustrated = findings.some((f) => f.type === 'frustration');
  const flags: SignalsSummary['flags'] = [];
  if (plan.safetyFindings.length > 0) flags.push('safety');
  if (plan.escalation) flags.push('escalation');
  if (plan.urgency === 'high' || plan.urgency === 'critical') flags.push('urgent');
  return {
    urgency: plan.urgency ?? 'none',
    sentiment: frustrated ? 'negative' : 'neutral',
    sentimentScore: frustrated ? -0.6 : 0,
    intents: [],
    flags,
    entityCount: 0,
  };
}

function notification(
  facts: TurnEventFacts,
  fields: Pick<NotifyRequested, 'audience' | 'category' | 'kind' | 'severity' | 'title' | 'body'>,
): OutboxMessageInput {
  return toOutboxMessage(
    NotifyRequestedEvent,
    {
      version: 1,
      tenantId: facts.tenantId,
      notificationId: randomUUID(),
      ...fields,
      link: `/sessions/${facts.sessionId}`,
      channels: [],
      occurredAt: facts.occurredAt.toISOString(),
    },
    facts.tenantId,
  );
}

function notifications(facts: TurnEventFacts): OutboxMessageInput[] {
  const out: OutboxMessageInput[] = [];
  const { plan } = facts;
  const safety = plan.safetyFindings[0];
  if (safety) {
    const labels = [...new Set(plan.safetyFindings.map((f) => f.subtype))].join(', ');
    // The tenant sees the words that raised the flag; the owner only what kind of flag it was.
    out.push(
      notification(facts, {
        audience: 'tenant',
        category: 'alert',
        kind: 'safety',
        severity: 'critical',
        title: `Safety concern in a chat: ${labels}`.slice(0, 200),
        body: `A visitor wrote: "${safety.evidence.text}". Please review the conversation now.`.slice(0, 4000),
      }),
    );
    out.push(
      notification(facts, {
        audience: 'owner',
        category: 'alert',
        kind: 'safety',
        severity: 'critical',
        title: `Safety finding (${labels})`.slice(0, 200),
        body: `A chat of tenant ${facts.tenantId} raised a safety finding: ${labels}.`,
      }),
    );
  }
  if (plan.escalation && facts.config.escalation.notifyOnEscalation) {
    const title = plan.handoff ? 'A visitor is waiting for a person' : 'A visitor asked for a person';
    out.push(
      notification(facts, {
        audience: 'tenant',
        category: 'escalation',
        kind: 'handoff',
        severity: 'warning',
        title,
        body: plan.handoff ? 'The bot handed the chat over; reply in the session.' : 'The bot offered to put them in touch with your team.',
      }),
    );
  }
  return out;
}

export function turnOutbox(facts: TurnEventFacts): OutboxMessageInput[] {
  const completed = toOutboxMessage(
    ChatTurnCompletedEvent,
    {
      version: 1,
      tenantId: facts.tenantId,
      sessionId: facts.sessionId,
      turnId: facts.turnId,
      userMessageId: facts.userMessageId,
      assistantMessageId: facts.assistantMessageId,
      contactId: facts.contactId,
      userText: facts.userText.slice(0, MAX_EVENT_TEXT),
      assistantText: facts.assistantText.slice(0, MAX_EVENT_TEXT),
      signals: signalsSummary(facts.findings, facts.plan),
      actionIds: facts.actions.map((a) => a.id).slice(0, 20),
      usage: facts.usage,
      occurredAt: facts.occurredAt.toISOString(),
      ...(facts.audience ? { audience: facts.audience } : {}),
    },
    facts.tenantId,
  );
  const actions = facts.actions.map((action) =>
    toOutboxMessage(
      ActionRequestedEvent,
      {
        version: 1,
        tenantId: facts.tenantId,
        actionId: action.id,
        sessionId: facts.sessionId,
        turnId: facts.turnId,
        contactId: facts.contactId,
        type: action.type,
        label: action.label ?? action.type,
        params: facts.actionParams?.get(action.id) ?? action.params ?? {},
        occurredAt: facts.occurredAt.toISOString(),
      },
      facts.tenantId,
    ),
  );
  return [completed, ...notifications(facts), ...actions];
}

/** The actions a turn triggers: an urgent callback request, a human handoff. */
export function turnActions(plan: TurnPlan): Action[] {
  const actions: Action[] = [];
  if (plan.urgencyFinding && (plan.urgency === 'critical' || plan.urgency === 'high')) {
    actions.push({
      id: randomUUID(),
      type: 'callback_request',
      status: 'requested',
      label: `Urgent callback: ${plan.urgencyFinding.subtype.replace(/_/g, ' ')}`,
      params: { urgency: plan.urgency, reason: plan.urgencyFinding.subtype, evidence: plan.urgencyFinding.evidence.text.slice(0, 500) },
    });
  }
  if (plan.handoff) {
    actions.push({ id: randomUUID(), type: 'human_handoff', status: 'requested', label: 'The visitor asked for a person', params: {} });
  }
  return actions;
}
