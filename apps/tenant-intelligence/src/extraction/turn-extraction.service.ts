import { CONSUMERS, IntelMessageExtractedEvent, type ChatTurnCompleted } from '@parley/contracts';
import { PermanentError, toOutboxMessage, type ConsumerMessageMeta } from '@parley/messaging';
import type { Logger } from '@parley/observability';
import { completeStructured, type LlmRouter } from '@parley/llm';
import { enqueueOutbox, loadTenantRuntime, markProcessed, resolveContact, type Db, type Prisma, type TenantDb, type TenantTx } from '@parley/persistence';
import { extractMessage, type Extraction } from '@parley/signals';
import { CatalogueTermsCache, readCatalogueTerms } from './catalogue-terms';
import { LLM_EXTRACTION_SYSTEM_PROMPT, llmExtractionSchema, mergeLlmExtraction, type LlmExtraction } from './llm-extraction';
import { foldExtraction, leadScore, meanSentiment, readAggregate, sentimentLabel } from './interaction-aggregate';
import { mergePreferences, readPreferences } from './preferences';

export const CONVERSATION_INTERACTION = 'conversation';
export const L1B_SOURCE = 'l1b';
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
  const rows: Prisma.MessageSignalCreateManyInput[] = [
    { ...base, kind: 'extraction', label: 'v1', score: null, data: json(extraction) },
    { ...base, kind: 'intent', label: extraction.intent.label, score: extraction.intent.confidence, data: {} },
    { ...base, kind: 'sentiment', label: extraction.sentiment.label, score: extraction.sentiment.score, data: {} },
  ];
  for (const s of extraction.purchaseSignals) rows.push({ ...base, kind: 'purchase_signal', label: s.kind, score: s.confidence, data: json({ evidence: s.evidence }) });
  for (const c of extraction.contacts) {
    rows.push({ ...base, kind: 'entity', label: `${c.field}:${c.value}`.slice(0, 200), score: c.confidence, data: json({ owner: c.owner, relation: c.relation ?? null, correction: c.correction }) });
  }
  for (const p of extraction.products) rows.push({ ...base, kind: 'product', label: p.term.toLowerCase().slice(0, 200), score: p.confidence, data: json({ source: p.source }) });
  return rows;
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
  ) {}

  async handle(turn: ChatTurnCompleted, meta: Pick<ConsumerMessageMeta, 'msgId'> & { signal?: AbortSignal }): Promise<TurnExtractionOutcome> {
    const messageKey = meta.msgId ?? `turn:${turn.turnId}`;
    // The model call happens before the transaction, so no transaction waits on a model.
    const llm = await this.modelExtraction(turn, meta.signal);
    return this.db.run(turn.tenantId, async (tx) => {
      if (!(await markProcessed(tx, CONSUMER, messageKey))) return { status: 'duplicate', contactId: null, interactionId: null, method: null };
      const session = await tx.chatSession.findUnique({ where: { id: turn.sessionId }, select: { id: true, externalUserId: true, contactId: true } });
      if (!session) throw new PermanentError(`session ${turn.sessionId} not found for tenant ${turn.tenantId}`, 'NOT_FOUND');

      const catalogueTerms = await this.catalogue.get(turn.tenantId, () => readCatalogueTerms(tx, turn.tenantId));
      const previous = await this.previousExtraction(tx, turn);
      const deterministic = extractMessage(turn.userText, { catalogueTerms, previous });
      const extraction = llm ? mergeLlmExtraction(turn.userText, deterministic, llm) : deterministic;
      const method = llm ? ('llm' as const) : ('deterministic' as const);
      const occurredAt = new Date(turn.occurredAt);

      const contactId = await this.updateContact(tx, turn, session, extraction, occurredAt);
      const interaction = await this.updateInteraction(tx, turn, contactId, extraction, occurredAt);
      await tx.messageSignal.createMany({ data: signalRows(turn, extraction), skipDuplicates: true });

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
      this.logger.debug({ tenantId: turn.tenantId, sessionId: turn.sessionId, contactId, intent: extraction.intent.label }, 'turn extracted');
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
      this.logger.warn({ err, tenantId: turn.tenantId, turnId: turn.turnId }, 'model extraction failed; using the deterministic extraction alone');
      return null;
    }
  }

  private async previousExtraction(tx: TenantTx, turn: ChatTurnCompleted): Promise<Extraction | undefined> {
    const row = await tx.messageSignal.findFirst({
      where: { sessionId: turn.sessionId, source: L1B_SOURCE, kind: 'extraction', messageId: { not: turn.userMessageId } },
      orderBy: { createdAt: 'desc' },
      select: { data: true },
    });
    return (row?.data as Extraction | undefined) ?? undefined;
  }

  private async updateContact(
    tx: TenantTx,
    turn: ChatTurnCompleted,
    session: { id: string; externalUserId: string | null; contactId: string | null },
    extraction: Extraction,
    observedAt: Date,
  ): Promise<string | null> {
    const fields: Parameters<typeof resolveContact>[1]['fields'] = {};
    for (const field of ['name', 'email', 'phone'] as const) {
      const mention = extraction.customer[field];
      if (mention) fields[field] = { value: mention.value, sourceMessageId: turn.userMessageId, confidence: mention.confidence, correction: mention.correction };
    }
    let contactId = session.contactId;
    if (Object.keys(fields).length > 0 || session.externalUserId) {
      // The session's known contact links this message to it even when the message names no identifier.
      const current = contactId ? await tx.tenantContact.findUnique({ where: { id: contactId }, select: { email: true, phone: true } }) : null;
      const resolved = await resolveContact(tx, {
        tenantId: turn.tenantId,
        externalUserId: session.externalUserId,
        email: current?.email ?? null,
        phone: current?.phone ?? null,
        fields,
        observedAt,
      });
      contactId = resolved?.id ?? contactId;
    }
    if (!contactId) return null;
    if (session.contactId !== contactId) await tx.chatSession.update({ where: { id: session.id }, data: { contactId } });
    if (extraction.preferences.length > 0) {
      const contact = await tx.tenantContact.findUnique({ where: { id: contactId }, select: { attributes: true } });
      const attributes = (contact?.attributes ?? {}) as Record<string, unknown>;
      const preferences = mergePreferences(readPreferences(attributes), extraction.preferences, turn.userMessageId);
      await tx.tenantContact.update({ where: { id: contactId }, data: { attributes: json({ ...attributes, preferences }) } });
    }
    return contactId;
  }

  private async updateInteraction(tx: TenantTx, turn: ChatTurnCompleted, contactId: string | null, extraction: Extraction, occurredAt: Date) {
    const existing = await tx.tenantInteraction.findUnique({
      where: { sessionId_kind: { sessionId: turn.sessionId, kind: CONVERSATION_INTERACTION } },
    });
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
    if (existing) return tx.tenantInteraction.update({ where: { id: existing.id }, data: values });
    return tx.tenantInteraction.create({
      data: { ...values, tenantId: turn.tenantId, sessionId: turn.sessionId, kind: CONVERSATION_INTERACTION, occurredAt },
    });
  }
}
