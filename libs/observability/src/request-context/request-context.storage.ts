import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line of a request carries. `tenantId` is set once auth has resolved it. */
export interface RequestContext {
  readonly requestId: string;
  tenantId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` (and everything it schedules) with `context` as the current request context. */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function getRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Attaches the tenant to the current request context, so later log lines carry tenant_id. */
export function setRequestTenant(tenantId: string): void {
  const context = storage.getStore();
  if (context) context.tenantId = tenantId;
}
