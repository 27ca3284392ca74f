// Recognises PostgreSQL errors through Prisma's error shapes, for repositories that rely on a
// unique key for idempotency or want to report an RLS rejection clearly.

/** SQLSTATE codes we act on. */
export const SqlState = {
  UNIQUE_VIOLATION: '23505',
  FOREIGN_KEY_VIOLATION: '23503',
  INSUFFICIENT_PRIVILEGE: '42501',
} as const;

interface ErrorLike {
  code?: unknown;
  meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } };
  cause?: unknown;
}

/** The SQLSTATE behind an error from Prisma (model API or raw query) or pg, if any. */
export function sqlStateOf(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as ErrorLike;
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && !e.code.startsWith('P')) return e.code;
    if (typeof e.meta?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.meta.code)) return e.meta.code;
    const original = e.meta?.driverAdapterError?.cause?.originalCode;
    if (typeof original === 'string') return original;
    current = e.cause;
  }
  return undefined;
}

/** True for a unique-constraint violation (Prisma P2002, or SQLSTATE 23505 from a raw query). */
export function isUniqueViolation(error: unknown): boolean {
  if (error && typeof error === 'object' && (error as ErrorLike).code === 'P2002') return true;
  return sqlStateOf(error) === SqlState.UNIQUE_VIOLATION;
}

/**
 * True when Prisma's update or delete found no row to change (P2025): another request removed it
 * first (two deletes of one row at once), or it never existed. Callers answer NOT_FOUND.
 */
export function isRecordNotFound(error: unknown): boolean {
  return Boolean(error && typeof error === 'object' && (error as ErrorLike).code === 'P2025');
}

/** True when row-level security or a missing grant rejected the statement (SQLSTATE 42501). */
export function isInsufficientPrivilege(error: unknown): boolean {
  return sqlStateOf(error) === SqlState.INSUFFICIENT_PRIVILEGE;
}
