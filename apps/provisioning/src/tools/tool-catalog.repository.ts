import type { ToolView } from '@parley/contracts';
import type { Prisma, PrismaClient, TenantTx } from '@parley/persistence';
import type { CatalogEntry } from './builtin-tools.catalog';
import { toToolView } from './tool.mapper';

type Db = PrismaClient | TenantTx;

export const TOOL_SELECT = {
  id: true,
  key: true,
  name: true,
  description: true,
  kind: true,
  category: true,
  integrationKinds: true,
  inputSchema: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
} as const;
export type ToolRow = Prisma.ToolGetPayload<{ select: typeof TOOL_SELECT }>;

export async function listCatalog(db: Db, includeDisabled: boolean): Promise<ToolView[]> {
  const rows = await db.tool.findMany({
    where: includeDisabled ? {} : { enabled: true },
    select: TOOL_SELECT,
    orderBy: [{ category: 'asc' }, { key: 'asc' }],
  });
  return rows.map(toToolView);
}

export async function findTool(db: Db, key: string): Promise<ToolRow | null> {
  return db.tool.findUnique({ where: { key }, select: TOOL_SELECT });
}

/**
 * Keeps the built-in tools in the table: a missing one is created; an existing one gets the
 * code's parameters, category and serving kinds (they are Parley's), and keeps the owner's name,
 * description and enabled flag. Safe to run by every replica at every start.
 */
export async function syncBuiltinTools(db: PrismaClient, entries: readonly CatalogEntry[]): Promise<void> {
  for (const entry of entries) {
    await db.tool.upsert({
      where: { key: entry.key },
      create: {
        key: entry.key,
        name: entry.name,
        description: entry.description,
        kind: 'builtin',
        category: entry.category,
        integrationKinds: [...entry.integrationKinds],
        inputSchema: entry.parameters as Prisma.InputJsonObject,
      },
      update: {
        kind: 'builtin',
        category: entry.category,
        integrationKinds: [...entry.integrationKinds],
        inputSchema: entry.parameters as Prisma.InputJsonObject,
      },
    });
  }
}

export interface ToolWrite {
  key: string;
  name: string;
  description: string;
  category: string;
  integrationKinds: string[];
  parameters: Record<string, unknown>;
  enabled: boolean;
}

/** Creates or updates a catalogue entry; `created` tells which. */
export async function putTool(db: Db, write: ToolWrite): Promise<{ tool: ToolRow; created: boolean }> {
  const existing = await findTool(db, write.key);
  const data = {
    name: write.name,
    description: write.description,
    category: write.category,
    integrationKinds: write.integrationKinds,
    inputSchema: write.parameters as Prisma.InputJsonObject,
    enabled: write.enabled,
  };
  if (existing) {
    const tool = await db.tool.update({ where: { key: write.key }, data, select: TOOL_SELECT });
    return { tool, created: false };
  }
  const tool = await db.tool.create({ data: { key: write.key, kind: 'custom', ...data }, select: TOOL_SELECT });
  return { tool, created: true };
}
