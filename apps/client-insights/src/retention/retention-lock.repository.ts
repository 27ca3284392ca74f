import { Inject, Injectable } from '@nestjs/common';
import { PrismaService, type PrismaClient } from '@parley/persistence';

/** The advisory lock key of the retention job (any fixed 64-bit number no other job uses). */
export const RETENTION_LOCK_KEY = 7_023_117_305_002_017n;

/** What withLock did: ran `fn` (its value), or found another holder and ran nothing. */
export type LockOutcome<T> = { acquired: true; value: T } | { acquired: false };

/**
 * The retention job's cluster-wide lock: a transaction-level PostgreSQL advisory lock taken with
 * pg_try_advisory_xact_lock on one pooled connection, held while `fn` runs (its work uses other
 * connections) and released when that transaction ends, also when the process dies (the
 * server ends the session). The transaction writes nothing and holds no snapshot between
 * statements, so keeping it open does not hold back vacuum.
 */
@Injectable()
export class RetentionLockRepository {
  constructor(@Inject(PrismaService) private readonly prisma: Pick<PrismaClient, '$transaction'>) {}

  async withLock<T>(holdMs: number, fn: () => Promise<T>): Promise<LockOutcome<T>> {
    return this.prisma.$transaction(
      async (tx) => {
        const [{ locked }] = await tx.$queryRaw<
          Array<{ locked: boolean }>
        >`SELECT pg_try_advisory_xact_lock(${RETENTION_LOCK_KEY}) AS locked`;
        if (!locked) return { acquired: false as const };
        return { acquired: true as const, value: await fn() };
      },
      { timeout: holdMs, maxWait: 10_000 },
    );
  }
}
