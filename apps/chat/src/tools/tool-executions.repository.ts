import { decodeListCursor, afterListPosition, type Prisma, type TenantTx } from '@parley/persistence';

export interface ToolExecutionWrite {
  id: string;
  tenantId: string;
  sessionId: string;
  messageId: string | null;
  tenantToolId: string | null;
  integrationId: string | null;
  toolKey: string;
  status: 'succeeded' | 'failed';
  input: Record<string, unknown>;
  output: unknown;
  failure: string | null;
  error: string | null;
  cacheHit: boolean;
  latencyMs: number;
  createdAt: Date;
  finishedAt: Date;
}

const LIST_SELECT = {
  id: true,
  sessionId: true,
  messageId: true,
  toolKey: true,
  integrationId: true,
  status: true,
  failure: true,
  error: true,
  cacheHit: true,
  latencyMs: true,
  input: true,
  createdAt: true,
  finishedAt: true,
} as const;
export type ToolExecutionRow = Prisma.ToolExecutionGetPayload<{ select: typeof LIST_SELECT }>;

/** Newest first; `limit` rows after the cursor. */
export async function listToolExecutions(
  tx: TenantTx,
  query: { tenantId: string; cursor: string | null; limit: number; sessionId?: string; toolKey?: string },
): Promise<ToolExecutionRow[] | null> {
  const position = query.cursor ? decodeListCursor(query.cursor) : null;
  if (query.cursor && !position) return null;
  return tx.toolExecution.findMany({
    where: {
      tenantId: query.tenantId,
      ...(query.sessionId ? { sessionId: query.sessionId } : {}),
      ...(query.toolKey ? { toolKey: query.toolKey } : {}),
      ...afterListPosition(position),
    },
    select: LIST_SELECT,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit,
  });
}
