/** A readiness dependency: resolves when it is usable, rejects with the reason otherwise. */
export interface HealthCheck {
  readonly name: string;
  check(): Promise<void>;
}

export type CheckStatus = 'up' | `down: ${string}`;

export interface ReadinessReport {
  status: 'ok' | 'error';
  checks: Record<string, CheckStatus>;
  /** Present (true) once the process has started shutting down. */
  shutting_down?: true;
}

/** Runs every check in parallel, each bounded by `timeoutMs`; never rejects. */
export async function runHealthChecks(checks: readonly HealthCheck[], timeoutMs: number): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (c): Promise<[string, CheckStatus]> => {
      try {
        await withTimeout(
          Promise.resolve().then(() => c.check()),
          timeoutMs,
        );
        return [c.name, 'up'];
      } catch (error) {
        return [c.name, `down: ${reason(error)}`];
      }
    }),
  );
  const status = results.every(([, result]) => result === 'up') ? 'ok' : 'error';
  return { status, checks: Object.fromEntries(results) };
}

/**
 * Bounds `promise` by `timeoutMs`. The timer rejects only after the event loop has also polled
 * for I/O (setImmediate runs after the poll phase): when the loop was blocked past the deadline
 * (a busy start-up on a loaded machine), an answer that arrived meanwhile is read first and wins,
 * instead of losing to a timer that fired in the same turn of the loop.
 */
function withTimeout(promise: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let afterPoll: NodeJS.Immediate | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      afterPoll = setImmediate(() => reject(new Error(`timed out after ${timeoutMs} ms`)));
    }, timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
    clearImmediate(afterPoll);
  });
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // One line, bounded: the body is read by humans and probes, not a log of the stack.
  return (text.split('\n')[0] || 'unknown error').slice(0, 200);
}
