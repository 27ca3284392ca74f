import { createHash } from 'node:crypto';

/** The prev_hash of a chain's first row. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);
/** chain_id of rows with no tenant (the platform chain). */
export const AUDIT_PLATFORM_CHAIN_ID = '00000000-0000-0000-0000-000000000000';

/** An audit_log row as the verifier reads it: `dataText` is PostgreSQL's text of the stored jsonb. */
export interface AuditChainRow {
  id: string;
  chainId: string;
  seq: string;
  tenantId: string | null;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  dataText: string;
  requestId: string | null;
  createdAt: Date;
  prevHash: string;
  hash: string;
}

/** "<byte length>:<text>", "-1:" for null: the same framing as SQL audit_field(). */
function field(value: string | null): string {
  return value === null ? '-1:' : `${Buffer.byteLength(value, 'utf8')}:${value}`;
}

/**
 * sha256 (hex) over the row's fields and the previous hash, byte for byte what SQL
 * audit_row_hash() computes when the row is appended. Recomputed here, independently of the
 * database's function, so a changed function cannot vouch for changed rows.
 */
export function auditRowHash(row: Omit<AuditChainRow, 'hash'>): string {
  const text = [
    row.chainId,
    row.seq,
    row.id,
    row.tenantId,
    row.actorType,
    row.actorId,
    row.action,
    row.targetType,
    row.targetId,
    row.dataText,
    row.requestId,
    row.createdAt.toISOString(),
    row.prevHash,
  ]
    .map(field)
    .join('');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
