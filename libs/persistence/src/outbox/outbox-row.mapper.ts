import type { OutboxRecord } from './outbox.types';

export interface OutboxRow {
  id: string;
  seq: bigint | number | string;
  subject: string;
  payload: unknown;
  headers: unknown;
  created_at: Date;
  attempts: number;
}

/** Maps raw claim rows to records in insertion order (UPDATE ... RETURNING has no order). */
export function toOutboxRecords(rows: OutboxRow[]): OutboxRecord[] {
  return [...rows]
    .sort((a, b) => compareSeq(a.seq, b.seq))
    .map((row) => ({
      id: row.id,
      subject: row.subject,
      payload: row.payload,
      headers: toHeaders(row.headers),
      createdAt: row.created_at,
      attempts: Number(row.attempts),
    }));
}

function compareSeq(a: OutboxRow['seq'], b: OutboxRow['seq']): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function toHeaders(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
