// Factories write with owner-level access: the owner role (TEST_DATABASE_OWNER_URL) has
// BYPASSRLS, so fixtures for several tenants can be created without setting app.tenant_id.
// Pass a pg Pool/Client, or a Prisma client connected with that URL.

export interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface PrismaRawQueryable {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export type FactoryDb = PgQueryable | PrismaRawQueryable;

function isPrisma(db: FactoryDb): db is PrismaRawQueryable {
  return typeof (db as PrismaRawQueryable).$queryRawUnsafe === 'function';
}

/** Inserts one row (snake_case columns; undefined values are left to column defaults). */
export async function insertRow<T>(db: FactoryDb, table: string, values: Record<string, unknown>): Promise<T> {
  const entries = Object.entries(values).filter(([, value]) => value !== undefined);
  const columns = entries.map(([column]) => `"${column}"`).join(', ');
  const params = entries.map(([, value]) =>
    value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value) && !Buffer.isBuffer(value)
      ? JSON.stringify(value)
      : value,
  );
  const placeholders = entries.map((_, i) => `$${i + 1}`).join(', ');
  const sql = entries.length
    ? `INSERT INTO "${table}" (${columns}) VALUES (${placeholders}) RETURNING *`
    : `INSERT INTO "${table}" DEFAULT VALUES RETURNING *`;
  const rows = isPrisma(db) ? await db.$queryRawUnsafe<unknown[]>(sql, ...params) : (await db.query(sql, params)).rows;
  return rows[0] as T;
}

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
