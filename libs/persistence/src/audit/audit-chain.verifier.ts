import type { Db } from '../client/prisma.types';
import { AUDIT_GENESIS_HASH, AUDIT_PLATFORM_CHAIN_ID, auditRowHash, type AuditChainRow } from './audit-chain.util';

export type AuditBreakReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap' | 'wrong_chain' | 'head_mismatch' | 'no_head';

/** The first broken link of one chain. */
export interface AuditChainBreak {
  chainId: string;
  /** The row named (the changed row, or the one after a gap); null when the tail is missing. */
  rowId: string | null;
  seq: string;
  reason: AuditBreakReason;
  detail: string;
}

export interface AuditVerifyReport {
  ok: boolean;
  chains: number;
  rows: number;
  /** At most one per chain: the first broken link, in chain order. */
  breaks: AuditChainBreak[];
}

const PAGE = 5_000;

interface RawRow {
  id: string;
  chain_id: string;
  seq: string;
  tenant_id: string | null;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  data_text: string;
  request_id: string | null;
  created_at: Date;
  prev_hash: string;
  hash: string;
}

function toChainRow(r: RawRow): AuditChainRow {
  return {
    id: r.id,
    chainId: r.chain_id,
    seq: r.seq,
    tenantId: r.tenant_id,
    actorType: r.actor_type,
    actorId: r.actor_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    dataText: r.data_text,
    requestId: r.request_id,
    createdAt: r.created_at,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Checks one row against its predecessor; null when the link holds. */
export function checkAuditLink(row: AuditChainRow, previous: { seq: bigint; hash: string }): AuditChainBreak | null {
  const at = { chainId: row.chainId, rowId: row.id, seq: row.seq };
  const expected = previous.seq + 1n;
  if (BigInt(row.seq) !== expected) {
    return {
      ...at,
      reason: 'seq_gap',
      detail: `expected seq ${expected}, found ${row.seq}: rows ${expected}..${BigInt(row.seq) - 1n} are missing`,
    };
  }
  if (row.chainId !== (row.tenantId ?? AUDIT_PLATFORM_CHAIN_ID)) {
    return { ...at, reason: 'wrong_chain', detail: `tenant_id ${row.tenantId ?? 'null'} does not belong to chain ${row.chainId}` };
  }
  if (row.prevHash !== previous.hash) {
    return { ...at, reason: 'prev_hash_mismatch', detail: 'prev_hash is not the previous row’s hash' };
  }
  if (auditRowHash(row) !== row.hash) {
    return { ...at, reason: 'hash_mismatch', detail: 'the row’s fields do not match its hash (changed after it was written)' };
  }
  return null;
}

/**
 * Walks every audit chain (or the given ones) from seq 1 to its head, recomputing each hash.
 * Needs a client that sees every row: the analytics role (BYPASSRLS, read-only) or the owner.
 */
export async function verifyAuditChains(db: Db, opts: { chainIds?: string[] } = {}): Promise<AuditVerifyReport> {
  const heads = new Map(
    (
      await db.$queryRaw<Array<{ chain_id: string; seq: string; hash: string }>>`
        SELECT chain_id::text, seq::text, hash FROM audit_chain_heads ORDER BY chain_id`
    ).map((h) => [h.chain_id, h]),
  );
  const orphans = await db.$queryRaw<Array<{ chain_id: string }>>`
    SELECT DISTINCT a.chain_id::text FROM audit_log a
     WHERE NOT EXISTS (SELECT 1 FROM audit_chain_heads h WHERE h.chain_id = a.chain_id)`;
  const chainIds = opts.chainIds ?? [...new Set([...heads.keys(), ...orphans.map((o) => o.chain_id)])].sort();
  const breaks: AuditChainBreak[] = [];
  let rows = 0;
  for (const chainId of chainIds) {
    const walked = await walkChain(db, chainId, heads.get(chainId));
    rows += walked.rows;
    if (walked.broken) breaks.push(walked.broken);
  }
  return { ok: breaks.length === 0, chains: chainIds.length, rows, breaks };
}

async function walkChain(
  db: Db,
  chainId: string,
  head: { seq: string; hash: string } | undefined,
): Promise<{ rows: number; broken: AuditChainBreak | null }> {
  let previous = { seq: 0n, hash: AUDIT_GENESIS_HASH, id: null as string | null };
  let rows = 0;
  // Rows appended after the heads were read are left for the next run: every row up to the head's
  // seq committed with (before) that head, so the walk is consistent without a snapshot.
  const last = head ? BigInt(head.seq) : BigInt('9223372036854775807');
  for (;;) {
    // `a.seq`: the bigint column; a bare `seq` in ORDER BY would be the text output column.
    const page = await db.$queryRaw<RawRow[]>`
      SELECT id::text, chain_id::text, seq::text, tenant_id::text, actor_type, actor_id, action, target_type, target_id,
             data::text AS data_text, request_id, created_at, prev_hash, hash
        FROM audit_log a WHERE a.chain_id = ${chainId}::uuid AND a.seq > ${previous.seq} AND a.seq <= ${last}
       ORDER BY a.seq LIMIT ${PAGE}`;
    for (const raw of page) {
      const row = toChainRow(raw);
      rows += 1;
      const broken = checkAuditLink(row, previous);
      if (broken) return { rows, broken };
      previous = { seq: BigInt(row.seq), hash: row.hash, id: row.id };
    }
    if (page.length < PAGE) break;
  }
  if (!head) {
    return {
      rows,
      broken: { chainId, rowId: previous.id, seq: String(previous.seq), reason: 'no_head', detail: 'the chain has no head row' },
    };
  }
  if (BigInt(head.seq) !== previous.seq || head.hash !== previous.hash) {
    return {
      rows,
      broken: {
        chainId,
        rowId: previous.id,
        seq: String(previous.seq),
        reason: 'head_mismatch',
        detail: `the head says seq ${head.seq}, the last row is seq ${previous.seq}: rows after it are missing (or the head was changed)`,
      },
    };
  }
  return { rows, broken: null };
}
