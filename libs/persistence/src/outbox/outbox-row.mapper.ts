import type { OutboxRecord } from './outbox.types';

export interface OutboxRow {
  id: string;
  subject: string;
  payload: unknown;
  headers: unknown;
  created_at: Date;
  attempts: number;
}

/** Maps raw claim rows to records, oldest first (UPDATE ... RETURNING has no order). */
export function toOutboxRecords(rows: OutboxRow[]): OutboxRecord[] {
  return rows
    .map((row) => ({
      id: row.id,
      subject: row.subject,
      payload: row.payload,
      headers: toHeaders(row.headers),
      createdAt: row.created_at,
      attempts: Number(row.attempts),
    }))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

function toHeaders(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
