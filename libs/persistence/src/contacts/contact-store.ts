import type { TenantTx } from '../client/prisma.types';
import type { Prisma } from '../generated/prisma/client';
import {
  applyObservation,
  CONTACT_FIELDS,
  mergeFieldRecords,
  readFieldRecords,
  type ContactFieldRecords,
  type FieldObservation,
} from './contact-fields';
import { decideIdentity, type IdentityConflict } from './identity-policy';

// Identity resolution for tenant_contacts: one contact per person per tenant, matched by
// external user id, email or phone; two contacts are merged when one observation links them.
// Runs inside TenantDb.run (RLS), under a per-tenant transaction advisory lock so concurrent
// resolutions for one tenant cannot create duplicates or race a merge.

export interface ContactIdentifiers {
  externalUserId?: string | null;
  /** Lower-cased by the store. */
  email?: string | null;
  /** E.164. */
  phone?: string | null;
}

export interface ContactObservation extends ContactIdentifiers {
  tenantId: string;
  /** The contact the session is already linked to: the strongest match after none. */
  sessionContactId?: string | null;
  /**
   * What the visitor said earlier in the session (latest name, email): checked against a contact
   * matched by phone alone, so a shared number never silently joins two people.
   */
  claims?: { name?: string | null; email?: string | null };
  fields: Partial<Record<'name' | 'email' | 'phone', Omit<FieldObservation, 'observedAt'>>>;
  observedAt: Date;
}

export interface ResolvedContact {
  id: string;
  externalUserId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  created: boolean;
  /** Contacts merged into this one by this observation (their rows are gone). */
  mergedContactIds: string[];
  /** Contacts that matched an identifier but were kept apart because a field conflicts. */
  conflicts?: IdentityConflict[];
}

interface ContactRow {
  id: string;
  external_user_id: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  attributes: unknown;
  created_at: Date;
}

const normaliseEmail = (email: string | null | undefined) => (email ? email.trim().toLowerCase() : null);
const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.length > 0;

async function lockTenantContacts(tx: TenantTx, tenantId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`contacts:${tenantId}`}))::text`;
}

async function findMatching(
  tx: TenantTx,
  tenantId: string,
  ids: ContactIdentifiers,
  sessionContactId: string | null,
): Promise<ContactRow[]> {
  const ext = present(ids.externalUserId) ? ids.externalUserId : null;
  const email = normaliseEmail(ids.email);
  const phone = present(ids.phone) ? ids.phone : null;
  if (!ext && !email && !phone && !sessionContactId) return [];
  return tx.$queryRaw<ContactRow[]>`
    SELECT id::text, external_user_id, name, email, phone, attributes, created_at
      FROM tenant_contacts
     WHERE tenant_id = ${tenantId}::uuid
       AND ((${sessionContactId}::text IS NOT NULL AND id = ${sessionContactId}::uuid)
         OR (${ext}::text IS NOT NULL AND external_user_id = ${ext})
         OR (${email}::text IS NOT NULL AND email = ${email})
         OR (${phone}::text IS NOT NULL AND phone = ${phone}))
     ORDER BY created_at, id
       FOR UPDATE`;
}

/**
 * Finds the contact an earlier conversation left for these identifiers, without changing
 * anything (returning-customer recognition). Only the tenant of the transaction is searched.
 */
export async function findContact(tx: TenantTx, tenantId: string, ids: ContactIdentifiers): Promise<ResolvedContact | null> {
  const ext = present(ids.externalUserId) ? ids.externalUserId : null;
  const email = normaliseEmail(ids.email);
  const phone = present(ids.phone) ? ids.phone : null;
  if (!ext && !email && !phone) return null;
  const rows = await tx.$queryRaw<ContactRow[]>`
    SELECT id::text, external_user_id, name, email, phone, attributes, created_at
      FROM tenant_contacts
     WHERE tenant_id = ${tenantId}::uuid
       AND ((${ext}::text IS NOT NULL AND external_user_id = ${ext})
         OR (${email}::text IS NOT NULL AND email = ${email})
         OR (${phone}::text IS NOT NULL AND phone = ${phone}))
     ORDER BY (external_user_id = ${ext}) DESC NULLS LAST, created_at
     LIMIT 1`;
  const row = rows[0];
  return row ? toResolved(row, false, []) : null;
}

function toResolved(
  row: Pick<ContactRow, 'id' | 'external_user_id' | 'name' | 'email' | 'phone'>,
  created: boolean,
  merged: string[],
): ResolvedContact {
  return {
    id: row.id,
    externalUserId: row.external_user_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    created,
    mergedContactIds: merged,
  };
}

function winningColumns(records: ContactFieldRecords): { name: string | null; email: string | null; phone: string | null } {
  return { name: records.name?.value ?? null, email: normaliseEmail(records.email?.value), phone: records.phone?.value ?? null };
}

function applyAll(records: ContactFieldRecords, observation: ContactObservation): ContactFieldRecords {
  const next: ContactFieldRecords = { ...records };
  const observedAt = observation.observedAt.toISOString();
  for (const field of CONTACT_FIELDS) {
    const seen = observation.fields[field];
    if (!seen || !present(seen.value)) continue;
    const value = field === 'email' ? (normaliseEmail(seen.value) as string) : seen.value.trim();
    next[field] = applyObservation(next[field], { ...seen, value, observedAt });
  }
  return next;
}

function unionConflicts(identity: unknown, more: IdentityConflict[]): IdentityConflict[] {
  const earlier = (identity as { possibleDuplicates?: unknown } | null)?.possibleDuplicates;
  const list = Array.isArray(earlier) ? (earlier as IdentityConflict[]).filter((c) => typeof c?.contactId === 'string') : [];
  const ids = new Set(more.map((c) => c.contactId));
  return [...more, ...list.filter((c) => !ids.has(c.contactId))].slice(0, 10);
}

/**
 * Moves everything that points at `from` to `into`, then deletes `from`. Its identifiers are
 * carried over only where `into` has none (the caller re-applies field winners afterwards).
 */
async function mergeInto(tx: TenantTx, tenantId: string, into: string, from: string): Promise<void> {
  await tx.chatSession.updateMany({ where: { tenantId, contactId: from }, data: { contactId: into } });
  await tx.tenantInteraction.updateMany({ where: { tenantId, contactId: from }, data: { contactId: into } });
  await tx.sessionSummary.updateMany({ where: { tenantId, contactId: from }, data: { contactId: into } });
  await tx.tenantContact.delete({ where: { id: from } });
}

/**
 * Records what one customer message revealed about who they are. Creates the contact, updates
 * it (corrections win, then confidence), or merges two contacts the observation links.
 * Identifiers used for matching are the observation's own (externalUserId from the session,
 * email/phone the customer gave).
 */
export async function resolveContact(tx: TenantTx, observation: ContactObservation): Promise<ResolvedContact | null> {
  const { tenantId } = observation;
  const ids: ContactIdentifiers = {
    externalUserId: observation.externalUserId,
    email: observation.fields.email?.value ?? observation.email,
    phone: observation.fields.phone?.value ?? observation.phone,
  };
  const hasFields = CONTACT_FIELDS.some((f) => present(observation.fields[f]?.value));
  if (!present(ids.externalUserId) && !present(ids.email) && !present(ids.phone) && !hasFields) return null;

  await lockTenantContacts(tx, tenantId);
  const sessionContactId = present(observation.sessionContactId) ? observation.sessionContactId : null;
  const found = await findMatching(tx, tenantId, ids, sessionContactId);
  const claims = {
    externalUserId: present(observation.externalUserId) ? observation.externalUserId : null,
    name: observation.fields.name?.value?.trim() || observation.claims?.name || null,
    email:
      normaliseEmail(observation.fields.email?.value) ?? normaliseEmail(observation.claims?.email) ?? normaliseEmail(observation.email),
    phone: ids.phone ?? null,
  };
  const decision = decideIdentity(
    found.map((r) => ({ id: r.id, externalUserId: r.external_user_id, name: r.name, email: r.email, phone: r.phone })),
    claims,
    sessionContactId,
  );
  const byId = new Map(found.map((r) => [r.id, r]));
  const matches = [decision.primaryId, ...decision.mergeIds].flatMap((id) => (id ? [byId.get(id) as ContactRow] : []));
  if (matches.length === 0 && !present(ids.externalUserId) && !present(ids.email) && !present(ids.phone)) {
    // A name alone identifies nobody: no contact is created from it.
    return null;
  }

  if (matches.length === 0) {
    const records = applyAll({}, observation);
    const columns = winningColumns(records);
    // Kept apart from a contact that shares a number but not a name or email: recorded so staff
    // can merge them by hand if they are one person. The number stays the other contact's column
    // (a phone is unique per tenant) and is kept here in the field record and as `sharedPhone`.
    const identity = decision.conflicts.length > 0 ? { possibleDuplicates: decision.conflicts, sharedPhone: columns.phone } : undefined;
    if (identity && columns.phone && found.some((r) => r.phone === columns.phone)) columns.phone = null;
    const created = await tx.tenantContact.create({
      data: {
        tenantId,
        externalUserId: present(observation.externalUserId) ? observation.externalUserId : null,
        ...columns,
        attributes: { fields: records, ...(identity ? { identity } : {}) } as unknown as Prisma.InputJsonValue,
        firstSeenAt: observation.observedAt,
        lastSeenAt: observation.observedAt,
      },
    });
    return {
      ...toResolved({ id: created.id, external_user_id: created.externalUserId, ...columns }, true, []),
      conflicts: decision.conflicts,
    };
  }

  const [primary, ...others] = matches as [ContactRow, ...ContactRow[]];
  let records = readFieldRecords(primary.attributes);
  let externalUserId = primary.external_user_id;
  for (const other of others) {
    records = mergeFieldRecords(records, readFieldRecords(other.attributes));
    externalUserId ??= other.external_user_id;
    await mergeInto(tx, tenantId, primary.id, other.id);
  }
  records = applyAll(records, observation);
  if (!externalUserId && present(observation.externalUserId)) externalUserId = observation.externalUserId;
  const columns = winningColumns(records);
  // A number held by a contact kept apart stays in this contact's field record only.
  let sharedPhone: string | null = null;
  if (columns.phone && found.some((r) => r.phone === columns.phone && !matches.includes(r))) {
    sharedPhone = columns.phone;
    columns.phone = primary.phone !== columns.phone ? primary.phone : null;
  }
  const previous = (primary.attributes as Record<string, unknown>) ?? {};
  const attributes: Record<string, unknown> = { ...previous, fields: records };
  if (decision.conflicts.length > 0) {
    attributes.identity = {
      possibleDuplicates: unionConflicts(previous.identity, decision.conflicts),
      ...(sharedPhone ? { sharedPhone } : {}),
    };
  }
  await tx.tenantContact.update({
    where: { id: primary.id },
    data: { ...columns, externalUserId, attributes: attributes as unknown as Prisma.InputJsonValue, lastSeenAt: observation.observedAt },
  });
  return {
    ...toResolved(
      { id: primary.id, external_user_id: externalUserId, ...columns },
      false,
      others.map((o) => o.id),
    ),
    conflicts: decision.conflicts,
  };
}
