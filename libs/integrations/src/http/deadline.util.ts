export interface Deadline {
  /** Aborts when the caller's signal aborts or the time is up. */
  signal: AbortSignal;
  timedOut(): boolean;
  /** Clears the timer and unhooks from the caller's signal; call it when the call settles. */
  dispose(): void;
}

/**
 * A caller's signal with a time limit. Unlike AbortSignal.any + AbortSignal.timeout, nothing
 * stays attached to the caller's signal (often one long-lived shutdown signal shared by every
 * send) once the send is over.
 */
export function withDeadline(parent: AbortSignal, ms: number): Deadline {
  const controller = new AbortController();
  let expired = false;
  const onAbort = (): void => controller.abort(parent.reason);
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new Error(`timed out after ${ms} ms`));
  }, ms);
  timer.unref();
  if (parent.aborted) onAbort();
  else parent.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    dispose: () => {
      clearTimeout(timer);
      parent.removeEventListener('abort', onAbort);
    },
  };
}
