import { CONSUMERS, countryForTimeZone, IntelMessageExtractedEvent, type ChatTurnCompleted } from '@parley/contracts';
import { PermanentError, toOutboxMessage, type ConsumerMessageMeta } from '@parley/messaging';
import type { Logger } from '@parley/observability';
import { completeStructured, type LlmRouter } from '@parley/llm';
import {
  enqueueOutbox,
  loadTenantRuntime,
  markProcessed,
  resolveContact,
  type Db,
  type Prisma,
  type TenantDb,
  type TenantTx,
} from '@parley/persistence';
import { extractMessage, type Extraction } from '@parley/signals';
import { ChatTablesRepository, type ChatSessionRef, type NewSignalRow } from '../chat-tables/chat-tables.repository';
import { CatalogueTermsCache, catalogueTerms, MAX_CATALOGUE_TERMS } from './catalogue-terms';
import { L1B_SOURCE } from './extraction.constants';
import { ExtractionRepository } from './extraction.repository';
import { LLM_EXTRACTION_SYSTEM_PROMPT, llmExtractionSchema, mergeLlmExtraction, type LlmExtraction } from './llm-extraction';
import {
  foldExtraction,
  leadScore,
  meanSentiment,
  readAggregate,
  sentimentLabel,
  type InteractionAggregate,
} from './interaction-aggregate';
import { mergePreferences, readPreferences } from './preferences';

const CONSUMER = CONSUMERS.tenantIntelligence.durable;

export interface TurnExtractionOutcome {
  status: 'extracted' | 'duplicate';
  contactId: string | null;
  interactionId: string | null;
  method: 'deterministic' | 'llm' | null;
}

/** The model-assisted part of L1b: used for tenants whose configured primary provider is a model. */
export interface ExtractionAssist {
  router: LlmRouter;
  /** Reads the tenant's LLM settings (tenants has no RLS). */
  prisma: Db;
  timeoutMs: number;
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

/** message_signals rows (source l1b) for one customer message. */
function signalRows(turn: ChatTurnCompleted, extraction: Extraction) {
  const base = { tenantId: turn.tenantId, messageId: turn.userMessageId, sessionId: turn.sessionId, source: L1B_SOURCE };
  const rows: NewSignalRow[] = [
    { ...base, kind: 'extraction', label: 'v1', score: null, data: json(extraction) },
    { ...base, kind: 'intent', label: extraction.intent.label, score: extraction.intent.confidence, data: {} },
    { ...base, kind: 'sentiment', label: extraction.sentiment.label, score: extraction.sentiment.score, data: {} },
  ];
  for (const s of extraction.purchaseSignals)
    rows.push({ ...base, kind: 'purchase_signal', label: s.kind, score: s.confidence, data: json({ evidence: s.evidence }) });
  for (const c of extraction.contacts) {
    rows.push({
      ...base,
      kind: 'entity',
      label: `${c.field}:${c.value}`.slice(0, 200),
      score: c.confidence,
      data: json({ owner: c.owner, relation: c.relation ?? null, correction: c.correction }),
    });
  }
  for (const p of extraction.products)
    rows.push({
      ...base,
      kind: 'product',
      label: p.term.toLowerCase().slice(0, 200),
      score: p.confidence,
      data: json({ source: p.source }),
    });
  return rows;
}

/** The latest name and email the visitor gave earlier in the session (from the interaction's aggregate). */
function sessionClaims(aggregate: InteractionAggregate): { name: string | null; email: string | null } {
  const last = (type: string) => [...aggregate.entities].reverse().find((e) => e.type === type)?.value ?? null;
  return { name: last('person'), email: last('email') };
}

/**
 * L1b for one evt.chat.turn_completed: extract what the customer's message reveals, update the
 * tenant's CRM (contact, the session's interaction, per-message l1b signals) and emit
 * evt.intel.message_extracted — all in one tenant transaction guarded by processed_events, so
 * a redelivered event changes nothing.
 */
export class TurnExtractionService {
  private readonly catalogue = new CatalogueTermsCache();

  constructor(
    private readonly db: TenantDb,
    private readonly logger: Logger,
    private readonly assist?: ExtractionAssist,
    private readonly repo = new ExtractionRepository(),
    private readonly chat = new ChatTablesRepository(),
  ) {}

  async handle(
    turn: ChatTurnCompleted,
    meta: Pick<ConsumerMessageMeta, 'msgId'> & { signal?: AbortSignal },
  ): Promise<TurnExtractionOutcome> {
    const messageKey = meta.msgId ?? `turn:${turn.turnId}`;
    // The model call happens before the transaction, so no transaction waits on a model.
    const llm = await this.modelExtraction(turn, meta.signal);
    return this.db.run(turn.tenantId, async (tx) => {
      if (!(await markProcessed(tx, CONSUMER, messageKey)))
        return { status: 'duplicate', contactId: null, interactionId: null, method: null };
      const session = await this.chat.session(tx, turn.sessionId);
      if (!session) throw new PermanentError(`session ${turn.sessionId} not found for tenant ${turn.tenantId}`, 'NOT_FOUND');

      const terms = await this.catalogue.get(turn.tenantId, async () =>
        catalogueTerms(await this.repo.catalogueSources(tx, turn.tenantId, MAX_CATALOGUE_TERMS)),
      );
      const previous =
        ((await this.chat.previousExtraction(tx, turn.sessionId, turn.userMessageId)) as Extraction | undefined) ?? undefined;
      const locale = await this.repo.tenantLocale(tx, turn.tenantId);
      const country = locale?.country ?? countryForTimeZone(locale?.timezone) ?? undefined;
      const deterministic = extractMessage(turn.userText, { catalogueTerms: terms, previous, ...(country ? { country } : {}) });
      const extraction = llm ? mergeLlmExtraction(turn.userText, deterministic, llm, country) : deterministic;
      const method = llm ? ('llm' as const) : ('deterministic' as const);
      const occurredAt = new Date(turn.occurredAt);

      const contactId = await this.updateContact(tx, turn, session, extraction, occurredAt);
      const interaction = await this.updateInteraction(tx, turn, contactId, extraction, occurredAt);
      await this.chat.insertSignals(tx, signalRows(turn, extraction));

      const aggregate = readAggregate(interaction.data);
      await enqueueOutbox(
        tx,
        toOutboxMessage(
          IntelMessageExtractedEvent,
          {
            version: 1,
            tenantId: turn.tenantId,
            sessionId: turn.sessionId,
            turnId: turn.turnId,
            messageId: turn.userMessageId,
            contactId,
            interactionId: interaction.id,
            intent: extraction.intent.label,
            sentiment: extraction.sentiment.label,
            sentimentScore: extraction.sentiment.score,
            urgency: turn.signals.urgency,
            topics: extraction.products.map((p) => p.term.toLowerCase().slice(0, 100)).slice(0, 20),
            entities: extraction.contacts
              .filter((c) => c.owner === 'customer')
              .map((c) => ({ type: c.field === 'name' ? ('person' as const) : c.field, value: c.value })),
            leadScore: leadScore(aggregate),
            method,
            occurredAt: new Date().toISOString(),
          },
          turn.tenantId,
        ),
      );
      this.logger.debug(
        { tenantId: turn.tenantId, sessionId: turn.sessionId, contactId, intent: extraction.intent.label },
        'turn extracted',
      );
      return { status: 'extracted', contactId, interactionId: interaction.id, method };
    });
  }

  /** The tenant's model's structured extraction, or null (no model configured, or it failed: logged). */
  private async modelExtraction(turn: ChatTurnCompleted, signal?: AbortSignal): Promise<LlmExtraction | null> {
    if (!this.assist) return null;
    const runtime = await loadTenantRuntime(this.assist.prisma, turn.tenantId);
    if (!runtime || runtime.config.llm.primary.provider === 'offline') return null;
    const timeout = AbortSignal.timeout(this.assist.timeoutMs);
    try {
      const { value } = await completeStructured(this.assist.router, {
        tenantId: turn.tenantId,
        llm: { primary: runtime.config.llm.primary, fallbacks: runtime.config.llm.fallbacks.filter((c) => c.provider !== 'offline') },
        system: LLM_EXTRACTION_SYSTEM_PROMPT,
        text: turn.userText,
        schema: llmExtractionSchema,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        maxOutputTokens: 400,
      });
      return value;
    } catch (err) {
      this.logger.warn(
        { err, tenantId: turn.tenantId, turnId: turn.turnId },
        'model extraction failed; using the deterministic extraction alone',
      );
      return null;
    }
  }

  private async updateContact(
    tx: TenantTx,
    turn: ChatTurnCompleted,
    session: ChatSessionRef,
    extraction: Extraction,
    observedAt: Date,
  ): Promise<string | null> {
    const fields: Parameters<typeof resolveContact>[1]['fields'] = {};
    for (const field of ['name', 'email', 'phone'] as const) {
      const mention = extraction.customer[field];
      if (mention)
        fields[field] = {
          value: mention.value,
          sourceMessageId: turn.userMessageId,
          confidence: mention.confidence,
          correction: mention.correction,
        };
    }
    let contactId = session.contactId;
    if (Object.keys(fields).length > 0 || session.externalUserId) {
      // The session's contact is matched first; what the visitor said earlier in the session
      // (their latest name and email) is checked against a contact matched by phone alone.
      const resolved = await resolveContact(tx, {
        tenantId: turn.tenantId,
        externalUserId: session.externalUserId,
        sessionContactId: session.contactId,
        claims: sessionClaims(readAggregate((await this.repo.conversationInteraction(tx, turn.sessionId))?.data)),
        fields,
        observedAt,
      });
      if (resolved?.conflicts?.length)
        this.logger.info(
          { tenantId: turn.tenantId, contactId: resolved.id, conflicts: resolved.conflicts.length },
          'identity conflict: kept apart',
        );
      contactId = resolved?.id ?? contactId;
    }
    if (!contactId) return null;
    if (session.contactId !== contactId) await this.chat.linkSessionToContact(tx, session.id, contactId);
    if (extraction.preferences.length > 0) {
      const attributes = ((await this.repo.contactAttributes(tx, contactId)) ?? {}) as Record<string, unknown>;
      const preferences = mergePreferences(readPreferences(attributes), extraction.preferences, turn.userMessageId);
      await this.repo.setContactAttributes(tx, contactId, json({ ...attributes, preferences }));
    }
    return contactId;
  }

  private async updateInteraction(
    tx: TenantTx,
    turn: ChatTurnCompleted,
    contactId: string | null,
    extraction: Extraction,
    occurredAt: Date,
  ) {
    const existing = await this.repo.conversationInteraction(tx, turn.sessionId);
    const aggregate = foldExtraction(readAggregate(existing?.data), turn.userMessageId, extraction);
    const score = meanSentiment(aggregate);
    const values = {
      contactId,
      intent: aggregate.intent,
      sentiment: sentimentLabel(score),
      sentimentScore: score,
      urgency: turn.signals.urgency,
      products: aggregate.products,
      lead: aggregate.purchaseSignals.length > 0,
      data: json({ ...((existing?.data as object) ?? {}), aggregate }),
    };
    if (existing) return this.repo.updateInteraction(tx, existing.id, values);
    return this.repo.createConversationInteraction(tx, turn.tenantId, turn.sessionId, occurredAt, values);
  }
}
