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
        await withTimeout(Promise.resolve().then(() => c.check()), timeoutMs);
        return [c.name, 'up'];
      } catch (error) {
        return [c.name, `down: ${reason(error)}`];
      }
    }),
  );
  const status = results.every(([, result]) => result === 'up') ? 'ok' : 'error';
  return { status, checks: Object.fromEntries(results) };
}

function withTimeout(promise: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // One line, bounded: the body is read by humans and probes, not a log of the stack.
  return (text.split('\n')[0] || 'unknown error').slice(0, 200);
}
