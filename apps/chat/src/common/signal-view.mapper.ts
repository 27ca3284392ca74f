import { signalSchema, type Signal } from '@parley/contracts';

export interface StoredSignal {
  kind: string;
  label: string;
  score: number | null;
}

/** A message_signals row as a wire Signal; rows of kinds the contract does not know are left out. */
export function toSignalViews(rows: readonly StoredSignal[]): Signal[] {
  return rows.flatMap((row) => {
    const parsed = signalSchema.safeParse({
      kind: row.kind,
      label: row.label.slice(0, 100),
      score: Math.min(1, Math.max(0, row.score ?? 0)),
    });
    return parsed.success ? [parsed.data] : [];
  });
}
