import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  OwnerAssistantLoadRpc,
  OwnerAssistantSaveRpc,
  OwnerInsightsGetRpc,
  TenantCreateRpc,
  TenantGetRpc,
  TenantListRpc,
  UsageOwnerGetRpc,
  type OwnerAssistantOperation,
  type OwnerAssistantState,
  type Tenant,
} from '@parley/contracts';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { ProblemException } from '../http/problem.exception';
import { OwnerOperationsExecutor } from './owner-operations.executor';
import type { OwnerIntentModel } from './owner-intent.model';
import type { OwnerIntent } from './owner-intent.types';
import { parseOwnerMessage } from './owner-intent.parser';
import {
  SILENT_SINK,
  type OperationView,
  type OwnerAssistantAnswer,
  type OwnerAssistantRequest,
  type OwnerAssistantSink,
} from './owner-assistant.types';
import { adviseOn, alertLine, explainTenant, quoted, summarizePortfolio } from './portfolio-summary.util';
import { tenantDetailsText, tenantListText, usageText } from './owner-reads.util';
import { matchTenant } from './tenant-name.matcher';
import { describeProposal, proposalFor, type ProposalInput } from './owner-proposals.util';

/** The owner's model (OwnerIntentModel), or null: no model, the deterministic parser reads every message. */
export const OWNER_INTENT_MODEL = Symbol('OWNER_INTENT_MODEL');

/** A proposal older than this is not confirmed by "yes": the owner asks again. */
const PROPOSAL_TTL_MS = 10 * 60_000;
const MAX_MESSAGES = 40;
const HELP =
  'I can: set up a client ("Set up a new client called Bob\'s Plumbing for bobsplumbing.com"), change its tone, persona, topics or allowed origins, ' +
  'pause or resume it, issue a new API key, add a staff user, list or look up clients, and tell you how your clients are doing, why one is red or amber, ' +
  'what to change, the open alerts and usage. Changes wait for your "yes".';

interface Turn {
  state: OwnerAssistantState;
  text: string[];
  operations: OperationView[];
  secrets: string[];
}

/**
 * The owner assistant's core (docs/adr/0026-owner-assistant.md): one message of one owner in
 * one conversation -> an answer streamed to `sink`, with the operations performed or proposed.
 * Every interface (the HTTP route, later Slack and Discord) calls `ask`. Changes are proposed
 * first and performed only when the next message of the same conversation confirms that
 * proposal; a save against a stale revision fails, so a proposal is performed at most once.
 */
@Injectable()
export class OwnerAssistantService {
  constructor(
    @Inject(GatewayRpc) private readonly rpc: GatewayRpc,
    @Inject(OwnerOperationsExecutor) private readonly executor: OwnerOperationsExecutor,
    @Inject(OWNER_INTENT_MODEL) private readonly model: OwnerIntentModel | null,
  ) {}

  async ask(request: OwnerAssistantRequest, sink: OwnerAssistantSink = SILENT_SINK): Promise<OwnerAssistantAnswer> {
    const { conversationId, revision, state } = await this.load(request);
    const turn: Turn = { state: { ...state, messages: [...state.messages] }, text: [], operations: [], secrets: [] };
    const intent = await this.read(request.message, state);
    const pending = state.pending;
    let savedRevision = revision;

    if (pending && intent.kind === 'confirm') {
      turn.state.pending = null;
      const expired = Date.now() - Date.parse(state.messages.at(-1)?.at ?? '1970-01-01T00:00:00Z') > PROPOSAL_TTL_MS;
      if (expired) {
        this.say(turn, sink, 'That proposal has expired; ask again and I will propose it afresh.');
      } else {
        // Claim the proposal before performing it: a second "yes" (another replica, a retry) finds it gone.
        savedRevision = (await this.save(request.ownerId, conversationId, revision, this.withMessage(turn.state, 'owner', request.message)))
          .revision;
        turn.state.messages = this.withMessage(turn.state, 'owner', request.message).messages;
        await this.perform(request.ownerId, pending, turn, sink);
        return this.finish(request, conversationId, savedRevision, turn, true);
      }
    } else if (pending) {
      turn.state.pending = null;
      this.operation(turn, sink, {
        kind: pending.operation.kind,
        status: 'cancelled',
        tenant_id: pending.operation.tenantId,
        summary: pending.summary,
        proposal_id: pending.id,
      });
      if (intent.kind === 'cancel' || intent.kind === 'help') {
        this.say(turn, sink, 'Cancelled: nothing was changed.');
        return this.finish(request, conversationId, savedRevision, turn);
      }
      this.say(turn, sink, 'I cancelled the previous proposal (it needed a plain "yes").');
    } else if (intent.kind === 'confirm') {
      this.say(turn, sink, 'There is nothing waiting for confirmation.');
      return this.finish(request, conversationId, savedRevision, turn);
    } else if (intent.kind === 'cancel') {
      this.say(turn, sink, 'Nothing to cancel.');
      return this.finish(request, conversationId, savedRevision, turn);
    }

    const clarification = state.clarification;
    turn.state.clarification = null;
    if (clarification && intent.kind === 'help') {
      const pick = this.pickCandidate(request.message, clarification.candidates) ?? (await this.exactTenant(request.message));
      if (pick) {
        await this.handleResolved(request.ownerId, clarification.request, pick, turn, sink);
        return this.finish(request, conversationId, savedRevision, turn);
      }
    }
    await this.handle(request.ownerId, intent, turn, sink);
    return this.finish(request, conversationId, savedRevision, turn);
  }

  /**
   * The parser decides confirmations and cancellations (never the model); the model, when there
   * is one, reads everything else, and the parser is the fallback when it fails.
   */
  private async read(message: string, state: OwnerAssistantState): Promise<OwnerIntent> {
    const parsed = parseOwnerMessage(message);
    if (!this.model || parsed.kind === 'confirm' || parsed.kind === 'cancel') return parsed;
    const earlier = state.messages.filter((m) => m.role === 'owner').map((m) => m.content);
    return (await this.model.read(message, earlier)) ?? parsed;
  }

  private async load(request: OwnerAssistantRequest): Promise<{ conversationId: string; revision: number; state: OwnerAssistantState }> {
    const fresh = { messages: [], pending: null, clarification: null, focusTenantIds: [] };
    if (!request.conversationId) return { conversationId: randomUUID(), revision: 0, state: fresh };
    const { conversation } = await this.rpc.call(OwnerAssistantLoadRpc, {
      version: 1,
      ownerId: request.ownerId,
      conversationId: request.conversationId,
    });
    if (!conversation && request.startIfMissing) return { conversationId: request.conversationId, revision: 0, state: fresh };
    if (!conversation) {
      throw new ProblemException({
        status: 404,
        code: 'NOT_FOUND',
        title: 'Not Found',
        detail: 'No such conversation.',
        errors: [{ path: 'conversation_id', message: 'no such conversation' }],
      });
    }
    return { conversationId: conversation.id, revision: conversation.revision, state: conversation.state };
  }

  private async save(ownerId: string, conversationId: string, expectedRevision: number, state: OwnerAssistantState) {
    const { conversation } = await this.rpc.call(OwnerAssistantSaveRpc, { version: 1, ownerId, conversationId, expectedRevision, state });
    return conversation;
  }

  private withMessage(state: OwnerAssistantState, role: 'owner' | 'assistant', content: string): OwnerAssistantState {
    const messages = [...state.messages, { role, content: content.slice(0, 20_000), at: new Date().toISOString() }];
    return { ...state, messages: messages.slice(-MAX_MESSAGES) };
  }

  private async finish(
    request: OwnerAssistantRequest,
    conversationId: string,
    revision: number,
    turn: Turn,
    ownerSaved = false,
  ): Promise<OwnerAssistantAnswer> {
    let text = turn.text.join('\n');
    let stored = text;
    for (const secret of turn.secrets) stored = stored.split(secret).join('[shown once, not kept]');
    let state = ownerSaved ? turn.state : this.withMessage(turn.state, 'owner', request.message);
    state = this.withMessage(state, 'assistant', stored);
    if (ownerSaved) await this.saveAfterPerforming(request.ownerId, conversationId, revision, state, turn);
    else await this.save(request.ownerId, conversationId, revision, state);
    text = text || HELP;
    const pending = state.pending;
    return {
      conversationId,
      text,
      operations: turn.operations,
      pendingProposal: pending ? { id: pending.id, summary: pending.summary } : null,
    };
  }

  /**
   * The change is done (its proposal claimed at `revision`): a message that arrived meanwhile must
   * not turn the answer into a 409, or the owner would never see what was performed (a new key).
   * Appends the answer to the newest state once; if that races too, the answer is still returned.
   */
  private async saveAfterPerforming(ownerId: string, conversationId: string, revision: number, state: OwnerAssistantState, turn: Turn) {
    try {
      await this.save(ownerId, conversationId, revision, state);
    } catch (error) {
      if (!(error instanceof ProblemException) || error.getStatus() !== 409) throw error;
      const { conversation } = await this.rpc.call(OwnerAssistantLoadRpc, { version: 1, ownerId, conversationId });
      if (!conversation) return;
      const latest = {
        ...conversation.state,
        messages: [...conversation.state.messages, ...state.messages.slice(-1)].slice(-MAX_MESSAGES),
      };
      latest.focusTenantIds = [...new Set([...turn.state.focusTenantIds, ...latest.focusTenantIds])].slice(0, 20);
      await this.save(ownerId, conversationId, conversation.revision, latest).catch(() => undefined);
    }
  }

  private say(turn: Turn, sink: OwnerAssistantSink, text: string): void {
    const piece = turn.text.length > 0 ? `\n${text}` : text;
    turn.text.push(text);
    sink.token(piece);
  }

  private operation(turn: Turn, sink: OwnerAssistantSink, op: OperationView): void {
    turn.operations.push(op);
    sink.operation(op);
  }

  private focus(turn: Turn, tenantIds: string[]): void {
    turn.state.focusTenantIds = [...new Set([...tenantIds, ...turn.state.focusTenantIds])].slice(0, 20);
  }

  private async perform(
    ownerId: string,
    pending: NonNullable<OwnerAssistantState['pending']>,
    turn: Turn,
    sink: OwnerAssistantSink,
  ): Promise<void> {
    const op = pending.operation;
    try {
      const done = await this.executor.perform(ownerId, op);
      turn.secrets.push(...done.secrets);
      if (op.tenantId) this.focus(turn, [op.tenantId]);
      else if (typeof done.result.tenant_id === 'string') this.focus(turn, [done.result.tenant_id]);
      this.operation(turn, sink, {
        kind: op.kind,
        status: 'performed',
        tenant_id: op.tenantId ?? (done.result.tenant_id as string),
        summary: pending.summary,
        proposal_id: pending.id,
        result: done.result,
      });
      this.say(turn, sink, done.text);
    } catch (error) {
      const detail =
        error instanceof ProblemException
          ? `${error.detail ?? error.title}${error.errors?.length ? ` (${error.errors.map((e) => `${e.path}: ${e.message}`).join('; ')})` : ''}`
          : 'an internal error';
      if (!(error instanceof ProblemException) || error.getStatus() >= 500) throw error;
      this.operation(turn, sink, {
        kind: op.kind,
        status: 'failed',
        tenant_id: op.tenantId,
        summary: pending.summary,
        proposal_id: pending.id,
        result: { status: error.getStatus(), code: error.code },
      });
      this.say(turn, sink, `That did not work: ${detail}. Nothing was changed.`);
    }
  }

  private pickCandidate(message: string, candidates: Array<{ id: string; name: string }>): { id: string; name: string } | null {
    const number = /^\s*(?:number\s+|#)?(\d{1,2})\s*$/i.exec(message);
    if (number) return candidates[Number(number[1]) - 1] ?? null;
    const match = matchTenant(
      message,
      candidates.map((c) => ({ id: c.id, slug: c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), displayName: c.name })),
    );
    return match.kind === 'one' ? (candidates.find((c) => c.id === match.tenant.id) ?? null) : null;
  }

  /**
   * The one tenant whose slug or display name the reply spells exactly (case aside): a client
   * beyond the listed candidates (at most 10 are listed) is picked by its full name or slug.
   */
  private async exactTenant(message: string): Promise<{ id: string; name: string } | null> {
    const reply = message.trim().toLowerCase();
    if (reply.length === 0) return null;
    const exact = (await this.allTenants()).filter((t) => t.slug === reply || t.displayName.toLowerCase() === reply);
    return exact.length === 1 ? { id: exact[0].id, name: exact[0].displayName } : null;
  }

  private async allTenants(search?: string): Promise<Tenant[]> {
    const out: Tenant[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Tenant[]; nextCursor: string | null } = await this.rpc.call(TenantListRpc, {
        version: 1,
        limit: 100,
        cursor,
        ...(search ? { search } : {}),
      });
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && out.length < 1000);
    return out;
  }

  /** The tenant the owner named, or null after asking back (ambiguous) or saying it does not exist. */
  private async resolve(ref: string, request: OwnerAssistantOperation, turn: Turn, sink: OwnerAssistantSink): Promise<Tenant | null> {
    const tenants = await this.allTenants();
    const match = matchTenant(ref, tenants);
    if (match.kind === 'one') return match.tenant;
    if (match.kind === 'none') {
      this.say(turn, sink, `I don't know a client called ${quoted(ref)}. Ask "show me all my clients" to see their names.`);
      return null;
    }
    turn.state.clarification = { request, candidates: match.candidates.map((t) => ({ id: t.id, name: t.displayName })) };
    this.operation(turn, sink, {
      kind: request.kind,
      status: 'asked',
      tenant_id: null,
      summary: `which client is ${quoted(ref)}?`,
      result: { candidates: match.candidates.map((t) => ({ tenant_id: t.id, name: t.displayName, slug: t.slug })) },
    });
    const options = match.candidates.map((t, i) => `${i + 1}. ${quoted(t.displayName)} (${t.slug}, ${t.status})`).join('\n');
    this.say(
      turn,
      sink,
      `Which client do you mean by ${quoted(ref)}?\n${options}\nReply with the number, or the client's full name or slug.`,
    );
    return null;
  }

  private async handle(ownerId: string, intent: OwnerIntent, turn: Turn, sink: OwnerAssistantSink): Promise<void> {
    const needsTenant = 'tenant' in intent && typeof intent.tenant === 'string';
    if (intent.kind === 'create_tenant') return this.propose(proposalFor(intent, null), turn, sink);
    if (needsTenant) {
      const request: OwnerAssistantOperation = { kind: intent.kind, tenantId: null, args: { ...intent } };
      const tenant = await this.resolve(intent.tenant as string, request, turn, sink);
      if (tenant) await this.handleResolved(ownerId, request, { id: tenant.id, name: tenant.displayName }, turn, sink);
      return;
    }
    await this.handleRead(intent, null, turn, sink);
  }

  /** A request whose tenant is known (named clearly, or picked after asking back). */
  private async handleResolved(
    _ownerId: string,
    request: OwnerAssistantOperation,
    tenant: { id: string; name: string },
    turn: Turn,
    sink: OwnerAssistantSink,
  ): Promise<void> {
    const intent = request.args as unknown as OwnerIntent;
    this.focus(turn, [tenant.id]);
    if (intent.kind === 'delete') {
      this.say(
        turn,
        sink,
        `I can't delete a client (${quoted(tenant.name)}): deleting is not offered through the assistant. I can pause it instead: say "pause ${tenant.name}".`,
      );
      return;
    }
    const proposal = proposalFor(intent, tenant);
    if (proposal) {
      const { tenant: current } = await this.rpc.call(TenantGetRpc, { version: 1, tenantId: tenant.id });
      return this.propose(proposal, turn, sink, current);
    }
    await this.handleRead(intent, tenant, turn, sink);
  }

  private propose(
    input: ProposalInput | null,
    turn: Turn,
    sink: OwnerAssistantSink,
    current?: Parameters<typeof describeProposal>[1],
  ): void {
    if (!input) {
      this.say(turn, sink, HELP);
      return;
    }
    if (input.operation.kind === 'create_tenant') {
      const check = TenantCreateRpc.request.schema.safeParse({ version: 1, actor: { type: 'owner', id: null }, ...input.operation.args });
      if (!check.success) {
        const fields = check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        this.say(turn, sink, `I can't set that client up as asked: ${fields}.`);
        return;
      }
    }
    const summary = describeProposal(input, current);
    if (summary.noop) {
      this.say(turn, sink, summary.text);
      return;
    }
    const id = randomUUID();
    turn.state.pending = { id, operation: input.operation, summary: summary.text };
    this.operation(turn, sink, {
      kind: input.operation.kind,
      status: 'proposed',
      tenant_id: input.operation.tenantId,
      summary: summary.text,
      proposal_id: id,
    });
    this.say(turn, sink, `${summary.text}\nReply "yes" to confirm; anything else cancels.`);
  }

  private async handleRead(
    intent: OwnerIntent,
    tenant: { id: string; name: string } | null,
    turn: Turn,
    sink: OwnerAssistantSink,
  ): Promise<void> {
    switch (intent.kind) {
      case 'list_tenants': {
        const tenants = await this.allTenants(intent.search ?? undefined);
        this.operation(turn, sink, {
          kind: 'list_tenants',
          status: 'read',
          tenant_id: null,
          summary: `${tenants.length} clients`,
          result: { count: tenants.length },
        });
        return this.say(turn, sink, tenantListText(tenants, intent.search));
      }
      case 'tenant_details': {
        const { tenant: t } = await this.rpc.call(TenantGetRpc, { version: 1, tenantId: (tenant as { id: string }).id });
        this.operation(turn, sink, { kind: 'tenant_details', status: 'read', tenant_id: t.id, summary: t.displayName });
        return this.say(turn, sink, tenantDetailsText(t));
      }
      case 'portfolio':
      case 'explain_tenant':
      case 'advice':
      case 'alerts':
        return this.insights(intent, tenant, turn, sink);
      case 'usage':
        return this.usage(tenant, turn, sink);
      default:
        return this.say(turn, sink, HELP);
    }
  }

  private async insights(
    intent: OwnerIntent,
    named: { id: string; name: string } | null,
    turn: Turn,
    sink: OwnerAssistantSink,
  ): Promise<void> {
    const { portfolio, alerts } = await this.rpc.call(OwnerInsightsGetRpc, { version: 1, period: 'week' });
    const open = alerts.filter((a) => a.status === 'active');
    if (intent.kind === 'portfolio') {
      const { text, attention } = summarizePortfolio(portfolio, alerts);
      turn.state.focusTenantIds = attention.map((t) => t.tenantId).slice(0, 20);
      this.operation(turn, sink, {
        kind: 'read_portfolio',
        status: 'read',
        tenant_id: null,
        summary: `${portfolio.period} of ${portfolio.date}`,
        result: {
          period: portfolio.period,
          date: portfolio.date,
          totals: portfolio.totals,
          attention: attention.map((t) => ({ tenant_id: t.tenantId, health: t.health, reasons: t.reasons })),
          open_alerts: open.length,
        },
      });
      return this.say(turn, sink, text);
    }
    if (intent.kind === 'alerts') {
      this.operation(turn, sink, {
        kind: 'list_alerts',
        status: 'read',
        tenant_id: null,
        summary: `${open.length} open alerts`,
        result: { count: open.length },
      });
      this.focus(turn, [...new Set(open.map((a) => a.tenantId))]);
      return this.say(
        turn,
        sink,
        open.length ? `Open alerts (${open.length}):\n${open.map((a) => `- ${alertLine(a, portfolio)}`).join('\n')}` : 'No open alerts.',
      );
    }
    const tenantId = named?.id ?? turn.state.focusTenantIds[0] ?? null;
    if (intent.kind === 'explain_tenant') {
      if (!tenantId) return this.say(turn, sink, 'Which client? Name it, or ask "how are my clients doing?" first.');
      const row = portfolio.tenants.find((t) => t.tenantId === tenantId);
      if (!row) return this.say(turn, sink, `${quoted(named?.name ?? 'That client')} is not in this week's portfolio (it is not active).`);
      this.operation(turn, sink, {
        kind: 'read_tenant_insights',
        status: 'read',
        tenant_id: tenantId,
        summary: row.displayName,
        result: { health: row.health, reasons: row.reasons },
      });
      return this.say(turn, sink, explainTenant(row, alerts, portfolio));
    }
    // advice: the named or focused tenant, otherwise every flagged one.
    const rows = tenantId
      ? portfolio.tenants.filter((t) => t.tenantId === tenantId)
      : portfolio.tenants.filter((t) => t.health !== 'green' || t.activeAlerts > 0);
    this.operation(turn, sink, { kind: 'advise', status: 'read', tenant_id: tenantId, summary: `${rows.length} clients` });
    return this.say(turn, sink, adviseOn(rows, alerts, portfolio));
  }

  private async usage(tenant: { id: string; name: string } | null, turn: Turn, sink: OwnerAssistantSink): Promise<void> {
    const usage = await this.rpc.call(UsageOwnerGetRpc, { version: 1 });
    const { text, totals } = usageText(usage, tenant);
    this.operation(turn, sink, {
      kind: 'read_usage',
      status: 'read',
      tenant_id: tenant?.id ?? null,
      summary: `${usage.from}..${usage.to}`,
      result: { from: usage.from, to: usage.to, totals },
    });
    return this.say(turn, sink, text);
  }
}
