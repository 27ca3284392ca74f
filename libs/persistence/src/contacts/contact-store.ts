import { sqlTx, type AnyTenantTx } from '../tenant/sql-tx';
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
// Runs inside a tenant transaction (RLS), under a per-tenant transaction advisory lock so concurrent
// resolutions for one tenant cannot create duplicates or race a merge. Every statement is fixed SQL
// (CONTACT_SQL) sent through sqlTx(), so the store runs the same in TenantDb.run()'s Prisma
// transaction (the CRM's merge, the chat's lookup) and in TenantDb.transaction()'s node-postgres one
// (L1b's batch); the SQL casts what the two drivers would answer differently (ids as text).

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

const CONTACT_COLUMNS = 'id::text AS id, external_user_id, name, email, phone, attributes, created_at';

/** Another contact of tenant $1 than those in $3 (ids as text) holding $2 in `column`. */
function heldByAnotherSql(column: 'phone' | 'email'): string {
  return `SELECT id::text AS id FROM tenant_contacts
           WHERE tenant_id = $1::uuid AND ${column} = $2::text AND NOT (id::text = ANY($3::text[])) LIMIT 1`;
}

/** A contact holding one of the identifiers $n (external user id), $n+1 (email), $n+2 (phone); a null one matches nothing. */
function identifierMatch(n: number): string {
  return (['external_user_id', 'email', 'phone'] as const)
    .map((column, i) => `($${n + i}::text IS NOT NULL AND ${column} = $${n + i}::text)`)
    .join(' OR ');
}

/** The store's statements: fixed text, every value a parameter (prepared once per connection on the pg path). */
const CONTACT_SQL = {
  lock: `SELECT pg_advisory_xact_lock(hashtext($1::text))::text AS locked`,
  /** $1 tenant, $2 the session's contact, $3 external user id, $4 email, $5 phone (each may be null). */
  findMatching: `
    SELECT ${CONTACT_COLUMNS}
      FROM tenant_contacts
     WHERE tenant_id = $1::uuid
       AND (($2::uuid IS NOT NULL AND id = $2::uuid) OR ${identifierMatch(3)})
     ORDER BY created_at, id
       FOR UPDATE`,
  /** $1 tenant, $2 external user id, $3 email, $4 phone. */
  find: `
    SELECT ${CONTACT_COLUMNS}
      FROM tenant_contacts
     WHERE tenant_id = $1::uuid
       AND (${identifierMatch(2)})
     ORDER BY (external_user_id = $2::text) DESC NULLS LAST, created_at
     LIMIT 1`,
  heldPhone: heldByAnotherSql('phone'),
  heldEmail: heldByAnotherSql('email'),
  /** $1 tenant, $2 kept, $3 duplicate, $4 email, $5 phone: who else holds them. */
  heldByThird: `
    SELECT email, phone FROM tenant_contacts
     WHERE tenant_id = $1::uuid AND id NOT IN ($2::uuid, $3::uuid)
       AND (email = $4::text OR phone = $5::text)`,
  pair: `
    SELECT ${CONTACT_COLUMNS}, first_seen_at, last_seen_at
      FROM tenant_contacts
     WHERE tenant_id = $1::uuid AND id IN ($2::uuid, $3::uuid)
       FOR UPDATE`,
  lockMany: `
    SELECT id::text AS id, attributes FROM tenant_contacts
     WHERE tenant_id = $1::uuid AND id = ANY($2::uuid[])
       FOR UPDATE`,
  attributes: `SELECT attributes FROM tenant_contacts WHERE id = $1::uuid`,
  setAttributes: `UPDATE tenant_contacts SET attributes = $2::jsonb, updated_at = now() WHERE id = $1::uuid RETURNING id::text AS id`,
  /** $1 tenant, $2 external user id, $3 name, $4 email, $5 phone, $6 attributes, $7 first and last seen. */
  create: `
    INSERT INTO tenant_contacts (tenant_id, external_user_id, name, email, phone, attributes, first_seen_at, last_seen_at)
    VALUES ($1::uuid, $2::text, $3::text, $4::text, $5::text, $6::jsonb, $7::timestamptz, $7::timestamptz)
    RETURNING id::text AS id, external_user_id`,
  /** $1 id, $2 external user id, $3 name, $4 email, $5 phone, $6 attributes, $7 last seen, $8 first seen (null: unchanged). */
  update: `
    UPDATE tenant_contacts
       SET external_user_id = $2::text, name = $3::text, email = $4::text, phone = $5::text, attributes = $6::jsonb,
           last_seen_at = $7::timestamptz, first_seen_at = COALESCE($8::timestamptz, first_seen_at), updated_at = now()
     WHERE id = $1::uuid
    RETURNING id::text AS id`,
  /** $1 tenant, $2 from, $3 into: what points at a merged contact moves to the kept one. */
  moveRows: `
    WITH s AS (UPDATE chat_sessions SET contact_id = $3::uuid WHERE tenant_id = $1::uuid AND contact_id = $2::uuid RETURNING 1),
         i AS (UPDATE tenant_interactions SET contact_id = $3::uuid WHERE tenant_id = $1::uuid AND contact_id = $2::uuid RETURNING 1),
         m AS (UPDATE session_summaries SET contact_id = $3::uuid, updated_at = now()
                WHERE tenant_id = $1::uuid AND contact_id = $2::uuid RETURNING 1)
    SELECT (SELECT count(*) FROM s)::int AS sessions, (SELECT count(*) FROM i)::int AS interactions,
           (SELECT count(*) FROM m)::int AS summaries`,
  delete: `DELETE FROM tenant_contacts WHERE id = $1::uuid RETURNING id::text AS id`,
} as const;

/** The contact row's columns a write sets (null clears one). */
interface ContactColumns {
  externalUserId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** Writes a contact's columns and attributes; fails when the row is gone, as Prisma's update did. */
async function updateContact(
  tx: AnyTenantTx,
  id: string,
  columns: ContactColumns,
  attributes: unknown,
  seen: { last: Date; first?: Date },
): Promise<void> {
  const rows = await sqlTx(tx).query(CONTACT_SQL.update, [
    id,
    columns.externalUserId,
    columns.name,
    columns.email,
    columns.phone,
    JSON.stringify(attributes),
    seen.last,
    seen.first ?? null,
  ]);
  if (rows.length === 0) throw new Error(`contact ${id} to update is gone`);
}

/** The contact's attributes JSON (undefined when the tenant has no such contact). */
export async function contactAttributes(tx: AnyTenantTx, contactId: string): Promise<unknown> {
  const [row] = await sqlTx(tx).query<{ attributes: unknown }>(CONTACT_SQL.attributes, [contactId]);
  return row?.attributes;
}

/** Replaces the contact's attributes JSON; fails when the tenant has no such contact. */
export async function setContactAttributes(tx: AnyTenantTx, contactId: string, attributes: unknown): Promise<void> {
  const rows = await sqlTx(tx).query(CONTACT_SQL.setAttributes, [contactId, JSON.stringify(attributes)]);
  if (rows.length === 0) throw new Error(`contact ${contactId} to update is gone`);
}

/**
 * The tenant's contact lock (a transaction advisory lock): resolveContact and the merge take it.
 * A caller that reads what identity resolution depends on (the session's contact, what the
 * visitor said earlier) takes it first, so nothing it read can change before it resolves.
 */
export async function lockTenantContacts(tx: AnyTenantTx, tenantId: string): Promise<void> {
  await sqlTx(tx).query(CONTACT_SQL.lock, [`contacts:${tenantId}`]);
}

/** True when a contact of the tenant other than `except` holds this phone or email in its column. */
async function heldByAnother(
  tx: AnyTenantTx,
  tenantId: string,
  column: 'phone' | 'email',
  value: string,
  except: string[],
): Promise<boolean> {
  const rows = await sqlTx(tx).query(column === 'phone' ? CONTACT_SQL.heldPhone : CONTACT_SQL.heldEmail, [tenantId, value, except]);
  return rows.length > 0;
}

async function findMatching(
  tx: AnyTenantTx,
  tenantId: string,
  ids: ContactIdentifiers,
  sessionContactId: string | null,
): Promise<ContactRow[]> {
  const ext = present(ids.externalUserId) ? ids.externalUserId : null;
  const email = normaliseEmail(ids.email);
  const phone = present(ids.phone) ? ids.phone : null;
  if (!ext && !email && !phone && !sessionContactId) return [];
  return sqlTx(tx).query<ContactRow>(CONTACT_SQL.findMatching, [tenantId, sessionContactId, ext, email, phone]);
}

/**
 * Finds the contact an earlier conversation left for these identifiers, without changing
 * anything (returning-customer recognition). Only the tenant of the transaction is searched.
 */
export async function findContact(tx: AnyTenantTx, tenantId: string, ids: ContactIdentifiers): Promise<ResolvedContact | null> {
  const ext = present(ids.externalUserId) ? ids.externalUserId : null;
  const email = normaliseEmail(ids.email);
  const phone = present(ids.phone) ? ids.phone : null;
  if (!ext && !email && !phone) return null;
  const [row] = await sqlTx(tx).query<ContactRow>(CONTACT_SQL.find, [tenantId, ext, email, phone]);
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
async function recordOnOtherSide(tx: AnyTenantTx, rows: readonly ContactRow[], contactId: string, conflicts: IdentityConflict[]) {
  for (const conflict of conflicts) {
    const row = rows.find((r) => r.id === conflict.contactId);
    if (!row) continue;
    const previous = (row.attributes as Record<string, unknown> | null) ?? {};
    const identity = (previous.identity as Record<string, unknown> | undefined) ?? {};
    const possibleDuplicates = unionConflicts(previous, [{ ...conflict, contactId }]);
    await setContactAttributes(tx, row.id, { ...previous, identity: { ...identity, possibleDuplicates } });
  }
}

/** Contacts that named `from` as a possible duplicate name `to` instead (`from` was merged into it). */
async function repointPossibleDuplicates(tx: AnyTenantTx, tenantId: string, ids: string[], from: string, to: string): Promise<void> {
  if (ids.length === 0) return;
  const rows = await sqlTx(tx).query<{ id: string; attributes: unknown }>(CONTACT_SQL.lockMany, [tenantId, ids]);
  for (const row of rows) {
    const list = readPossibleDuplicates(row.attributes);
    if (!list.some((c) => c.contactId === from)) continue;
    const seen = new Set<string>();
    const possibleDuplicates = list
      .map((c) => (c.contactId === from ? { ...c, contactId: to } : c))
      .filter((c) => c.contactId !== row.id && !seen.has(c.contactId) && seen.add(c.contactId));
    const previous = (row.attributes as Record<string, unknown> | null) ?? {};
    const identity = (previous.identity as Record<string, unknown> | undefined) ?? {};
    await setContactAttributes(tx, row.id, { ...previous, identity: { ...identity, possibleDuplicates } });
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
async function mergeInto(tx: AnyTenantTx, tenantId: string, into: string, from: string): Promise<MovedRows> {
  const sql = sqlTx(tx);
  const [moved] = await sql.query<MovedRows>(CONTACT_SQL.moveRows, [tenantId, from, into]);
  // After the moves (their own statement), so the foreign keys' ON DELETE SET NULL finds nothing left to clear.
  if ((await sql.query(CONTACT_SQL.delete, [from])).length === 0) throw new Error(`contact ${from} to merge is gone`);
  return moved as MovedRows;
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
  tx: AnyTenantTx,
  tenantId: string,
  keptId: string,
  duplicateId: string,
): Promise<ContactMergeResult | null> {
  await lockTenantContacts(tx, tenantId);
  const sql = sqlTx(tx);
  const rows = await sql.query<ContactRow & { first_seen_at: Date; last_seen_at: Date }>(CONTACT_SQL.pair, [tenantId, keptId, duplicateId]);
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
  const held = await sql.query<{ email: string | null; phone: string | null }>(CONTACT_SQL.heldByThird, [
    tenantId,
    keptId,
    duplicateId,
    columns.email,
    columns.phone,
  ]);
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
  await updateContact(tx, keptId, columns, attributes, {
    first: kept.first_seen_at <= duplicate.first_seen_at ? kept.first_seen_at : duplicate.first_seen_at,
    last: kept.last_seen_at >= duplicate.last_seen_at ? kept.last_seen_at : duplicate.last_seen_at,
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
export async function resolveContact(tx: AnyTenantTx, observation: ContactObservation): Promise<ResolvedContact | null> {
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
    const [created] = await sqlTx(tx).query<{ id: string; external_user_id: string | null }>(CONTACT_SQL.create, [
      tenantId,
      present(observation.externalUserId) ? observation.externalUserId : null,
      columns.name,
      columns.email,
      columns.phone,
      JSON.stringify({ fields: records, ...(identity ? { identity } : {}) }),
      observation.observedAt,
    ]);
    await recordOnOtherSide(tx, found, created.id, decision.conflicts);
    return {
      ...toResolved({ id: created.id, external_user_id: created.external_user_id, ...columns }, true, []),
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
  await updateContact(tx, primary.id, { ...columns, externalUserId }, attributes, { last: observation.observedAt });
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
