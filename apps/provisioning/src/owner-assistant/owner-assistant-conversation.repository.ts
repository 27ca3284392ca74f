// The owner assistant's conversations (docs/adr/0026-owner-assistant.md): platform-level rows of
// `owner_assistant_conversations` (no tenant, no RLS), always read and written by owner id.
import { ownerAssistantStateSchema, type OwnerAssistantConversation, type OwnerAssistantState } from '@parley/contracts';
import { Prisma, type Db } from '@parley/persistence';

interface ConversationRow {
  id: string;
  ownerId: string;
  revision: number;
  state: unknown;
  createdAt: Date;
  updatedAt: Date;
}

function toConversation(row: ConversationRow): OwnerAssistantConversation {
  return {
    id: row.id,
    ownerId: row.ownerId,
    revision: row.revision,
    state: ownerAssistantStateSchema.parse(row.state),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function findConversation(db: Db, ownerId: string, id: string): Promise<OwnerAssistantConversation | null> {
  const row = await db.ownerAssistantConversation.findFirst({ where: { id, ownerId } });
  return row ? toConversation(row) : null;
}

/** Inserts revision 1; null when the id is taken (by this owner or another). */
export async function insertConversation(
  db: Db,
  ownerId: string,
  id: string,
  state: OwnerAssistantState,
): Promise<OwnerAssistantConversation | null> {
  try {
    const row = await db.ownerAssistantConversation.create({ data: { id, ownerId, revision: 1, state: state as Prisma.InputJsonValue } });
    return toConversation(row);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
    throw error;
  }
}

/** Replaces the state when the row is still at `expectedRevision` (compare-and-set); null otherwise. */
export async function updateConversation(
  db: Db,
  ownerId: string,
  id: string,
  expectedRevision: number,
  state: OwnerAssistantState,
): Promise<OwnerAssistantConversation | null> {
  const { count } = await db.ownerAssistantConversation.updateMany({
    where: { id, ownerId, revision: expectedRevision },
    data: { state: state as Prisma.InputJsonValue, revision: expectedRevision + 1, updatedAt: new Date() },
  });
  return count === 1 ? findConversation(db, ownerId, id) : null;
}
