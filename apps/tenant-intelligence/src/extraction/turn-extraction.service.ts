import { Inject, Injectable } from '@nestjs/common';
import { CONSUMERS, countryForTimeZone, IntelMessageExtractedEvent, type ChatTurnCompleted } from '@parley/contracts';
import { MicroBatcher, PermanentError, settleByGroup, toOutboxMessage, type ConsumerMessageMeta } from '@parley/messaging';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { TenantDb, type ContactObservation, type OutboxMessageInput, type PgTx } from '@parley/persistence';
import { extractMessage, type Extraction } from '@parley/signals';
import { randomUUID } from 'node:crypto';
import {
  ChatTablesRepository,
  type ChatSessionRef,
  type InteractionColumns,
  type InteractionWrite,
  type NewSignalRow,
} from '../chat-tables/chat-tables.repository';
import { TenantSettingsCache } from '../tenants/tenant-settings.cache';
import { CatalogueTermsCache, catalogueTerms, MAX_CATALOGUE_TERMS } from './catalogue-terms.cache';
import { L1B_SOURCE } from './extraction.constants';
import { ExtractionRepository, type InteractionRecord } from './extraction.repository';
import { mergeLlmExtraction } from './llm-extraction.mapper';
import {
  foldExtraction,
  leadScore,
  meanSentiment,
  readAggregate,
  sentimentLabel,
  type InteractionAggregate,
} from './interaction-aggregate.calculator';
import { ModelExtractionService } from './model-extraction.service';
import type { LlmExtraction } from './llm-extraction.mapper';
import { mergePreferences, readPreferences } from './preferences.util';
import { lateFlagWrites } from './late-flag.mapper';
import { SecondOpinionMetrics } from './second-opinion.metrics';
import { compareWithInline, type SecondOpinion } from './second-opinion.rules';

const CONSUMER = CONSUMERS.tenantIntelligence.durable;
/** The most turns extracted in one batch (one tenant transaction each per tenant). */
export const EXTRACTION_MAX_BATCH = 32;

/** A turn waiting for its batch: the model's part is done, the database part is batched. */
interface PendingTurn {
  turn: ChatTurnCompleted;
  messageKey: string;
  llm: LlmExtraction | null;
}

/**
 * What the turns of a tenant's batch share. Read once per batch: the catalogue, the locale, the
 * batch's sessions, their conversation interactions and latest earlier extractions (one
 * statement); kept up to date as each turn changes them (a later turn of a session in the same
 * batch sees what an earlier one did, as it would one transaction later). Written in one
 * statement at the end of the batch: the l1b signal rows, the conversation interactions as the
 * batch leaves them and the outbox rows; before a turn resolves its contact (which may merge
 * contacts and move their interactions), what is pending is written first.
 */
interface BatchContext {
  terms: string[];
  country: string | undefined;
  sessions: Map<string, ChatSessionRef>;
  interactions: Map<string, InteractionRecord>;
  /** The latest extraction of each session: from earlier batches, then from this one. */
  previous: Map<string, Extraction>;
  signals: NewSignalRow[];
  outbox: OutboxMessageInput[];
  /** Conversation interactions changed by the batch and not written yet, by session id. */
  pendingInteractions: Map<string, InteractionWrite>;
}

const DUPLICATE: TurnExtractionOutcome = { status: 'duplicate', contactId: null, interactionId: null, method: null, secondOpinions: [] };

export interface TurnExtractionOutcome {
  status: 'extracted' | 'duplicate';
  contactId: string | null;
  interactionId: string | null;
  method: 'deterministic' | 'llm' | null;
  /** The model's second opinion on urgency and safety (empty without a model, or when it gave none). */
  secondOpinions: SecondOpinion[];
}

/** A value as the JSON it is stored as (Dates as ISO strings, undefined members dropped). */
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** message_signals rows (source l1b) for one customer message (their data is serialized once, with the batch's writes). */
function signalRows(turn: ChatTurnCompleted, extraction: Extraction) {
  const base = { tenantId: turn.tenantId, messageId: turn.userMessageId, sessionId: turn.sessionId, source: L1B_SOURCE };
  const rows: NewSignalRow[] = [
    { ...base, kind: 'extraction', label: 'v1', score: null, data: extraction },
    { ...base, kind: 'intent', label: extraction.intent.label, score: extraction.intent.confidence, data: {} },
    { ...base, kind: 'sentiment', label: extraction.sentiment.label, score: extraction.sentiment.score, data: {} },
  ];
  for (const s of extraction.purchaseSignals)
    rows.push({ ...base, kind: 'purchase_signal', label: s.kind, score: s.confidence, data: { evidence: s.evidence } });
  for (const c of extraction.contacts) {
    rows.push({
      ...base,
      kind: 'entity',
      label: `${c.field}:${c.value}`.slice(0, 200),
      score: c.confidence,
      data: { owner: c.owner, relation: c.relation ?? null, correction: c.correction },
    });
  }
  for (const p of extraction.products)
    rows.push({
      ...base,
      kind: 'product',
      label: p.term.toLowerCase().slice(0, 200),
      score: p.confidence,
      data: { source: p.source },
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
 * evt.intel.message_extracted, in a tenant transaction guarded by processed_events, so a
 * redelivered event changes nothing.
 *
 * The model's part runs per event, before any transaction. The database part of the turns
 * handled at the same time is batched (MicroBatcher): one transaction per tenant per batch
 * (node-postgres, tenant set by TenantDb.transaction, so RLS holds per tenant; each statement
 * bounded by the pool's statement_timeout), one processed_events statement for the
 * batch's ids, the tenant's contact lock, catalogue and locale taken once, then each turn in
 * arrival order. Each event settles (and is acked) only after its batch committed; a tenant's
 * batch that fails is retried turn by turn, so a bad event fails alone.
 */
@Injectable()
export class TurnExtractionService {
  private readonly catalogue = new CatalogueTermsCache();
  private readonly logger: Logger;
  private readonly batcher = new MicroBatcher<PendingTurn, TurnExtractionOutcome>({
    maxBatch: EXTRACTION_MAX_BATCH,
    run: (items) =>
      settleByGroup(
        items,
        (i) => i.turn.tenantId,
        (group, tenantId) => this.extractBatch(tenantId, group),
      ),
  });

  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    private readonly repo: ExtractionRepository,
    private readonly chat: ChatTablesRepository,
    @Inject(SERVICE_LOGGER) logger: Logger,
    /** The model-assisted part (always provided in the app); without it, L1b is deterministic only. */
    private readonly model?: ModelExtractionService,
    private readonly secondOpinionMetrics?: SecondOpinionMetrics,
    /** The tenant's country and time zone, kept in memory (the app); without it they are read once per batch. */
    private readonly tenants?: TenantSettingsCache,
  ) {
    this.logger = logger.child({ component: 'l1b' });
  }

  async handle(
    turn: ChatTurnCompleted,
    meta: Pick<ConsumerMessageMeta, 'msgId'> & { signal?: AbortSignal },
  ): Promise<TurnExtractionOutcome> {
    const messageKey = meta.msgId ?? `turn:${turn.turnId}`;
    // The model call happens before the transaction, so no transaction waits on a model.
    const llm = this.model ? await this.model.extract(turn, meta.signal) : null;
    const outcome = await this.batcher.submit({ turn, messageKey, llm });
    // Counted once the transaction committed (a redelivered event is a duplicate and counts nothing).
    this.secondOpinionMetrics?.count(outcome.secondOpinions);
    if (outcome.secondOpinions.some((o) => o.outcome === 'model_only'))
      this.logger.info(
        { tenantId: turn.tenantId, sessionId: turn.sessionId, late: outcome.secondOpinions.filter((o) => o.outcome === 'model_only') },
        'late flag raised by the second opinion',
      );
    return outcome;
  }

  /** One tenant's turns of a batch, in one transaction; outcomes in the same order. */
  private extractBatch(tenantId: string, items: PendingTurn[]): Promise<TurnExtractionOutcome[]> {
    return this.db.transaction(tenantId, async (tx) => {
      const fresh = await this.repo.markProcessed(
        tx,
        CONSUMER,
        items.map((i) => i.messageKey),
      );
      if (fresh.size === 0) return items.map(() => DUPLICATE);
      // Before reading the sessions' contacts and earlier claims: another transaction extracting
      // turns of the tenant must not change them between these reads and the resolves.
      await this.repo.lockContacts(tx, tenantId);
      const terms = await this.catalogue.get(tenantId, async () =>
        catalogueTerms(await this.repo.catalogueSources(tx, tenantId, MAX_CATALOGUE_TERMS)),
      );
      const country = await this.country(tx, tenantId);
      const todo = items.filter((i) => fresh.has(i.messageKey));
      const sessionIds = [...new Set(todo.map((i) => i.turn.sessionId))];
      const state = await this.chat.l1bBatchReads(
        tx,
        sessionIds,
        todo.map((i) => i.turn.userMessageId),
      );
      const context: BatchContext = {
        terms,
        country,
        sessions: new Map(state.sessions.map((s) => [s.id, s])),
        interactions: state.interactions,
        previous: state.previous as Map<string, Extraction>,
        signals: [],
        outbox: [],
        pendingInteractions: new Map(),
      };
      const outcomes: TurnExtractionOutcome[] = [];
      for (const item of items) {
        // The first of two deliveries of one id in the same batch is extracted, the second is a duplicate.
        outcomes.push(fresh.delete(item.messageKey) ? await this.extractOne(tx, item, context) : DUPLICATE);
      }
      await this.flush(tx, context);
      return outcomes;
    });
  }

  /** The country local phone numbers are read in: the tenant's, else its time zone's. */
  private async country(tx: PgTx, tenantId: string): Promise<string | undefined> {
    if (this.tenants) return (await this.tenants.runtime(tenantId))?.config.country ?? undefined;
    const locale = await this.repo.tenantLocale(tx, tenantId);
    return locale?.country ?? countryForTimeZone(locale?.timezone) ?? undefined;
  }

  /** Writes what the batch has pending (signals, interactions, outbox) in one statement. */
  private async flush(tx: PgTx, batch: BatchContext): Promise<void> {
    await this.chat.writeL1bBatch(tx, {
      signals: batch.signals,
      interactions: [...batch.pendingInteractions.values()],
      outbox: batch.outbox,
    });
    batch.signals = [];
    batch.outbox = [];
    batch.pendingInteractions.clear();
  }

  private async extractOne(tx: PgTx, { turn, llm }: PendingTurn, batch: BatchContext): Promise<TurnExtractionOutcome> {
    const session = batch.sessions.get(turn.sessionId);
    if (!session) throw new PermanentError(`session ${turn.sessionId} not found for tenant ${turn.tenantId}`, 'NOT_FOUND');
    const { terms, country } = batch;
    const previous = batch.previous.get(turn.sessionId);
    const deterministic = extractMessage(turn.userText, { catalogueTerms: terms, previous, ...(country ? { country } : {}) });
    const extraction = llm ? mergeLlmExtraction(turn.userText, deterministic, llm, country) : deterministic;
    const method = llm ? ('llm' as const) : ('deterministic' as const);
    const occurredAt = new Date(turn.occurredAt);
    batch.previous.set(turn.sessionId, extraction);

    const existing = batch.interactions.get(turn.sessionId) ?? null;
    const contactId = await this.updateContact(tx, turn, session, extraction, occurredAt, existing, batch);
    const interaction = this.updateInteraction(turn, contactId, extraction, occurredAt, existing, batch.pendingInteractions);
    batch.interactions.set(turn.sessionId, { id: interaction.id, data: interaction.data });
    // The model's second opinion: a flag the inline pass missed is stored late and told to staff.
    const secondOpinions = llm?.risk ? compareWithInline(turn.signals, llm.risk) : [];
    const late = lateFlagWrites(turn, secondOpinions);
    batch.signals.push(...signalRows(turn, extraction), ...late.rows);
    batch.outbox.push(...late.notifications);

    const aggregate = readAggregate(interaction.data);
    batch.outbox.push(
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
    return { status: 'extracted', contactId, interactionId: interaction.id, method, secondOpinions };
  }

  private async updateContact(
    tx: PgTx,
    turn: ChatTurnCompleted,
    session: ChatSessionRef,
    extraction: Extraction,
    observedAt: Date,
    interaction: InteractionRecord | null,
    /** The batch: its sessions kept in step with the links and merges made here. */
    batch: BatchContext,
  ): Promise<string | null> {
    const { sessions } = batch;
    const fields: ContactObservation['fields'] = {};
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
      // A merge moves the merged contacts' interactions: the batch's own must be in the table first.
      if (batch.pendingInteractions.size > 0) await this.flush(tx, batch);
      // The session's contact is matched first; what the visitor said earlier in the session
      // (their latest name and email) is checked against a contact matched by phone alone.
      const resolved = await this.repo.resolveContact(tx, {
        tenantId: turn.tenantId,
        externalUserId: session.externalUserId,
        sessionContactId: session.contactId,
        claims: sessionClaims(readAggregate(interaction?.data)),
        fields,
        observedAt,
      });
      if (resolved?.conflicts?.length)
        this.logger.info(
          { tenantId: turn.tenantId, contactId: resolved.id, conflicts: resolved.conflicts.length },
          'identity conflict: kept apart',
        );
      contactId = resolved?.id ?? contactId;
      // A merge moved the merged contacts' sessions to the kept contact (mergeInto).
      if (resolved?.mergedContactIds.length)
        for (const [id, s] of sessions)
          if (s.contactId && resolved.mergedContactIds.includes(s.contactId)) sessions.set(id, { ...s, contactId: resolved.id });
    }
    if (!contactId) return null;
    if (session.contactId !== contactId) {
      await this.chat.linkSessionToContact(tx, session.id, contactId);
      sessions.set(session.id, { ...session, contactId });
    }
    if (extraction.preferences.length > 0) {
      const attributes = ((await this.repo.contactAttributes(tx, contactId)) ?? {}) as Record<string, unknown>;
      const preferences = mergePreferences(readPreferences(attributes), extraction.preferences, turn.userMessageId);
      await this.repo.setContactAttributes(tx, contactId, json({ ...attributes, preferences }) as Record<string, unknown>);
    }
    return contactId;
  }

  /** The session's conversation interaction after this turn, pending until the batch writes it (a new one gets its id here). */
  private updateInteraction(
    turn: ChatTurnCompleted,
    contactId: string | null,
    extraction: Extraction,
    occurredAt: Date,
    existing: InteractionRecord | null,
    pending: Map<string, InteractionWrite>,
  ): InteractionRecord {
    const aggregate = foldExtraction(readAggregate(existing?.data), turn.userMessageId, extraction);
    const score = meanSentiment(aggregate);
    const values: InteractionColumns = {
      contactId,
      intent: aggregate.intent,
      sentiment: sentimentLabel(score),
      sentimentScore: score,
      urgency: turn.signals.urgency,
      products: aggregate.products,
      lead: aggregate.purchaseSignals.length > 0,
      data: json({ ...((existing?.data as object) ?? {}), aggregate }),
    };
    // Created earlier in this batch and not written yet: still a creation, with the latest values.
    const before = pending.get(turn.sessionId);
    const create = existing ? (before?.create ?? null) : { tenantId: turn.tenantId, sessionId: turn.sessionId, occurredAt };
    const id = existing?.id ?? randomUUID();
    pending.set(turn.sessionId, { ...values, id, create });
    return { id, data: values.data };
  }
}
