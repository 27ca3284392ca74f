import { Inject, Injectable } from '@nestjs/common';
import type { Actor, RpcRequestOf } from '@parley/contracts';
import type {
  ContactEraseRpc,
  ContactExportRpc,
  ContactGetRpc,
  ContactListRpc,
  ContactMergeRpc,
  InteractionListRpc,
  SessionSummaryGetRpc,
} from '@parley/contracts';
import { createPseudonymizer } from '@parley/llm';
import { readFieldRecords, TenantDb, writeAudit, type TenantTx } from '@parley/persistence';
import { ChatTablesRepository } from '../chat-tables/chat-tables.repository';
import { InsightTablesRepository } from './insight-tables.repository';
import { CrmError } from './crm.error';
import { CrmRepository } from './crm.repository';
import { possibleDuplicateIds, toContactView, toInteractionView, toSummaryView, type ContactRowLike } from './crm-view.mapper';
import { decodeCursor, encodeCursor } from './cursor.util';

type ListContacts = RpcRequestOf<typeof ContactListRpc>;
type GetContact = RpcRequestOf<typeof ContactGetRpc>;
type EraseContact = RpcRequestOf<typeof ContactEraseRpc>;
type ExportContact = RpcRequestOf<typeof ContactExportRpc>;
type MergeContacts = RpcRequestOf<typeof ContactMergeRpc>;
type ListInteractions = RpcRequestOf<typeof InteractionListRpc>;
type GetSummary = RpcRequestOf<typeof SessionSummaryGetRpc>;

const TIMELINE_LIMIT = 100;
const EXPORT_SESSIONS_LIMIT = 500;

function audit(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  action: string,
  targetId: string,
  data: Record<string, number | string>,
): Promise<void> {
  return writeAudit(tx, { tenantId, actor, action, targetType: 'contact', targetId, data });
}

/** The tenant's CRM reads and the data-subject requests (erasure, export). Every call is one tenant's transaction. */
@Injectable()
export class CrmService {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    private readonly repo: CrmRepository,
    private readonly chat: ChatTablesRepository,
    private readonly insights: InsightTablesRepository,
  ) {}

  async listContacts(req: ListContacts) {
    const after = decodeCursor(req.cursor);
    return this.db.run(req.tenantId, async (tx) => {
      const rows = await this.repo.listContacts(tx, { ...req, after });
      const page = rows.slice(0, req.limit);
      const last = page[page.length - 1];
      return {
        version: 1 as const,
        items: await this.contactViews(tx, req.tenantId, page),
        nextCursor: rows.length > req.limit && last ? encodeCursor({ at: last.lastSeenAt, id: last.id }) : null,
      };
    });
  }

  getContact(req: GetContact) {
    return this.db.run(req.tenantId, async (tx) => {
      const row = await this.repo.contact(tx, req.contactId);
      if (!row) throw new CrmError('NOT_FOUND', 'contact not found');
      const timeline = await this.repo.timeline(tx, row.id, TIMELINE_LIMIT);
      const [contact] = await this.contactViews(tx, req.tenantId, [row]);
      return { version: 1 as const, contact, timeline: timeline.map(toInteractionView) };
    });
  }

  /**
   * A staff merge of a possible duplicate into the contact kept: everything moves in one tenant
   * transaction (the contact store's merge, client-insights' session links, the audit row).
   * NOT_FOUND when either contact is not the tenant's, or is gone (a concurrent merge or erasure
   * of the same contact waits for the other and then finds it gone).
   */
  async mergeContacts(req: MergeContacts) {
    if (req.contactId === req.duplicateId) {
      throw new CrmError('VALIDATION', 'a contact cannot be merged into itself', {
        issues: [{ path: 'duplicateId', code: 'custom', message: 'must be another contact than the one kept' }],
      });
    }
    return this.db.run(req.tenantId, async (tx) => {
      const merged = await this.repo.mergeDuplicate(tx, req.tenantId, req.contactId, req.duplicateId);
      if (!merged) throw new CrmError('NOT_FOUND', 'contact not found (unknown, or merged or erased meanwhile)');
      const insightSessions = await this.insights.moveSessions(tx, req.duplicateId, req.contactId);
      await audit(tx, req.tenantId, req.actor, 'contact.merged', req.contactId, {
        duplicateId: req.duplicateId,
        sessions: merged.moved.sessions,
        interactions: merged.moved.interactions,
        summaries: merged.moved.summaries,
        insightSessions,
        carriedOver: merged.carriedOver.join(','),
      });
      const row = await this.repo.contact(tx, req.contactId);
      if (!row) throw new CrmError('NOT_FOUND', 'contact not found');
      const [contact] = await this.contactViews(tx, req.tenantId, [row]);
      return { version: 1 as const, contact, duplicateId: req.duplicateId, moved: merged.moved };
    });
  }

  /** Views of these rows, each naming its possible duplicates by their current values. */
  private async contactViews(tx: TenantTx, tenantId: string, rows: ContactRowLike[]) {
    const refs = await this.repo.contactRefs(tx, tenantId, possibleDuplicateIds(rows));
    const others = new Map(refs.map((ref) => [ref.id, ref]));
    return rows.map((row) => toContactView(row, others));
  }

  async listInteractions(req: ListInteractions) {
    const after = decodeCursor(req.cursor);
    return this.db.run(req.tenantId, async (tx) => {
      const rows = await this.repo.listInteractions(tx, { ...req, after });
      const page = rows.slice(0, req.limit);
      const last = page[page.length - 1];
      return {
        version: 1 as const,
        items: page.map(toInteractionView),
        nextCursor: rows.length > req.limit && last ? encodeCursor({ at: last.occurredAt, id: last.id }) : null,
      };
    });
  }

  getSummary(req: GetSummary) {
    return this.db.run(req.tenantId, async (tx) => {
      const row = await this.repo.summary(tx, req.sessionId);
      if (!row) throw new CrmError('NOT_FOUND', 'no summary for this session (unknown session, or not closed and summarised yet)');
      return { version: 1 as const, summary: toSummaryView(row) };
    });
  }

  /**
   * Right to erasure: the contact row goes, and every message, summary and interaction of
   * their sessions is pseudonymized (their known name, emails and phones, and any email or
   * phone number in the text, replaced by placeholders whose mapping is not kept). Per-message
   * L1b rows that quoted them are deleted. Audited.
   */
  eraseContact(req: EraseContact) {
    return this.db.run(req.tenantId, async (tx) => {
      // Row lock first: a concurrent erase of the same contact waits here, then finds it gone
      // (404) instead of failing on the delete of a row that vanished under it (a 500).
      const contact = await this.repo.lockContact(tx, req.contactId);
      if (!contact) throw new CrmError('NOT_FOUND', 'contact not found');
      const records = readFieldRecords(contact.attributes);
      const names = [contact.name, records.name?.value, ...(records.name?.alternates.map((a) => a.value) ?? [])].filter(
        (n): n is string => !!n,
      );
      const pseudonymizer = createPseudonymizer({ names: [...new Set(names)] });
      const extra = [
        contact.email,
        contact.phone,
        ...(records.email?.alternates ?? []).map((a) => a.value),
        ...(records.phone?.alternates ?? []).map((a) => a.value),
      ].filter((v): v is string => !!v);
      const scrub = (text: string) => extra.reduce((t, value) => t.split(value).join('[REDACTED]'), pseudonymizer.pseudonymize(text));

      const sessionIds = await this.chat.sessionIdsOfContact(tx, contact.id);
      const messages = await this.chat.messagesOfSessions(tx, sessionIds);
      let changed = 0;
      for (const m of messages) {
        const scrubbed = scrub(m.content);
        if (scrubbed !== m.content) {
          await this.chat.rewriteMessageContent(tx, m.id, scrubbed);
          changed += 1;
        }
      }
      await this.chat.deleteL1bSignals(tx, sessionIds);
      const summaries = await this.repo.summariesOfSessions(tx, sessionIds);
      for (const s of summaries) await this.repo.scrubSummary(tx, s.id, scrub(s.summary));
      const interactions = await this.repo.interactionSummariesOfContact(tx, contact.id);
      for (const i of interactions) await this.repo.scrubInteraction(tx, i.id, scrub(i.summary));
      await this.chat.detachSessions(tx, sessionIds);
      // No trace in the aggregates either: the L3 session link goes, and any term, rollup or
      // alert that quotes the contact's name, email or phone is removed or rewritten.
      const needles = [
        ...new Set([
          ...names,
          ...names.flatMap((n) => n.split(/\s+/)).filter((w) => w.length >= 4),
          ...extra,
          ...extra.map((v) => v.replace(/^\+/, '')),
        ]),
      ];
      await this.insights.detachSessions(tx, contact.id);
      await this.insights.deleteTermsQuoting(tx, needles);
      await this.insights.scrubRollupsAndAlerts(tx, needles);
      if (!(await this.repo.deleteContact(tx, contact.id))) throw new CrmError('NOT_FOUND', 'contact not found');
      await audit(tx, req.tenantId, req.actor, 'contact.erased', contact.id, {
        sessions: sessionIds.length,
        messagesPseudonymized: changed,
      });
      return { version: 1 as const, contactId: contact.id, messagesPseudonymized: changed, sessions: sessionIds.length };
    });
  }

  /** Right of access: everything held about the contact, audited. */
  exportContact(req: ExportContact) {
    return this.db.run(req.tenantId, async (tx) => {
      const contact = await this.repo.contact(tx, req.contactId);
      if (!contact) throw new CrmError('NOT_FOUND', 'contact not found');
      // One after the other: queries issued together on one transaction's connection queue inside
      // pg and trigger its "already executing" deprecation (an error from pg 9).
      const interactions = await this.repo.interactionsOfContact(tx, contact.id);
      const sessions = await this.chat.sessionsForExport(tx, contact.id, EXPORT_SESSIONS_LIMIT);
      await audit(tx, req.tenantId, req.actor, 'contact.exported', contact.id, { sessions: sessions.length });
      return {
        version: 1 as const,
        exportedAt: new Date().toISOString(),
        contact: (await this.contactViews(tx, req.tenantId, [contact]))[0],
        interactions: interactions.map(toInteractionView),
        sessions: sessions.map((s) => ({
          id: s.id,
          startedAt: s.startedAt.toISOString(),
          closedAt: s.closedAt?.toISOString() ?? null,
          messages: s.messages.map((m) => ({ id: m.id, role: m.role, content: m.content, createdAt: m.createdAt.toISOString() })),
          summary: s.summary?.summary ?? null,
        })),
      };
    });
  }
}
