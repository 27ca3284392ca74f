import type { Actor, RpcRequestOf } from '@parley/contracts';
import type { ContactEraseRpc, ContactExportRpc, ContactGetRpc, ContactListRpc, InteractionListRpc, SessionSummaryGetRpc } from '@parley/contracts';
import { createPseudonymizer } from '@parley/llm';
import { readFieldRecords, type Prisma, type TenantDb, type TenantTx } from '@parley/persistence';
import { CONVERSATION_INTERACTION, L1B_SOURCE } from '../extraction/turn-extraction.service';
import { CrmError } from './crm.error';
import { toContactView, toInteractionView, toSummaryView } from './crm-views';
import { decodeCursor, encodeCursor } from './cursor';

type ListContacts = RpcRequestOf<typeof ContactListRpc>;
type GetContact = RpcRequestOf<typeof ContactGetRpc>;
type EraseContact = RpcRequestOf<typeof ContactEraseRpc>;
type ExportContact = RpcRequestOf<typeof ContactExportRpc>;
type ListInteractions = RpcRequestOf<typeof InteractionListRpc>;
type GetSummary = RpcRequestOf<typeof SessionSummaryGetRpc>;

const TIMELINE_LIMIT = 100;
const EXPORT_SESSIONS_LIMIT = 500;

async function audit(tx: TenantTx, tenantId: string, actor: Actor, action: string, targetId: string, data: Record<string, unknown>): Promise<void> {
  await tx.auditLog.create({
    data: { tenantId, actorType: actor.type, actorId: actor.id, action, targetType: 'contact', targetId, data: data as Prisma.InputJsonValue },
  });
}

/** The tenant's CRM reads and the data-subject requests (erasure, export). Every call is one tenant's transaction. */
export class CrmService {
  constructor(private readonly db: TenantDb) {}

  async listContacts(req: ListContacts) {
    const after = decodeCursor(req.cursor);
    return this.db.run(req.tenantId, async (tx) => {
      const where: Prisma.TenantContactWhereInput = { tenantId: req.tenantId };
      const and: Prisma.TenantContactWhereInput[] = [];
      if (req.search) {
        const q = req.search;
        and.push({ OR: [{ name: { contains: q, mode: 'insensitive' } }, { email: { contains: q, mode: 'insensitive' } }, { phone: { contains: q.replace(/\s+/g, '') } }] });
      }
      if (req.seenSince) and.push({ lastSeenAt: { gte: new Date(req.seenSince) } });
      if (req.intent || req.lead !== undefined) {
        and.push({ interactions: { some: { ...(req.intent ? { intent: req.intent } : {}), ...(req.lead !== undefined ? { lead: req.lead } : {}) } } });
      }
      if (after) and.push({ OR: [{ lastSeenAt: { lt: after.at } }, { lastSeenAt: after.at, id: { lt: after.id } }] });
      if (and.length > 0) where.AND = and;
      const rows = await tx.tenantContact.findMany({
        where,
        orderBy: [{ lastSeenAt: 'desc' }, { id: 'desc' }],
        take: req.limit + 1,
        include: { _count: { select: { interactions: true } } },
      });
      const page = rows.slice(0, req.limit);
      const last = page[page.length - 1];
      return {
        version: 1 as const,
        items: page.map(toContactView),
        nextCursor: rows.length > req.limit && last ? encodeCursor({ at: last.lastSeenAt, id: last.id }) : null,
      };
    });
  }

  getContact(req: GetContact) {
    return this.db.run(req.tenantId, async (tx) => {
      const row = await tx.tenantContact.findUnique({ where: { id: req.contactId }, include: { _count: { select: { interactions: true } } } });
      if (!row) throw new CrmError('NOT_FOUND', 'contact not found');
      const timeline = await tx.tenantInteraction.findMany({ where: { contactId: row.id }, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], take: TIMELINE_LIMIT });
      return { version: 1 as const, contact: toContactView(row), timeline: timeline.map(toInteractionView) };
    });
  }

  async listInteractions(req: ListInteractions) {
    const after = decodeCursor(req.cursor);
    return this.db.run(req.tenantId, async (tx) => {
      const where: Prisma.TenantInteractionWhereInput = { tenantId: req.tenantId, kind: CONVERSATION_INTERACTION };
      if (req.contactId) where.contactId = req.contactId;
      if (req.intent) where.intent = req.intent;
      if (req.lead !== undefined) where.lead = req.lead;
      if (after) where.OR = [{ occurredAt: { lt: after.at } }, { occurredAt: after.at, id: { lt: after.id } }];
      const rows = await tx.tenantInteraction.findMany({ where, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], take: req.limit + 1 });
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
      const row = await tx.sessionSummary.findUnique({ where: { sessionId: req.sessionId } });
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
      await tx.$queryRaw`SELECT id FROM tenant_contacts WHERE id = ${req.contactId}::uuid FOR UPDATE`;
      const contact = await tx.tenantContact.findUnique({ where: { id: req.contactId } });
      if (!contact) throw new CrmError('NOT_FOUND', 'contact not found');
      const records = readFieldRecords(contact.attributes);
      const names = [contact.name, records.name?.value, ...(records.name?.alternates.map((a) => a.value) ?? [])].filter((n): n is string => !!n);
      const pseudonymizer = createPseudonymizer({ names: [...new Set(names)] });
      const extra = [contact.email, contact.phone, ...(records.email?.alternates ?? []).map((a) => a.value), ...(records.phone?.alternates ?? []).map((a) => a.value)].filter(
        (v): v is string => !!v,
      );
      const scrub = (text: string) => extra.reduce((t, value) => t.split(value).join('[REDACTED]'), pseudonymizer.pseudonymize(text));

      const sessions = await tx.chatSession.findMany({ where: { contactId: contact.id }, select: { id: true } });
      const sessionIds = sessions.map((s) => s.id);
      const messages = await tx.chatMessage.findMany({ where: { sessionId: { in: sessionIds } }, select: { id: true, content: true } });
      let changed = 0;
      for (const m of messages) {
        const scrubbed = scrub(m.content);
        if (scrubbed !== m.content) {
          await tx.chatMessage.update({ where: { id: m.id }, data: { content: scrubbed } });
          changed += 1;
        }
      }
      await tx.messageSignal.deleteMany({ where: { sessionId: { in: sessionIds }, source: L1B_SOURCE } });
      const summaries = await tx.sessionSummary.findMany({ where: { sessionId: { in: sessionIds } }, select: { id: true, summary: true } });
      for (const s of summaries) await tx.sessionSummary.update({ where: { id: s.id }, data: { summary: scrub(s.summary), contactId: null } });
      const interactions = await tx.tenantInteraction.findMany({ where: { contactId: contact.id }, select: { id: true, summary: true } });
      for (const i of interactions) await tx.tenantInteraction.update({ where: { id: i.id }, data: { summary: scrub(i.summary), data: {}, contactId: null } });
      await tx.chatSession.updateMany({ where: { id: { in: sessionIds } }, data: { externalUserId: null, contactId: null } });
      await tx.tenantContact.delete({ where: { id: contact.id } });
      await audit(tx, req.tenantId, req.actor, 'contact.erased', contact.id, { sessions: sessionIds.length, messagesPseudonymized: changed });
      return { version: 1 as const, contactId: contact.id, messagesPseudonymized: changed, sessions: sessionIds.length };
    });
  }

  /** Right of access: everything held about the contact, audited. */
  exportContact(req: ExportContact) {
    return this.db.run(req.tenantId, async (tx) => {
      const contact = await tx.tenantContact.findUnique({ where: { id: req.contactId }, include: { _count: { select: { interactions: true } } } });
      if (!contact) throw new CrmError('NOT_FOUND', 'contact not found');
      const [interactions, sessions] = await Promise.all([
        tx.tenantInteraction.findMany({ where: { contactId: contact.id }, orderBy: { occurredAt: 'asc' } }),
        tx.chatSession.findMany({
          where: { contactId: contact.id },
          orderBy: { startedAt: 'asc' },
          take: EXPORT_SESSIONS_LIMIT,
          include: {
            messages: { orderBy: [{ createdAt: 'asc' }, { role: 'asc' }], select: { id: true, role: true, content: true, createdAt: true } },
            summary: { select: { summary: true } },
          },
        }),
      ]);
      await audit(tx, req.tenantId, req.actor, 'contact.exported', contact.id, { sessions: sessions.length });
      return {
        version: 1 as const,
        exportedAt: new Date().toISOString(),
        contact: toContactView(contact),
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
