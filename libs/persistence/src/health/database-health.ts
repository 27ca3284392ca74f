import type { PrismaClient } from '../generated/prisma/client';
import { PersistenceError, PersistenceErrorCode } from '../errors/persistence.error';
import { withTimeout } from './with-timeout.util';

export const DEFAULT_HEALTH_TIMEOUT_MS = 2000;

/** Readiness probe: `select 1` on the app-role pool within a short timeout. */
export class DatabaseHealth {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly timeoutMs = DEFAULT_HEALTH_TIMEOUT_MS,
  ) {}

  /** Resolves when PostgreSQL answers; throws PersistenceError DATABASE_UNAVAILABLE otherwise. */
  async check(): Promise<void> {
    const timedOut = () =>
      new PersistenceError(PersistenceErrorCode.DATABASE_UNAVAILABLE, `database did not answer within ${this.timeoutMs} ms`);
    try {
      await withTimeout(this.prisma.$queryRaw`SELECT 1`, this.timeoutMs, timedOut);
    } catch (error) {
      if (error instanceof PersistenceError) throw error;
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new PersistenceError(PersistenceErrorCode.DATABASE_UNAVAILABLE, `database unavailable: ${reason}`, { cause: error });
    }
  }
}
