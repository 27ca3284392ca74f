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
import { decideIdentity, type IdentityConflict, type MatchedOn } from './identity-policy';

const MATCHED_ON: readonly MatchedOn[] = ['session', 'external_user_id', 'email', 'phone'];
const CONFLICT_FIELDS: readonly IdentityConflict['conflicts'][number][] = ['name', 'email', 'external_user_id'];

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

/**
 * The tenant's contact lock (a transaction advisory lock): resolveContact and the merge take it.
 * A caller that reads what identity resolution depends on (the session's contact, what the
 * visitor said earlier) takes it first, so nothing it read can change before it resolves.
 */
export async function lockTenantContacts(tx: TenantTx, tenantId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`contacts:${tenantId}`}))::text`;
}

/** True when a contact of the tenant other than `except` holds this phone or email in its column. */
async function heldByAnother(tx: TenantTx, tenantId: string, column: 'phone' | 'email', value: string, except: string[]): Promise<boolean> {
  const rows =
    column === 'phone'
      ? await tx.$queryRaw<Array<{ id: string }>>`
          SELECT id::text FROM tenant_contacts
           WHERE tenant_id = ${tenantId}::uuid AND phone = ${value} AND NOT (id::text = ANY(${except}::text[])) LIMIT 1`
      : await tx.$queryRaw<Array<{ id: string }>>`
          SELECT id::text FROM tenant_contacts
           WHERE tenant_id = ${tenantId}::uuid AND email = ${value} AND NOT (id::text = ANY(${except}::text[])) LIMIT 1`;
  return rows.length > 0;
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

/**
 * The contacts recorded as possibly the same person as this one
 * (`attributes.identity.possibleDuplicates`), read defensively: malformed entries are dropped.
 */
export function readPossibleDuplicates(attributes: unknown): IdentityConflict[] {
  const identity = (attributes as { identity?: unknown } | null)?.identity;
  const list = (identity as { possibleDuplicates?: unknown } | null)?.possibleDuplicates;
  if (!Array.isArray(list)) return [];
  return (list as unknown[]).flatMap((raw) => {
    const c = raw as Partial<IdentityConflict> | null;
    if (typeof c?.contactId !== 'string') return [];
    const conflicts = Array.isArray(c.conflicts) ? c.conflicts.filter((f) => CONFLICT_FIELDS.includes(f)) : [];
    const matchedOn = MATCHED_ON.includes(c.matchedOn as MatchedOn) ? (c.matchedOn as MatchedOn) : 'phone';
    return [{ contactId: c.contactId, matchedOn, conflicts }];
  });
}

function unionConflicts(attributes: unknown, more: IdentityConflict[]): IdentityConflict[] {
  const ids = new Set(more.map((c) => c.contactId));
  return [...more, ...readPossibleDuplicates(attributes).filter((c) => !ids.has(c.contactId))].slice(0, 10);
}

/**
 * The other side of a conflict: each contact kept apart from `contactId` records it too, so staff
 * see the possible duplicate from either contact's page.
 */
async function recordOnOtherSide(tx: TenantTx, rows: readonly ContactRow[], contactId: string, conflicts: IdentityConflict[]) {
  for (const conflict of conflicts) {
    const row = rows.find((r) => r.id === conflict.contactId);
    if (!row) continue;
    const previous = (row.attributes as Record<string, unknown> | null) ?? {};
    const identity = (previous.identity as Record<string, unknown> | undefined) ?? {};
    const possibleDuplicates = unionConflicts(previous, [{ ...conflict, contactId }]);
    await tx.tenantContact.update({
      where: { id: row.id },
      data: { attributes: { ...previous, identity: { ...identity, possibleDuplicates } } as unknown as Prisma.InputJsonValue },
    });
  }
}

/** Contacts that named `from` as a possible duplicate name `to` instead (`from` was merged into it). */
async function repointPossibleDuplicates(tx: TenantTx, tenantId: string, ids: string[], from: string, to: string): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx.$queryRaw<Array<{ id: string; attributes: unknown }>>`
    SELECT id::text, attributes FROM tenant_contacts
     WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${ids}::uuid[])
       FOR UPDATE`;
  for (const row of rows) {
    const list = readPossibleDuplicates(row.attributes);
    if (!list.some((c) => c.contactId === from)) continue;
    const seen = new Set<string>();
    const possibleDuplicates = list
      .map((c) => (c.contactId === from ? { ...c, contactId: to } : c))
      .filter((c) => c.contactId !== row.id && !seen.has(c.contactId) && seen.add(c.contactId));
    const previous = (row.attributes as Record<string, unknown> | null) ?? {};
    const identity = (previous.identity as Record<string, unknown> | undefined) ?? {};
    await tx.tenantContact.update({
      where: { id: row.id },
      data: { attributes: { ...previous, identity: { ...identity, possibleDuplicates } } as unknown as Prisma.InputJsonValue },
    });
  }
}

/** How many rows moved from a merged contact to the one kept. */
export interface MovedRows {
  sessions: number;
  interactions: number;
  summaries: number;
}

/**
 * Moves everything that points at `from` to `into`, then deletes `from`. Its identifiers are
 * carried over only where `into` has none (the caller re-applies field winners afterwards).
 */
async function mergeInto(tx: TenantTx, tenantId: string, into: string, from: string): Promise<MovedRows> {
  const sessions = await tx.chatSession.updateMany({ where: { tenantId, contactId: from }, data: { contactId: into } });
  const interactions = await tx.tenantInteraction.updateMany({ where: { tenantId, contactId: from }, data: { contactId: into } });
  const summaries = await tx.sessionSummary.updateMany({ where: { tenantId, contactId: from }, data: { contactId: into } });
  await tx.tenantContact.delete({ where: { id: from } });
  return { sessions: sessions.count, interactions: interactions.count, summaries: summaries.count };
}

export interface ContactMergeResult {
  keptId: string;
  duplicateId: string;
  moved: MovedRows;
  /** Identifier columns the kept contact took from the duplicate. */
  carriedOver: Array<'externalUserId' | 'name' | 'email' | 'phone'>;
  /** A phone number the merged records settle on that a third contact holds: kept in the field record only. */
  sharedPhone: string | null;
}

/**
 * Staff merge of two contacts kept apart (a possible duplicate): `duplicateId` goes into
 * `keptId`, as the automatic merge of `resolveContact` does. Sessions, interactions and summaries
 * move; field records merge (a correction, then a more confident value wins; on a tie the kept
 * contact's value stays; the losing values stay in the history); external user id, email and
 * phone the kept contact lacks are carried over, except a number or address a third contact
 * holds (unique per tenant: it stays in the field record, a phone also as `identity.sharedPhone`);
 * the duplicate is deleted and dropped from the possible duplicates, whose lists are joined.
 * Under the tenant's contact lock, so it never races an extraction or another merge: null when
 * either contact is not in the tenant (unknown, or merged or erased meanwhile).
 */
export async function mergeDuplicateContact(
  tx: TenantTx,
  tenantId: string,
  keptId: string,
  duplicateId: string,
): Promise<ContactMergeResult | null> {
  await lockTenantContacts(tx, tenantId);
  const rows = await tx.$queryRaw<Array<ContactRow & { first_seen_at: Date; last_seen_at: Date }>>`
    SELECT id::text, external_user_id, name, email, phone, attributes, created_at, first_seen_at, last_seen_at
      FROM tenant_contacts
     WHERE tenant_id = ${tenantId}::uuid AND id IN (${keptId}::uuid, ${duplicateId}::uuid)
       FOR UPDATE`;
  const kept = rows.find((r) => r.id === keptId);
  const duplicate = rows.find((r) => r.id === duplicateId);
  if (!kept || !duplicate || keptId === duplicateId) return null;

  const records = mergeFieldRecords(readFieldRecords(kept.attributes), readFieldRecords(duplicate.attributes));
  const winners = winningColumns(records);
  const columns = {
    externalUserId: kept.external_user_id ?? duplicate.external_user_id,
    name: winners.name ?? kept.name ?? duplicate.name,
    email: winners.email ?? kept.email ?? duplicate.email,
    phone: winners.phone ?? kept.phone ?? duplicate.phone,
  };
  // Email and phone are unique per tenant: one a third contact holds stays in the field record.
  const held = await tx.$queryRaw<Array<{ email: string | null; phone: string | null }>>`
    SELECT email, phone FROM tenant_contacts
     WHERE tenant_id = ${tenantId}::uuid AND id NOT IN (${keptId}::uuid, ${duplicateId}::uuid)
       AND (email = ${columns.email} OR phone = ${columns.phone})`;
  if (columns.email && held.some((h) => h.email === columns.email)) columns.email = kept.email;
  let sharedPhone: string | null = null;
  if (columns.phone && held.some((h) => h.phone === columns.phone)) {
    sharedPhone = columns.phone;
    columns.phone = kept.phone !== columns.phone ? kept.phone : null;
  }

  const moved = await mergeInto(tx, tenantId, keptId, duplicateId);
  const previous = (kept.attributes as Record<string, unknown> | null) ?? {};
  const possibleDuplicates = unionConflicts(previous, readPossibleDuplicates(duplicate.attributes)).filter(
    (c) => c.contactId !== keptId && c.contactId !== duplicateId,
  );
  const identity = { ...(possibleDuplicates.length > 0 ? { possibleDuplicates } : {}), ...(sharedPhone ? { sharedPhone } : {}) };
  const { identity: _previousIdentity, ...rest } = previous;
  const attributes = { ...rest, fields: records, ...(Object.keys(identity).length > 0 ? { identity } : {}) };
  await tx.tenantContact.update({
    where: { id: keptId },
    data: {
      ...columns,
      attributes: attributes as unknown as Prisma.InputJsonValue,
      firstSeenAt: kept.first_seen_at <= duplicate.first_seen_at ? kept.first_seen_at : duplicate.first_seen_at,
      lastSeenAt: kept.last_seen_at >= duplicate.last_seen_at ? kept.last_seen_at : duplicate.last_seen_at,
    },
  });
  await repointPossibleDuplicates(
    tx,
    tenantId,
    possibleDuplicates.map((c) => c.contactId),
    duplicateId,
    keptId,
  );
  const carriedOver = (['externalUserId', 'name', 'email', 'phone'] as const).filter((key) => {
    const before = key === 'externalUserId' ? kept.external_user_id : kept[key];
    return before === null && columns[key] !== null;
  });
  return { keptId, duplicateId, moved, carriedOver, sharedPhone };
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
    await recordOnOtherSide(tx, found, created.id, decision.conflicts);
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
  // A number held by a contact kept apart stays in this contact's field record only. That
  // contact may not be among `found`: a number this session gave in an earlier message, whose
  // turn was extracted first, comes back here from the field records (a phone and an email are
  // unique per tenant, so writing it to the column would fail every redelivery).
  const keep = matches.map((m) => m.id);
  let sharedPhone: string | null = null;
  if (
    columns.phone &&
    columns.phone !== primary.phone &&
    (found.some((r) => r.phone === columns.phone && !matches.includes(r)) ||
      (await heldByAnother(tx, tenantId, 'phone', columns.phone, keep)))
  ) {
    sharedPhone = columns.phone;
    columns.phone = primary.phone;
  }
  if (columns.email && columns.email !== primary.email && (await heldByAnother(tx, tenantId, 'email', columns.email, keep)))
    columns.email = primary.email;
  const previous = (primary.attributes as Record<string, unknown>) ?? {};
  const attributes: Record<string, unknown> = { ...previous, fields: records };
  if (decision.conflicts.length > 0) {
    attributes.identity = {
      possibleDuplicates: unionConflicts(previous, decision.conflicts),
      ...(sharedPhone ? { sharedPhone } : {}),
    };
  }
  await tx.tenantContact.update({
    where: { id: primary.id },
    data: { ...columns, externalUserId, attributes: attributes as unknown as Prisma.InputJsonValue, lastSeenAt: observation.observedAt },
  });
  await recordOnOtherSide(tx, found, primary.id, decision.conflicts);
  return {
    ...toResolved(
      { id: primary.id, external_user_id: externalUserId, ...columns },
      false,
      others.map((o) => o.id),
    ),
    conflicts: decision.conflicts,
  };
}
