import type { ClaimedSession } from './insight-ingest.repository';

/**
 * The insight_sessions rows of one tenant's batch: each claimed (created or locked) once, read
 * and changed in memory by the batch's events in arrival order (a later event of a session sees
 * what an earlier one set, as it would one statement later), and written once before the commit.
 * The rows stay locked by the claim until then, so nothing else changes them in between.
 */
export class IngestBatchSessions {
  private readonly rows = new Map<string, ClaimedSession>();
  private readonly changed = new Set<string>();

  get(sessionId: string): ClaimedSession | undefined {
    return this.rows.get(sessionId);
  }

  has(sessionId: string): boolean {
    return this.rows.has(sessionId);
  }

  add(row: ClaimedSession): void {
    this.rows.set(row.sessionId, row);
  }

  /** Changes the session's contact or flags (written by `writes()`). */
  update(sessionId: string, change: Partial<Pick<ClaimedSession, 'contactId' | 'lead' | 'escalated' | 'closed' | 'summarized'>>): void {
    const row = this.rows.get(sessionId);
    if (!row) throw new Error(`insight session ${sessionId} is not claimed by this batch`);
    Object.assign(row, change);
    this.changed.add(sessionId);
  }

  /** The sessions changed by the batch, in a fixed order (session id). */
  writes(): ClaimedSession[] {
    return [...this.changed].sort().map((id) => this.rows.get(id) as ClaimedSession);
  }
}
