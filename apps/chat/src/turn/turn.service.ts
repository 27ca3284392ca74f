import { Inject, Injectable } from '@nestjs/common';
import type { Action, ChatTurnRequest, ChatTurnResponse, Signal, Usage } from '@parley/contracts';
import type { ConversationMessage, GenerationRequest, GenerationResult, LlmRouter, ModelToolCall } from '@parley/llm';
import { NatsClient, type MessagingConnection } from '@parley/messaging';
import { isUniqueViolation, runtimeHasFeature, TenantDb, type TenantRuntime } from '@parley/persistence';
import { toWireSignals, type SignalFinding } from '@parley/signals';
import { randomUUID } from 'node:crypto';
import { ModelActionGate } from '../actions/model-action.gate';
import { parsePassOnRequest, type PassOnRequest } from '../assistant/pass-on-request.rule';
import { passOnCall, passOnReply, staffPlan } from '../assistant/staff-turn.util';
import { MODEL_TOOLS } from '../actions/model-tools.constants';
import { actionOnlyReply, combineActions } from '../actions/turn-actions.util';
import { CHAT_LOGGER, TURN_LOGGER, type ChatLogger } from '../common/chat.logger';
import { ChatError } from '../common/chat.errors';
import { CHAT_OPTIONS, LLM_ROUTER, type ChatOptions } from '../common/chat.options';
import { chainHasModel, contextLimits, degradedChain } from '../degrade/degrade-mode.util';
import { DegradeState, type TurnDegrade } from '../degrade/degrade.state';
import { SessionEventsPublisher } from '../sessions/session-events.publisher';
import { historyWindow } from './history-window.util';
import { TenantKnowledgeRetriever, type KnowledgeRetriever } from './knowledge.retriever';
import { SignalDetectorCache } from './signal-detectors.cache';
import { TenantRuntimeCache } from '../tenants/tenant-runtime.cache';
import { ChatIntegrations } from '../tools/chat-integrations.provider';
import { TenantToolsetCache } from '../tools/tenant-toolset.cache';
import { EMPTY_TOOLSET } from '../tools/tenant-toolset.types';
import type { ToolExecutionWrite } from '../tools/tool-executions.repository';
import { TurnTools } from '../tools/turn-tools.runner';
import { TurnCancellations } from './turn-cancellations.service';
import { TurnMetrics } from './turn.metrics';
import { TurnStageClock } from './turn-stage.clock';
import { turnActions, turnOutbox } from './turn-events.util';
import { frameError, generationFailure } from './turn-failure.util';
import { planTurn, type TurnPlan } from './turn-plan.util';
import {
  findStoredTurn,
  persistFailedTurnAudit,
  persistTurn,
  prepareTurn,
  TURN_TX_MAX_WAIT_MS,
  type PreparedTurn,
  type TurnSession,
} from './turn.repository';
import {
  DEFAULT_TOKEN_COALESCING,
  FrameBatch,
  NatsTurnStream,
  silentTurnStream,
  type TokenCoalescing,
  type TurnStream,
} from './turn-stream.publisher';

/** Said (and stored as the assistant message) for every visitor message while tenant staff hold the session. */
export const HUMAN_MODE_NOTICE = 'Thanks, your message has been passed on. A member of our team will reply here shortly.';
const HUMAN_MODE_PROVIDER = 'parley';
const HUMAN_MODE_MODEL = 'handoff-notice';

interface Answer {
  content: string;
  finishReason: ChatTurnResponse['finishReason'];
  usage: Usage;
  unanswered: boolean;
  /** The model's tool calls, unvalidated (none for the offline responder and human mode). */
  toolCalls: readonly ModelToolCall[];
  /** The data tools the answer used (live shop data), logged with the turn. */
  toolExecutions: readonly ToolExecutionWrite[];
}

/**
 * One chat turn: L1a signals, directives, retrieval, history, generation streamed on
 * chat.stream.<turnId>, then every row and event of the turn in one transaction. See
 * apps/chat/README.md for the frame order and the human-mode and retry behaviour.
 */
@Injectable()
export class TurnService {
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly historyTokenBudget: number;
  private readonly knowledgeLimit: number;
  private readonly leanLimits: ChatOptions['chat']['degrade'];
  private readonly coalescing: TokenCoalescing;
  /** Every turn's frames, published together once per event-loop turn (see FrameBatch). */
  private readonly frames: FrameBatch;

  constructor(
    @Inject(NatsClient) private readonly client: MessagingConnection,
    private readonly tenants: TenantRuntimeCache,
    private readonly db: TenantDb,
    @Inject(LLM_ROUTER) private readonly router: LlmRouter,
    @Inject(TenantKnowledgeRetriever) private readonly knowledge: KnowledgeRetriever,
    private readonly detectors: SignalDetectorCache,
    private readonly cancellations: TurnCancellations,
    private readonly actionGate: ModelActionGate,
    private readonly sessionEvents: SessionEventsPublisher,
    private readonly metrics: TurnMetrics,
    private readonly toolsets: TenantToolsetCache,
    private readonly integrations: ChatIntegrations,
    private readonly degrade: DegradeState,
    @Inject(CHAT_OPTIONS) options: ChatOptions,
    @Inject(CHAT_LOGGER) private readonly logger: ChatLogger,
    /** The per-turn `turn completed` line only (written in batches). */
    @Inject(TURN_LOGGER) private readonly turnLog: ChatLogger,
  ) {
    this.historyTokenBudget = options.chat.historyTokenBudget;
    this.knowledgeLimit = options.chat.knowledgeLimit;
    this.leanLimits = options.chat.degrade;
    this.coalescing = { ...DEFAULT_TOKEN_COALESCING, flushMs: options.chat.streamFlushMs };
    this.frames = new FrameBatch(client.nc);
  }

  /** The failed turn's audit row (outcome `error`); a failure to write it is logged, never thrown. */
  private auditFailure(request: ChatTurnRequest, code: string): void {
    const { tenantId, sessionId, turnId } = request;
    const task = persistFailedTurnAudit(this.db, { tenantId, sessionId, turnId, code }).catch((err: unknown) =>
      this.logger.warn({ err, turn_id: turnId, tenant_id: tenantId }, 'could not audit the failed turn'),
    );
    this.inflight.add(task);
    void task.finally(() => this.inflight.delete(task));
  }

  run(request: ChatTurnRequest): Promise<ChatTurnResponse> {
    const { metrics } = this;
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
    const stream: TurnStream = request.stream
      ? new NatsTurnStream(this.client, request.turnId, () => metrics.firstToken(elapsed()), this.coalescing, this.frames)
      : silentTurnStream;
    // Whatever fails, a streaming caller gets its terminal error frame (a no-op once one was sent).
    const task = this.execute(request, stream).then(
      (response) => {
        metrics.turnFinished(response.finishReason, elapsed());
        return response;
      },
      (err: unknown) => {
        const body = frameError(err);
        stream.error(body);
        metrics.turnFinished(body.code, elapsed());
        this.auditFailure(request, body.code);
        throw err;
      },
    );
    this.inflight.add(task);
    const release = this.degrade.turnStarted();
    void task
      .finally(() => {
        this.inflight.delete(task);
        release();
      })
      .catch(() => undefined);
    return task;
  }

  /** Waits for the turns in progress (shutdown). */
  async settle(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.inflight]), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }

  get inProgress(): number {
    return this.inflight.size;
  }

  private async execute(request: ChatTurnRequest, stream: TurnStream): Promise<ChatTurnResponse> {
    const userAt = new Date();
    const clock = new TurnStageClock(this.metrics);
    const runtime = await this.tenants.get(request.tenantId);
    clock.lap('tenant_load');
    if (!runtime) throw new ChatError('NOT_FOUND', `tenant ${request.tenantId} not found`);
    if (runtime.status !== 'active') throw new ChatError('FORBIDDEN', 'tenant is deactivated');
    // An assistant turn is a staff user's, in their own assistant session (ADR 0012); any other channel is a visitor's.
    const staffUserId = request.channel === 'assistant' ? (request.staffUserId ?? null) : null;
    if (request.channel === 'assistant' && !staffUserId) throw new ChatError('VALIDATION', 'an assistant turn needs staffUserId');
    // The owner's switches and this replica's automatic ones (ADR 0022): the model chain and the context size of this turn.
    const degrade = await this.degrade.forTurn(request.tenantId);
    const llm = degradedChain(runtime.config.llm, degrade.switches);
    // A plan without `knowledge` (ADR 0025) means no retrieval at all: a knowledge limit of 0.
    const limits = contextLimits(
      degrade.switches,
      { historyTokenBudget: this.historyTokenBudget, knowledgeLimit: runtimeHasFeature(runtime, 'knowledge') ? this.knowledgeLimit : 0 },
      this.leanLimits,
    );
    const signal = this.cancellations.register(request.turnId, request.tenantId);
    try {
      // Without a query embedding, retrieval is part of the session read's statement (one
      // round trip); with one, it runs once the session is known to be the bot's (generate()).
      // Staff-only knowledge (rotas, internal rules) is retrieved for the staff assistant only, never for visitors.
      const staff = staffUserId !== null;
      const inlineSearch = this.knowledge.inlineQuery(request.message, staff, limits.knowledgeLimit);
      const prepared = await prepareTurn(this.db, request.tenantId, request.sessionId, request.turnId, staffUserId, inlineSearch);
      if (prepared.kind === 'stored') return replayStored(prepared.response, stream);
      clock.lap('session_history');

      const findings = this.detectors.forTenant(request.tenantId, runtime.signalRules).detect(request.message);
      const signals = toWireSignals(findings);
      stream.signal(signals);
      const plan = staffUserId ? staffPlan() : planTurn(findings, runtime.config);
      if (prepared.firstTurn && prepared.returningName) plan.directives.push({ kind: 'greet_returning', name: prepared.returningName });
      const humanMode = prepared.session.mode === 'human';
      const ruleActions = turnActions(plan).filter((a) => !(humanMode && a.type === 'human_handoff'));
      // Without a model, a staff user's "tell the manager ..." becomes a notify_staff request by rule.
      const passOn = staffUserId && !humanMode && !chainHasModel(llm) ? parsePassOnRequest(request.message) : null;
      clock.lap('signals');
      const generated = humanMode
        ? humanModeAnswer(runtime, stream, userAt)
        : passOn
          ? passOnRequestAnswer(passOn, request.message, userAt)
          : await this.generate(request, runtime, plan, prepared, stream, signal, staff, clock, { ...degrade, llm, ...limits });
      // The model's tool calls (and the rule's) are requests: only those the gate accepts become actions.
      const turnRef = {
        tenantId: request.tenantId,
        sessionId: request.sessionId,
        turnId: request.turnId,
        ...(staffUserId ? { staffUserId } : {}),
      };
      const accepted = await this.actionGate.review(turnRef, generated.toolCalls);
      const reply = passOn ? passOnReply(accepted, passOn) : actionOnlyReply(accepted);
      const answer = generated.toolCalls.length > 0 ? withReply(generated, reply, stream) : generated;
      const { actions, eventParams } = combineActions(ruleActions, accepted);
      for (const action of actions) stream.action(action);
      clock.lap('actions');
      const handoff = plan.handoff && !humanMode;
      const response = await this.store(
        request,
        runtime,
        prepared.session,
        { userAt, findings, signals, plan, actions, actionParams: eventParams, answer, handoff, staff: staffUserId !== null },
        stream,
      );
      clock.lap('store');
      // The session now waits for a person: open live streams (and staff tools) hear it at once.
      if (handoff) this.sessionEvents.publish(request.sessionId, { version: 1, tenantId: request.tenantId, type: 'mode', mode: 'human' });
      return response;
    } finally {
      this.cancellations.release(request.turnId);
    }
  }

  private async generate(
    request: ChatTurnRequest,
    runtime: TenantRuntime,
    plan: TurnPlan,
    prepared: Extract<PreparedTurn, { kind: 'new' }>,
    stream: TurnStream,
    signal: AbortSignal,
    staff: boolean,
    clock: TurnStageClock,
    mode: TurnDegrade & { llm: GenerationRequest['llm']; historyTokenBudget: number; knowledgeLimit: number },
  ): Promise<Answer> {
    const { recent, firstTurn } = prepared;
    let knowledge = prepared.knowledge;
    if (knowledge === null) {
      knowledge = await this.knowledge.retrieve(request.tenantId, request.message, signal, staff, mode.knowledgeLimit);
      clock.lap('retrieval');
    }
    // Live-data tools (the tenant's shop, bookings...) are the visitors'; the staff assistant has
    // none, nor does a tenant whose plan lacks `tools` (ADR 0025).
    const tools = new TurnTools(
      staff || !runtimeHasFeature(runtime, 'tools') ? EMPTY_TOOLSET : ((await this.toolsets.get(request.tenantId)) ?? EMPTY_TOOLSET),
      this.integrations.executor,
      {
        tenantId: request.tenantId,
        sessionId: request.sessionId,
      },
    );
    const context = request.context?.filter((m): m is ConversationMessage => m.role !== 'system');
    // lean_context trims a caller's own context to the lean budget too.
    const history = context
      ? mode.switches.leanContext
        ? historyWindow([...context].reverse(), mode.historyTokenBudget)
        : context
      : historyWindow(recent, mode.historyTokenBudget);
    const withModel = chainHasModel(mode.llm);
    const generation: GenerationRequest = {
      tenantId: request.tenantId,
      llm: mode.llm,
      persona: {
        displayName: runtime.displayName,
        persona: runtime.config.persona,
        tone: runtime.config.tone,
        allowedTopics: runtime.config.allowedTopics,
      },
      ...(staff ? { audience: 'staff' as const } : {}),
      history,
      userMessage: request.message,
      firstTurn: context ? !context.some((m) => m.role === 'assistant') : firstTurn,
      knowledge,
      directives: plan.directives,
      // A model may request actions through tool calling; the offline responder never does.
      tools: withModel ? MODEL_TOOLS : undefined,
      ...(tools.any ? { dataTools: tools.specs, runTool: tools.run } : {}),
      signal,
    };
    let result: GenerationResult;
    let firstToken = true;
    clock.lap('prompt_build');
    try {
      result = await this.router.generate(generation, {
        onToken: (content) => {
          if (firstToken && content.length > 0) {
            firstToken = false;
            clock.lap('model_first_token');
          }
          stream.token(content);
        },
        onToolEvent: (event) =>
          stream.tool({
            call_id: event.callId,
            name: event.name,
            phase: event.phase,
            ...(event.outcome ? { outcome: event.outcome } : {}),
          }),
      });
      // The rest of the text goes out now rather than when its coalescing timer fires.
      stream.textEnded();
      // Without any text (tool calls only) the whole call is counted here.
      clock.lap('generation');
      // The automatic degrade controller's provider error rate: a model attempt that failed (not merely unconfigured) counts.
      if (withModel) this.degrade.recordModelCall(result.failedOver.some((f) => f.reason !== 'not_configured') ? 'failed' : 'ok');
    } catch (err) {
      if (withModel && !signal.aborted) this.degrade.recordModelCall('failed');
      // The model's failures (every provider of the chain) become UPSTREAM_ERROR or TIMEOUT.
      this.logger.warn({ err, turn_id: request.turnId, tenant_id: request.tenantId }, 'turn generation failed');
      throw generationFailure(err);
    }
    const { provider, model, inputTokens, outputTokens, latencyMs } = result.usage;
    return {
      content: result.content,
      finishReason: result.finishReason,
      usage: { provider, model, inputTokens, outputTokens, latencyMs },
      unanswered: result.unanswered,
      toolCalls: result.toolCalls ?? [],
      toolExecutions: tools.executions,
    };
  }

  private async store(
    request: ChatTurnRequest,
    runtime: TenantRuntime,
    session: TurnSession,
    turn: {
      userAt: Date;
      findings: SignalFinding[];
      signals: Signal[];
      plan: TurnPlan;
      actions: Action[];
      actionParams: ReadonlyMap<string, Record<string, unknown>>;
      answer: Answer;
      handoff: boolean;
      /** A staff assistant turn: its events say so, and an unanswered question is not a customer's. */
      staff: boolean;
    },
    stream: TurnStream,
  ): Promise<ChatTurnResponse> {
    const { answer } = turn;
    const assistantId = randomUUID();
    const occurredAt = new Date();
    try {
      await persistTurn(this.db, {
        tenantId: request.tenantId,
        sessionId: request.sessionId,
        turnId: request.turnId,
        userText: request.message,
        userAt: turn.userAt,
        findings: turn.findings,
        unanswered: answer.unanswered && !turn.staff,
        assistant: {
          id: assistantId,
          content: answer.content,
          interrupted: answer.finishReason === 'cancelled',
          at: occurredAt,
          ...answer.usage,
        },
        toolExecutions: answer.toolExecutions.map((e) => ({ ...e, messageId: assistantId })),
        needsHuman: turn.plan.escalation,
        handoff: turn.handoff,
        outbox: (userMessageId) =>
          turnOutbox({
            tenantId: request.tenantId,
            sessionId: request.sessionId,
            turnId: request.turnId,
            contactId: session.contactId,
            userMessageId,
            assistantMessageId: assistantId,
            userText: request.message,
            assistantText: answer.content,
            findings: turn.findings,
            plan: turn.plan,
            actions: turn.actions,
            actionParams: turn.actionParams,
            usage: answer.usage,
            config: runtime.config,
            occurredAt,
            ...(turn.staff ? { audience: 'staff' as const } : {}),
          }),
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // The same turnId completed concurrently (a retry raced the original): answer with what was stored.
      const stored = await this.db.run(request.tenantId, (tx) => findStoredTurn(tx, request.sessionId, request.turnId), {
        maxWaitMs: TURN_TX_MAX_WAIT_MS,
      });
      if (!stored) throw new ChatError('CONFLICT', `turn ${request.turnId} is already being answered`);
      stream.done(stored.messageId, stored.usage);
      return stored;
    }
    stream.done(assistantId, answer.usage);
    this.turnLog.info(
      {
        tenant_id: request.tenantId,
        session_id: request.sessionId,
        turn_id: request.turnId,
        request_id: request.requestId,
        provider: answer.usage.provider,
        model: answer.usage.model,
        finish_reason: answer.finishReason,
        signals: turn.signals.length,
        latency_ms: answer.usage.latencyMs,
      },
      'turn completed',
    );
    return {
      version: 1,
      turnId: request.turnId,
      sessionId: request.sessionId,
      messageId: assistantId,
      content: answer.content,
      finishReason: answer.finishReason,
      signals: turn.signals,
      actions: turn.actions,
      usage: answer.usage,
    };
  }
}

/** While staff hold the session the bot does not generate: it acknowledges with a fixed notice. */
function humanModeAnswer(runtime: TenantRuntime, stream: TurnStream, userAt: Date): Answer {
  const content = runtime.config.escalation.handoffMessage ?? HUMAN_MODE_NOTICE;
  stream.token(content);
  return {
    content,
    finishReason: 'stop',
    usage: {
      provider: HUMAN_MODE_PROVIDER,
      model: HUMAN_MODE_MODEL,
      inputTokens: 0,
      outputTokens: 0,
      latencyMs: Date.now() - userAt.getTime(),
    },
    unanswered: false,
    toolCalls: [],
    toolExecutions: [],
  };
}

/** A staff user's pass-it-on request without a model: no generation, the rule's call goes to the gate. */
function passOnRequestAnswer(request: PassOnRequest, message: string, userAt: Date): Answer {
  return {
    content: '',
    finishReason: 'stop',
    usage: { provider: 'offline', model: 'staff-pass-on', inputTokens: 0, outputTokens: 0, latencyMs: Date.now() - userAt.getTime() },
    unanswered: false,
    toolCalls: [passOnCall(request, message)],
    toolExecutions: [],
  };
}

/** A model that only called tools wrote nothing to the visitor: they still get a reply. */
function withReply(answer: Answer, reply: string, stream: TurnStream): Answer {
  if (answer.content.trim().length > 0 || answer.finishReason === 'cancelled') return answer;
  stream.token(reply);
  return { ...answer, content: reply };
}

/** A retried turnId that already completed: its stored answer, streamed again as one token. */
function replayStored(response: ChatTurnResponse, stream: TurnStream): ChatTurnResponse {
  stream.signal(response.signals);
  stream.token(response.content);
  stream.done(response.messageId, response.usage);
  return response;
}
